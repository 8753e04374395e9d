package grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Learners' habits that the grader's modes must survive, each on a scratch copy: options given the
 * wrong way, sources moved away, work committed before a reset, a file where the grader keeps its
 * state, damaged saved models.
 */
@DisplayName("Every mode survives learners' habits")
class HabitsTest {

    private static final String DROPOUT = "katas/05-dropout/src/main/java/kata/dropout/Dropout.java";
    private static final String DROPOUT_SPEC = "katas/05-dropout/src/test/java/kata/dropout/DropoutSpec.java";

    @Test
    @DisplayName("a misspelt option is refused before the training JVM starts, which receives only the grader's options")
    void misspeltOptionUnderTraining() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Map<String, String> properties = new HashMap<>(Map.of("train", "calculator", "step", "100",
                "repository", Path.of(".").toString()));
        long start = System.nanoTime();

        int status = Main.start(properties, out, true);

        assertThat(status).isEqualTo(2);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("grader: -Dstep is not an option: did you mean -Dsteps?");
        assertThat(System.nanoTime() - start).as("refused before anything long starts").isLessThan(5_000_000_000L);
    }

    @ParameterizedTest(name = "-D{0}={1} -D{2}={3}: {4}")
    @CsvSource(delimiter = '|', value = {
        "dModel | 63         | seed  | 1          | -DdModel=63 is not a multiple of -Dheads=4: each head gets dModel / heads dimensions",
        "heads  | 3          | seed  | 1          | -DdModel=64 is not a multiple of -Dheads=3: each head gets dModel / heads dimensions",
        "dModel | 40000      | seed  | 1          | -DdModel=40000 is more than 1024, the most a run takes (training in plain Java on a CPU)",
        "steps  | 1000000000 | seed  | 1          | -Dsteps=1000000000 is more than 1000000, the most a run takes (the loss of every step is kept for the curve)",
        "dModel | 512        | layers | 12        | the model of d=512 heads=4 dFF=256 layers=12+12 has about ",
    })
    void sizesRefusedUpFront(String name, String value, String other, String otherValue, String message) {
        Map<String, String> properties = new HashMap<>(Map.of("train", "calculator", name, value, other, otherValue));
        properties.put("repository", Path.of(".").toString());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        long start = System.nanoTime();

        int status = Main.start(properties, new PrintStream(buffer, true, StandardCharsets.UTF_8), true);

        assertThat(status).isEqualTo(2);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("grader: " + message).endsWith(System.lineSeparator())
                .hasLineCount(1);
        assertThat(System.nanoTime() - start).as("refused before grading").isLessThan(5_000_000_000L);
    }

    @ParameterizedTest(name = "-D{0}= is refused, not taken for a full grade")
    @CsvSource({"ask", "hint", "reset", "kata"})
    void emptyValues(String name) {
        GraderRun.Outcome outcome = GraderRun.run(Path.of("."), name, "");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.terminal()).startsWith("grader: -D" + name + "= is empty: ").doesNotContain("Grading");
    }

    @Test
    @DisplayName("a kata whose src folder was moved away keeps its row, saying so, and the katas after it are blocked by it")
    void sourcesMovedAway() throws IOException {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("04", "05", "06", "07", "09"))) {
            Files.move(learner.resolve("katas/05-dropout/src"), learner.resolve("moved-away"));

            GraderRun.Outcome graded = GraderRun.run(learner.root());
            GraderRun.Outcome one = GraderRun.run(learner.root(), "kata", "05");

            assertThat(graded.status()).isZero();
            List<String[]> rows = GraderTest.rows(learner.resolve("PROGRESS.md"));
            assertThat(rows).extracting(row -> row[0]).containsExactly("04", "05", "06", "07", "09");
            assertThat(rows.get(1)[2]).isEqualTo("❌");
            assertThat(rows.get(1)[6]).contains("katas/05-dropout/src is missing: put it back, or -Dreset=05 restores");
            assertThat(rows.get(4)[6]).contains("blocked by kata 05");
            assertThat(one.status()).isZero();
            assertThat(one.terminal()).contains("katas/05-dropout/src is missing");
        }
    }

    @Test
    @DisplayName("after the learner committed, -Dreset brings back the shipped skeleton and the ⚠ note names the shipped commit")
    void resetAfterCommits() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("05"))) {
            assumeTrue(git(learner.root(), "init", "-q") && git(learner.root(), "add", "-A")
                    && commit(learner.root(), "the course"), "git runs here");
            String shipped = output(learner.root(), "rev-parse", "--short", "HEAD");
            String skeleton = learner.read(DROPOUT);
            learner.write(DROPOUT, skeleton + "\n// my work\n");
            learner.write(DROPOUT_SPEC, learner.read(DROPOUT_SPEC) + "\n// an edited spec\n");
            assertThat(git(learner.root(), "add", "-A") && commit(learner.root(), "my work")).isTrue();

            GraderRun.Outcome graded = GraderRun.run(learner.root());
            String note = GraderTest.rows(learner.resolve("PROGRESS.md")).get(0)[6];
            GraderRun.Outcome reset = GraderRun.run(learner.root(), "reset", "05", "yes", "true");

            assertThat(graded.status()).isZero();
            assertThat(note).contains("git checkout " + shipped + " -- katas/05-dropout/src/test restores them");
            assertThat(reset.status()).as(reset.terminal()).isZero();
            assertThat(reset.terminal()).contains(DROPOUT).contains(DROPOUT_SPEC).doesNotContain("nothing to reset");
            assertThat(learner.read(DROPOUT)).isEqualTo(skeleton);
            assertThat(learner.read(DROPOUT_SPEC)).doesNotContain("an edited spec");
            assertThat(GraderRun.run(learner.root(), "reset", "05", "yes", "true").terminal())
                    .contains("already as the course shipped it: nothing to reset");
        }
    }

    @Test
    @DisplayName("a file named .grader makes -Dhint say what to do, with status 2")
    void aFileWhereTheStateFolderGoes() throws IOException {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            Files.writeString(learner.resolve(".grader"), "notes\n");

            GraderRun.Outcome hint = GraderRun.run(learner.root(), "hint", "01");

            assertThat(hint.status()).isEqualTo(2);
            assertThat(hint.terminal()).contains(".grader is a file").contains("move the file away");
        }
    }

    @Test
    @DisplayName("a damaged sizes line of the saved model is the file's fault, with status 2, not the learner's code")
    void damagedSizes() {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("14"))) {
            learner.write(".grader/calculator/model.txt", "calculator model\nsizes 14 64 0 256 2 2 8\nformat reversed\n"
                    + "trained by hand\ntensors 0\n");

            GraderRun.Outcome asked = GraderRun.run(learner.root(), "ask", "1+2");

            assertThat(asked.status()).isEqualTo(2);
            assertThat(asked.terminal()).contains("cannot be read (line 2: the sizes").contains("train again");
        }
    }

    @Test
    @DisplayName("PROGRESS.md and the JSON get the permissions any new file gets, not a temporary file's")
    void permissions() throws IOException {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            assumeTrue(Files.getFileStore(learner.root()).supportsFileAttributeView("posix"), "POSIX permissions");
            Path plain = Files.createFile(learner.resolve("plain.txt"));

            GraderRun.run(learner.root(), "json", learner.resolve("grade.json").toString());

            String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(plain));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(learner.resolve("PROGRESS.md"))))
                    .isEqualTo(expected);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(learner.resolve("grade.json"))))
                    .isEqualTo(expected);
        }
    }

    private static boolean commit(Path root, String message) throws IOException, InterruptedException {
        return git(root, "-c", "user.name=course", "-c", "user.email=course@example.org", "commit", "-q", "-m", message);
    }

    private static boolean git(Path root, String... arguments) throws InterruptedException {
        return RepositoryCopy.git(root, arguments);
    }

    private static String output(Path root, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
