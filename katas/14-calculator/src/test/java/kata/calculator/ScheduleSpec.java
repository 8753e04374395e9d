package kata.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import kata.support.Tolerance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-14")
@Order(5)
@DisplayName("14 Calculator: the warmup schedule")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleSpec {

    // The paper's values for d = 512, warmup = 4000, printed by Python:
    // 512 ** -0.5 * min(step ** -0.5, step * 4000 ** -1.5).

    @Test
    @Order(1)
    @DisplayName("the paper's values for d = 512, warmup 4000: 1.747e-7 at step 1, the peak 6.988e-4 at 4000, 4.941e-4 at 8000, 1.398e-4 at 100000")
    void thePaperValues() {
        assertThat(Schedule.rate(1, 512, 4000)).describedAs("step 1: the warmup term 512^-0.5 * 1 * 4000^-1.5 is the smaller")
                .isCloseTo(1.746928107421711e-07, within(1e-7 * Tolerance.DEFAULT));
        assertThat(Schedule.rate(4000, 512, 4000)).describedAs("step 4000 = warmup: both terms equal 4000^-0.5")
                .isCloseTo(0.0006987712429686843, within(1e-4 * Tolerance.DEFAULT));
        assertThat(Schedule.rate(8000, 512, 4000)).describedAs("step 8000: 512^-0.5 * 8000^-0.5, the peak divided by sqrt 2")
                .isCloseTo(0.0004941058844013093, within(1e-4 * Tolerance.DEFAULT));
        assertThat(Schedule.rate(100_000, 512, 4000)).describedAs("step 100000: 512^-0.5 * 100000^-0.5")
                .isCloseTo(0.00013975424859373687, within(1e-4 * Tolerance.DEFAULT));
    }

    @Test
    @Order(2)
    @DisplayName("the rate peaks at step = warmup: it still rises one step before and already falls one step after")
    void theRatePeaksAtTheEndOfTheWarmup() {
        double peak = Schedule.rate(4000, 512, 4000);

        assertThat(Schedule.rate(3999, 512, 4000)).describedAs("one step before the peak").isLessThan(peak)
                .isCloseTo(0.0006985965501579421, within(1e-4 * Tolerance.DEFAULT));
        assertThat(Schedule.rate(4001, 512, 4000)).describedAs("one step after the peak").isLessThan(peak)
                .isCloseTo(0.000698683912937353, within(1e-4 * Tolerance.DEFAULT));
    }

    @Test
    @Order(3)
    @DisplayName("the warmup rises linearly: rate(2t) = 2 rate(t) before the peak; d scales it by d^-0.5")
    void theWarmupRisesLinearly() {
        double rate = Schedule.rate(10, 64, 100);

        assertThat(Schedule.rate(20, 64, 100)).describedAs("step * warmup^-1.5 is linear in step")
                .isCloseTo(2 * rate, within(rate * Tolerance.DEFAULT));
        assertThat(rate).describedAs("64^-0.5 * 10 * 100^-1.5 = 0.125 * 10 / 1000")
                .isCloseTo(0.00125, within(1e-3 * Tolerance.DEFAULT));
        assertThat(Schedule.rate(1, 1, 1)).describedAs("d = warmup = step = 1: every factor is 1").isCloseTo(1.0, within(Tolerance.DEFAULT));
    }

    @Test
    @Order(4)
    @DisplayName("step, dModel and warmup below 1 are rejected, each named")
    void valuesBelowOneAreRejected() {
        assertThatIllegalArgumentException().describedAs("steps count from 1: step 0 would divide by zero")
                .isThrownBy(() -> Schedule.rate(0, 512, 4000)).withMessageContaining("step = 0");
        assertThatIllegalArgumentException().describedAs("d is at least 1")
                .isThrownBy(() -> Schedule.rate(1, 0, 4000)).withMessageContaining("dModel = 0");
        assertThatIllegalArgumentException().describedAs("warmup is at least 1")
                .isThrownBy(() -> Schedule.rate(1, 512, 0)).withMessageContaining("warmup = 0");
        assertThatIllegalArgumentException().describedAs("negative steps are rejected too")
                .isThrownBy(() -> Schedule.rate(-3, 512, 4000)).withMessageContaining("step = -3");
    }
}
