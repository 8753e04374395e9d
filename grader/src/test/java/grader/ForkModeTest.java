package grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dfork=true} runs each kata's specs in a JVM of their own with a capped heap: what no
 * compile-time check can see (ending the JVM through reflection) and what a shared heap would
 * suffer (a large allocation) stay inside that JVM.
 */
@DisplayName("Fork mode: each kata in a JVM of its own")
class ForkModeTest {

    @Test
    @DisplayName("pristine skeletons grade the same as in-process")
    void pristineSkeletons() {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01", "02"))) {
            GraderRun.run(learner.root(), "fork", "true");

            assertThat(GraderTest.rows(learner.resolve("PROGRESS.md")))
                    .allSatisfy(row -> assertThat(row[2]).isEqualTo("❓"))
                    .allSatisfy(row -> assertThat(Integer.parseInt(row[5])).isPositive());
        }
    }

    @Test
    @DisplayName("ending the JVM through reflection fails only that kata, with the reason")
    void reflectiveExit() {
        String[] row = plant("""
                        try {
                            Class.forName("java.lang.System").getMethod("exit", int.class).invoke(null, 3);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                        return null;""", "fork", "true");

        assertThat(row[6]).contains("ended with status 3 before reporting");
    }

    @Test
    @DisplayName("a spec past its time limit ends with its JVM, and the note says so")
    void timeOutEndsTheJvm() {
        String[] row = plant("""
                        long end = System.nanoTime() + 5_000_000_000L;
                        while (System.nanoTime() < end) { }
                        return null;""", "fork", "true", "timeout", "1");

        assertThat(row[6]).contains("did not finish within 1 s, and its JVM was stopped").doesNotContain("still runs");
    }

    @Test
    @DisplayName("the heap cap turns a large allocation into a clear out-of-memory failure")
    void memoryCap() {
        String[] row = plant("        return Tensor.vector(new double[200_000_000]);", "fork", "true", "forkMemory", "128m");

        assertThat(row[6]).contains("ran out of memory");
    }

    private static String[] plant(String code, String... options) {
        return RobustnessTest.plant(RobustnessTest.SUM_TODO, code, options).row();
    }
}
