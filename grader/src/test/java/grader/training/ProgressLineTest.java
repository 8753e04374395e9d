package grader.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The training's progress line")
class ProgressLineTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    @DisplayName("estimates the time left from the average step while steps run at their pace")
    void steadySteps() {
        assertThat(TrainMode.progress(10, 100, 64, 1.234, 10 * SECOND, 10 * SECOND + SECOND / 2))
                .isEqualTo("step 10/100  loss 1.234  61 problems/s  1 min 30 s left");
    }

    @Test
    @DisplayName("notices a stalled step: the time left grows with it, and the line says how long it has run")
    void stalledStep() {
        String line = TrainMode.progress(10, 100, 64, 1.234, 10 * SECOND, 70 * SECOND);

        assertThat(line).contains("1 h 30 min left").endsWith("(step 11 has run for 1 min 00 s)");
    }

    @Test
    @DisplayName("before the first step ends, says how long it has run instead of a made-up estimate")
    void firstStep() {
        assertThat(TrainMode.progress(0, 100, 64, Double.NaN, 0, 6 * SECOND))
                .isEqualTo("step 0/100  loss -  0 problems/s  ? left  (step 1 has run for 6 s)");
    }
}
