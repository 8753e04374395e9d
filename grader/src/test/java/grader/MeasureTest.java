package grader;

import static org.assertj.core.api.Assertions.assertThat;

import grader.modes.MeasureModeTables;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("-Dmeasure=12 times kata 12's blocked matmul")
class MeasureTest {

    @Test
    @DisplayName("on the skeleton it stops with \"not written yet\"; on another kata it is refused; each size keeps its best figure")
    void measure() {
        try (RepositoryCopy copy = RepositoryCopy.create(Set.of("01", "12"))) {
            GraderRun.Outcome skeleton = GraderRun.run(copy.root(), "measure", "12");
            GraderRun.Outcome other = GraderRun.run(copy.root(), "measure", "01");

            assertThat(skeleton.status()).isZero();
            assertThat(skeleton.terminal()).contains("measuring stopped in your code: not written yet: TODO(12)");
            assertThat(copy.resolve("katas/12-compute/measurements/matmul.txt")).doesNotExist();
            assertThat(other.status()).isEqualTo(2);
            assertThat(other.terminal()).contains("has nothing to measure").contains("-Dmeasure=12");
        }
        String header = String.format("%6s %14s %20s%n", "n", "naive GFLOP/s", "blocked(32) GFLOP/s");
        assertThat(MeasureModeTables.best(List.of(
                header + "    64          0.200                0.500\n   128          0.900                0.400\n",
                header + "    64          0.300                0.100\n   128          0.100                0.800\n")))
                .isEqualTo(header + "    64          0.300                0.500\n   128          0.900                0.800\n");
    }
}
