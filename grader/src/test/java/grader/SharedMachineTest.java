package grader;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Mistake;
import grader.course.Repository;
import grader.course.SpecResult;
import grader.course.Status;
import grader.engine.Engine;
import grader.engine.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's machine runs more than one grader: a watch loop in one terminal, a one-off grade or a
 * mentor's {@code -Dmistake} runs in another. They share the compile cache, and none may take
 * away what another is using; and a grade ended by Ctrl+C leaves nothing behind.
 */
@DisplayName("Graders that share a machine")
class SharedMachineTest {

    @Test
    @DisplayName("graders of one kata at once do not take each other's classes away")
    void gradersAtOnce() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            Path gate = learner.resolve("gate");
            LearnerTreeTest.solveKata01(learner);
            learner.replaceLine(LearnerTreeTest.REDUCTION, "public final class Reduction {", """
                    public final class Reduction {
                        static {
                            while (!java.nio.file.Files.exists(java.nio.file.Path.of("%s"))) {
                                try {
                                    Thread.sleep(20);
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                            Lanes.touch();
                        }""".formatted(gate.toString().replace('\\', '/')));
            learner.write(LearnerTreeTest.KATA_01 + "Lanes.java",
                    "package kata.reduction;\n\nfinal class Lanes {\n    static void touch() {\n    }\n}\n");
            Repository repository = Repository.at(learner.root());
            Kata kata = repository.katas().get(0);
            Path cached = learner.resolve("grader/target/compiled/" + kata.slug());
            PrintStream out = System.out;
            PrintStream err = System.err;
            try (Engine slow = new Engine(repository, new Settings(60, 120, ""))) {
                CompletableFuture<KataResult> waiting = CompletableFuture.supplyAsync(
                        () -> slow.grade(kata, slow.learnerSources(kata), Map.of()));
                waitFor(() -> entries(cached) == 1);
                try (Engine others = new Engine(repository, Settings.DEFAULT)) {
                    for (Mistake mistake : Mistake.catalogue(repository, kata).subList(0, 4)) {
                        assertThat(others.grade(kata, others.mistakeSources(mistake), Map.of()).done()).isFalse();
                    }
                }
                Files.createFile(gate);

                KataResult result = waiting.get(60, TimeUnit.SECONDS);

                List<String> messages = result.specs().stream().map(SpecResult::message).distinct().toList();
                assertThat(result.status()).as(messages.toString()).isEqualTo(Status.DONE);
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
        }
    }

    @Test
    @DisplayName("a grade ended by Ctrl+C deletes its scratch folder")
    void anInterruptedGrade(@TempDir Path temp) throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            learner.replaceLine(RobustnessTest.REDUCTION, RobustnessTest.SUM_TODO,
                    "        long end = System.nanoTime() + 60_000_000_000L;\n        while (System.nanoTime() < end) { }\n        return null;");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process grader = new ProcessBuilder(java,
                    "-Djava.io.tmpdir=" + temp, "-Drepository=" + learner.root(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                waitFor(() -> scratchFolders(temp).stream().anyMatch(folder -> entries(folder) > 0));
                assertThat(scratchFolders(temp)).as("a grade under way").isNotEmpty();

                grader.destroy();

                assertThat(grader.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(scratchFolders(temp)).isEmpty();
            } finally {
                grader.destroyForcibly();
            }
        }
    }

    private static List<Path> scratchFolders(Path temp) {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(file -> file.getFileName().toString().startsWith("kata-grader-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many entries (not counting ones being written or dropped) the folder holds; 0 when it does not exist. */
    private static long entries(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
