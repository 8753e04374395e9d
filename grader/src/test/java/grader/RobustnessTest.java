package grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whatever learner code does, grading completes, every row is reported, the table is written, and
 * only the kata with the bad code fails, with a reason a learner understands. Each test plants bad
 * code in kata 01's {@code sum} (the first thing its specs call) in a scratch copy holding katas
 * 01 and 02.
 */
@DisplayName("The grader survives any learner code")
class RobustnessTest {

    static final String REDUCTION = "katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java";
    static final String SUM_TODO = "TODO(01): add up";

    @Test
    @DisplayName("an exception in a method fails the spec with the exception and the learner's line")
    void anExceptionInAMethod() {
        Graded graded = plant(SUM_TODO, "        throw new IllegalStateException(\"broken on purpose\");");

        assertThat(graded.row()[2]).isEqualTo("❓");
        assertThat(graded.detail()).contains("IllegalStateException: broken on purpose (at Reduction.java:");
    }

    @Test
    @DisplayName("an exception in a static initializer is reported as such")
    void anExceptionInAStaticInitializer() {
        Graded graded = plant("public final class Reduction {",
                "public final class Reduction {\n    private static final int BROKEN = Integer.parseInt(\"not a number\");");

        assertThat(graded.row()[2]).isEqualTo("❓");
        assertThat(graded.detail()).contains("a static initializer threw NumberFormatException");
    }

    @Test
    @DisplayName("an endless busy loop fails its spec after the time limit, and the rest of the kata is skipped")
    void anEndlessLoop() {
        Graded graded = plant(SUM_TODO, busyLoopSeconds(3), "timeout", "1");

        assertThat(graded.row()[6]).contains("did not finish within 1 s");
        assertThat(graded.detail()).contains("did not finish within 1 s (an endless loop?)");
    }

    @Test
    @DisplayName("a kata that runs past its total budget is cut off")
    void aKataPastItsBudget() {
        Graded graded = plant(SUM_TODO, busyLoopSeconds(3), "timeout", "30", "kataTimeout", "1");

        assertThat(graded.row()[6]).contains("the kata did not finish within 1 s in total");
    }

    @Test
    @DisplayName("System.exit, Runtime.exit and Runtime.halt are refused at compile time")
    void exitingTheJvm() {
        for (String exit : List.of("System.exit(3);", "Runtime.getRuntime().exit(3);", "Runtime.getRuntime().halt(3);",
                "java.util.function.IntConsumer quit = System::exit; quit.accept(3);")) {
            Graded graded = plant(SUM_TODO, "        " + exit + "\n        return null;");

            assertThat(graded.row()[2]).as(exit).isEqualTo("❌");
            assertThat(graded.row()[6]).as(exit).contains("Reduction.java:").containsPattern("calls (System|Runtime)\\.(exit|halt)");
        }
    }

    @Test
    @DisplayName("an allocation far beyond the heap fails the spec that made it")
    void runningOutOfMemory() {
        Graded graded = plant(SUM_TODO, "        double[] huge = new double[Integer.MAX_VALUE - 8];\n        return Tensor.vector(huge[0]);");

        assertThat(graded.row()[6]).contains("ran out of memory");
        assertThat(graded.detail()).contains("ran out of memory");
    }

    @Test
    @DisplayName("unbounded recursion fails the spec with a stack overflow")
    void unboundedRecursion() {
        Graded graded = plant(SUM_TODO, "        return sum(x, axis, keepDim);");

        assertThat(graded.detail()).contains("the stack overflowed");
    }

    @Test
    @DisplayName("a thread left running does not stop grading, and runs outside the grader's thread group")
    void aThreadLeftRunning() {
        Graded graded = plant(SUM_TODO, """
                        Thread sleeper = new Thread(() -> {
                            while (true) {
                                try { Thread.sleep(60_000); } catch (InterruptedException e) { return; }
                            }
                        }, "left-running");
                        sleeper.setDaemon(false);
                        sleeper.start();
                        throw new UnsupportedOperationException("TODO(01): add up the elements along the axis");""");

        assertThat(graded.row()[2]).isEqualTo("❓");
        Thread leftRunning = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("left-running")).findFirst().orElseThrow();
        assertThat(leftRunning.getThreadGroup()).isNotSameAs(Thread.currentThread().getThreadGroup());
        leftRunning.interrupt();
    }

    @Test
    @DisplayName("output flooding standard output stays off the terminal and out of the table")
    void floodingStandardOutput() {
        Graded graded = plant(SUM_TODO, """
                        for (int i = 0; i < 20_000; i++) {
                            System.out.println("flood flood flood flood flood flood flood flood " + i);
                        }
                        throw new UnsupportedOperationException("TODO(01): add up the elements along the axis");""");

        assertThat(graded.table()).doesNotContain("flood flood");
        assertThat(graded.row()[6]).contains("printed").contains("MB (not shown)");
        assertThat(graded.detail()).contains("| flood flood").contains("more (not kept)");
    }

    @Test
    @DisplayName("half a character (a lone surrogate) in a message is written as U+FFFD, in-process and forked")
    void aLoneSurrogateInAMessage() {
        for (String[] options : List.of(new String[] {}, new String[] {"fork", "true"})) {
            Graded graded = plant(SUM_TODO, "        throw new IllegalStateException(\"half \\uD83D of a face\");", options);

            assertThat(graded.row()[2]).isEqualTo("❓");
            assertThat(graded.row()[6]).doesNotContain("ended with status");
            assertThat(graded.detail()).contains("IllegalStateException: half \uFFFD of a face");
        }
    }

    private static String busyLoopSeconds(int seconds) {
        return "        long end = System.nanoTime() + " + seconds + "_000_000_000L;\n"
                + "        while (System.nanoTime() < end) { }\n"
                + "        return null;";
    }

    /** The table's terminal text, kata 01's PROGRESS.md row, and the spec messages (JSON; the -Dkata=01 listing when printing). */
    record Graded(String table, String[] row, String detail) {
    }

    /** Plants {@code code} in place of the line holding {@code marker} in kata 01, grades, and checks the table is intact. */
    static Graded plant(String marker, String code, String... options) {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01", "02"))) {
            learner.replaceLine(REDUCTION, marker, code);
            String[] withJson = java.util.Arrays.copyOf(options, options.length + 2);
            withJson[options.length] = "json";
            withJson[options.length + 1] = learner.resolve("results.json").toString();

            GraderRun.Outcome table = GraderRun.run(learner.root(), withJson);

            List<String[]> rows = GraderTest.rows(learner.resolve("PROGRESS.md"));
            assertThat(table.status()).isZero();
            assertThat(rows).extracting(row -> row[0]).containsExactly("01", "02");
            assertThat(rows.get(1)[2]).as("kata 02, untouched").isEqualTo("❓");
            assertThat(learner.read(REDUCTION)).as("the learner's source, never written by the grader").contains(code.strip());
            String detail = learner.read("results.json").replace("\\n", "\n").replace("\\\"", "\"");
            if (code.contains("System.out")) {
                detail += GraderRun.run(learner.root(), "kata", "01").terminal();
            }
            return new Graded(table.terminal(), rows.get(0), detail);
        }
    }
}
