package grader.modes;

import static org.assertj.core.api.Assertions.assertThat;

import grader.RepositoryCopy;
import grader.course.Kata;
import grader.course.Repository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Watch mode grades again the kata whose files were saved")
class WatchTest {

    private static final String REDUCTION = "katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java";

    @Test
    @DisplayName("saving a kata's file regrades that kata only; saving support code regrades every kata")
    void savingAFileRegradesItsKata() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01", "02"))) {
            List<List<String>> regraded = new CopyOnWriteArrayList<>();
            Watching watching = Watching.start(watchOf(learner), changed -> regraded.add(changed.stream().map(Kata::id).toList()));

            Thread.sleep(700);
            learner.write(REDUCTION, learner.read(REDUCTION) + "\n// saved\n");
            waitFor(() -> regraded.size() == 1);
            String seeds = "katas/support/src/main/java/kata/support/Seeds.java";
            learner.write(seeds, learner.read(seeds) + "\n// saved\n");
            waitFor(() -> regraded.size() == 2);
            watching.stop();

            assertThat(regraded).containsExactly(List.of("01"), List.of("01", "02"));
        }
    }

    @Test
    @DisplayName("a file saved while its kata is being graded leads to another grade")
    void aSaveDuringAGradeLeadsToAnother() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            List<String> regraded = new CopyOnWriteArrayList<>();
            Watching watching = Watching.start(watchOf(learner), changed -> {
                regraded.add(learner.read(REDUCTION));
                if (regraded.size() == 1) {
                    learner.write(REDUCTION, learner.read(REDUCTION) + "// the good version, saved during the grade\n");
                }
            });

            Thread.sleep(700);
            learner.write(REDUCTION, learner.read(REDUCTION) + "// a broken version\n");
            waitFor(() -> regraded.size() == 2);
            watching.stop();

            assertThat(regraded).hasSize(2);
            assertThat(regraded.get(1)).as("the last grade saw the last save").endsWith("saved during the grade\n");
        }
    }

    @Test
    @DisplayName("a file saved during the first grade, before watching begins, leads to another grade")
    void aSaveBeforeWatchingBeginsLeadsToAGrade() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            List<String> regraded = new CopyOnWriteArrayList<>();
            Watch watch = watchOf(learner);
            learner.write(REDUCTION, learner.read(REDUCTION) + "// saved while the first grade ran\n");
            Watching watching = Watching.start(watch, changed -> regraded.add(learner.read(REDUCTION)));

            waitFor(() -> regraded.size() == 1);
            watching.stop();

            assertThat(regraded).as("the save between the watch's start and its first look").hasSize(1);
            assertThat(regraded.get(0)).endsWith("saved while the first grade ran\n");
        }
    }

    @Test
    @DisplayName("moving a kata's sources away while watching: the kata is graded as missing, and the watch goes on")
    void sourcesMovedAwayWhileWatching() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            Repository repository = Repository.at(learner.root());
            ByteArrayOutputStream terminal = new ByteArrayOutputStream();
            List<String> notes = new CopyOnWriteArrayList<>();
            try (grader.engine.Engine engine = new grader.engine.Engine(repository, grader.engine.Settings.DEFAULT)) {
                GradingSession session = new GradingSession(new GradingOptions(grader.engine.Engine.Solutions.LEARNER,
                        grader.engine.Settings.DEFAULT, java.util.Optional.empty(), java.util.Optional.empty(), true),
                        repository, engine, repository.katas());
                Watch watch = new Watch(repository, repository.katas(), new PrintStream(terminal, true, StandardCharsets.UTF_8));
                boolean[] failed = {false};
                Watching watching = Watching.start(watch, changed -> {
                    if (!failed[0]) {
                        failed[0] = true;
                        throw new java.io.UncheckedIOException(new java.io.IOException("a folder vanished mid-grade"));
                    }
                    session.grade(changed).forEach(result -> notes.add(result.statusText() + " " + result.note()));
                });

                Thread.sleep(700);
                learner.write(REDUCTION, learner.read(REDUCTION) + "\n// saved\n");
                waitFor(() -> terminal.toString(StandardCharsets.UTF_8).contains("still watching"));
                java.nio.file.Files.move(learner.resolve("katas/01-tensor-reduction/src"), learner.resolve("moved"));
                waitFor(() -> notes.size() == 1);
                boolean alive = watching.thread().isAlive();
                watching.stop();

                assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("grader: could not grade 01")
                        .contains("a folder vanished mid-grade").contains("still watching");
                assertThat(alive).isTrue();
                assertThat(notes).singleElement().asString().contains("katas/01-tensor-reduction/src is missing");
            }
        }
    }

    /** A watch on the scratch copy that prints nowhere. */
    private static Watch watchOf(RepositoryCopy learner) {
        Repository repository = Repository.at(learner.root());
        return new Watch(repository, repository.katas(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** A watch looping on a thread of its own until stopped. */
    private record Watching(Thread thread, AtomicBoolean keepGoing) {

        static Watching start(Watch watch, Consumer<List<Kata>> regrade) {
            AtomicBoolean keepGoing = new AtomicBoolean(true);
            Thread thread = new Thread(() -> watch.loop(keepGoing::get, regrade));
            thread.start();
            return new Watching(thread, keepGoing);
        }

        void stop() throws InterruptedException {
            keepGoing.set(false);
            thread.join(5_000);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
