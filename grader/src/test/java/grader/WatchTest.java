package grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Watch mode grades again the kata whose files were saved")
class WatchTest {

    @Test
    @DisplayName("saving a kata's file regrades that kata only; saving support code regrades every kata")
    void savingAFileRegradesItsKata() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01", "02"))) {
            Repository repository = Repository.at(learner.root());
            List<List<String>> regraded = new CopyOnWriteArrayList<>();
            AtomicBoolean keepGoing = new AtomicBoolean(true);
            Watch watch = new Watch(repository, repository.katas(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            Thread watcher = new Thread(() -> watch.loop(keepGoing::get,
                    changed -> regraded.add(changed.stream().map(Kata::id).toList())));
            watcher.start();

            Thread.sleep(700);
            String reduction = "katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java";
            learner.write(reduction, learner.read(reduction) + "\n// saved\n");
            waitFor(() -> regraded.size() == 1);
            String seeds = "katas/support/src/main/java/kata/support/Seeds.java";
            learner.write(seeds, learner.read(seeds) + "\n// saved\n");
            waitFor(() -> regraded.size() == 2);
            keepGoing.set(false);
            watcher.join(5_000);

            assertThat(regraded).containsExactly(List.of("01"), List.of("01", "02"));
        }
    }

    @Test
    @DisplayName("a file saved while its kata is being graded leads to another grade")
    void aSaveDuringAGradeLeadsToAnother() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            Repository repository = Repository.at(learner.root());
            String reduction = "katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java";
            List<String> regraded = new CopyOnWriteArrayList<>();
            AtomicBoolean keepGoing = new AtomicBoolean(true);
            Watch watch = new Watch(repository, repository.katas(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            Thread watcher = new Thread(() -> watch.loop(keepGoing::get, changed -> {
                regraded.add(learner.read(reduction));
                if (regraded.size() == 1) {
                    learner.write(reduction, learner.read(reduction) + "// the good version, saved during the grade\n");
                }
            }));
            watcher.start();

            Thread.sleep(700);
            learner.write(reduction, learner.read(reduction) + "// a broken version\n");
            waitFor(() -> regraded.size() == 2);
            keepGoing.set(false);
            watcher.join(5_000);

            assertThat(regraded).hasSize(2);
            assertThat(regraded.get(1)).as("the last grade saw the last save").endsWith("saved during the grade\n");
        }
    }

    @Test
    @DisplayName("a file saved during the first grade, before watching begins, leads to another grade")
    void aSaveBeforeWatchingBeginsLeadsToAGrade() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            Repository repository = Repository.at(learner.root());
            String reduction = "katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java";
            List<String> regraded = new CopyOnWriteArrayList<>();
            AtomicBoolean keepGoing = new AtomicBoolean(true);
            Watch watch = new Watch(repository, repository.katas(),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            Thread.sleep(50);
            learner.write(reduction, learner.read(reduction) + "// saved while the first grade ran\n");
            Thread watcher = new Thread(() -> watch.loop(keepGoing::get, changed -> regraded.add(learner.read(reduction))));
            watcher.start();

            waitFor(() -> regraded.size() == 1);
            keepGoing.set(false);
            watcher.join(5_000);

            assertThat(regraded).as("the save between the watch's start and its first look").hasSize(1);
            assertThat(regraded.get(0)).endsWith("saved while the first grade ran\n");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
