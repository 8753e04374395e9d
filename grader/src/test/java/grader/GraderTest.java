package grader;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Kata;
import grader.course.Repository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The grader grades the working tree")
class GraderTest {

    private static final Pattern ROW = Pattern.compile("^\\| (\\d\\d) \\| ([^|]+) \\| (\\S+) ([^|]+) \\| (\\d+)/(\\d+) \\|(.*)\\|$",
            Pattern.MULTILINE);

    private static RepositoryCopy copy;

    @TempDir
    Path scratch;

    @BeforeAll
    static void copyRepository() {
        copy = RepositoryCopy.create();
    }

    @AfterAll
    static void deleteCopy() {
        copy.close();
    }

    @Test
    @DisplayName("the committed PROGRESS.md is exactly what the grader writes for the pristine skeletons")
    void committedProgressIsThePristineTable() throws IOException {
        Path written = scratch.resolve("PROGRESS.md");

        GraderRun.Outcome outcome = GraderRun.on(copy.root()).with("progress", written.toString()).run();

        assertThat(outcome.status()).isZero();
        assertThat(Files.readString(written, StandardCharsets.UTF_8))
                .as("the committed PROGRESS.md is stale: grade the pristine skeletons and commit the result "
                        + "(mvn -q -pl grader exec:java on a clean checkout)")
                .isEqualTo(Pristine.SOURCES.read("PROGRESS.md"));
    }

    @Test
    @DisplayName("pristine skeletons grade as not started, every row, in kata order")
    void skeletonsAreNotStarted() {
        Path progress = scratch.resolve("progress.md");

        GraderRun.Outcome outcome = GraderRun.on(copy.root()).with("progress", progress.toString()).run();

        List<String[]> rows = rows(progress);
        assertThat(outcome.status()).isZero();
        assertThat(rows).extracting(row -> row[0]).containsExactlyElementsOf(kataIds());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row[2]).as("status of kata %s", row[0]).isEqualTo("❓");
            assertThat(row[4]).as("specs passed in kata %s", row[0]).isEqualTo("0");
            assertThat(Integer.parseInt(row[5])).as("specs in kata %s", row[0]).isPositive();
        });
        assertThat(outcome.terminal()).contains("Next step: kata 01").contains("-Dkata=01");
    }

    @Test
    @DisplayName("the reference solutions grade as done")
    void referenceIsDone() {
        Path progress = scratch.resolve("progress.md");

        GraderRun.run(copy.root(), "solutions", "reference", "progress", progress.toString());

        assertThat(rows(progress)).allSatisfy(row -> {
            assertThat(row[2]).as("status of kata %s", row[0]).isEqualTo("✅");
            assertThat(row[4]).isEqualTo(row[5]);
        });
    }

    @Test
    @DisplayName("a solution copied over a skeleton is graded at once, with no build in between")
    void anEditIsSeenByTheNextGrade() throws IOException {
        try (RepositoryCopy learner = RepositoryCopy.create()) {
            Files.copy(learner.resolve("reference/src/main/java/kata/reduction/Reduction.java"),
                    learner.resolve("katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            GraderRun.on(learner.root()).run();

            List<String[]> rows = rows(learner.resolve("PROGRESS.md"));
            assertThat(rows.get(0)[2]).isEqualTo("✅");
            assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row[2]).isEqualTo("❓"));
        }
    }

    @Test
    @DisplayName("a kata that does not compile shows ❌ with its first diagnostic, and the other rows are graded")
    void aCompileErrorIsIsolated() {
        try (RepositoryCopy learner = RepositoryCopy.create()) {
            learner.replaceLine("katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java",
                    "TODO(01): add up", "        return x.oops;");

            GraderRun.Outcome outcome = GraderRun.on(learner.root()).run();

            List<String[]> rows = rows(learner.resolve("PROGRESS.md"));
            assertThat(outcome.status()).isZero();
            assertThat(rows.get(0)[2]).isEqualTo("❌");
            assertThat(rows.get(0)[6]).contains("katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java:")
                    .contains("cannot find symbol");
            assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row[2]).isEqualTo("❓"));
        }
    }

    @Test
    @DisplayName("-Dkata lists the kata's specs in order with the first failure in full, and leaves PROGRESS.md alone")
    void oneKataInDetail() {
        GraderRun.Outcome outcome = GraderRun.run(copy.root(), "kata", "1");

        assertThat(outcome.terminal()).contains("Kata 01").contains("✘").contains("not written yet: TODO(01)");
        assertThat(copy.resolve("PROGRESS.md")).doesNotExist();
    }

    @Test
    @DisplayName("a bad option stops the grader with status 2 and a reason")
    void badOptions() {
        assertThat(GraderRun.run(copy.root(), "solutions", "mine-and-yours").terminal()).contains("-Dsolutions=mine-and-yours");
        assertThat(GraderRun.run(copy.root(), "kata", "77").status()).isEqualTo(2);
        assertThat(GraderRun.run(copy.root(), "timeout", "soon").status()).isEqualTo(2);
        assertThat(GraderRun.run(copy.root(), "mistake", "unbiased-variance").terminal()).contains("add -Dkata=NN");
    }

    @Test
    @DisplayName("a misspelt option is refused with the option meant; Maven's, the JVM's and other tools' properties are not")
    void misspeltOptions() {
        GraderRun.Outcome outcome = GraderRun.run(copy.root(), "solution", "reference");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.terminal()).contains("-Dsolution is not an option: did you mean -Dsolutions?")
                .contains("The options are -Dkata, -Dsolutions");
        assertThat(Options.misspelt("wach")).contains("watch");
        assertThat(Options.misspelt("katta")).contains("kata");
        assertThat(Options.misspelt("KATA")).contains("kata");
        assertThat(Options.misspelt("katatimeout")).contains("kataTimeout");
        assertThat(List.of("style.color", "QT_SEED", "user.dir", "test", "specs", "skipTests", "exec.args", "java.home"))
                .allSatisfy(name -> assertThat(Options.misspelt(name)).as(name).isEmpty());
    }

    @Test
    @DisplayName("a table that cannot be written is reported, with status 2, and the previous one is kept")
    void anUnwritableTable() throws IOException {
        Path notAFolder = Files.writeString(scratch.resolve("file"), "keep me");

        GraderRun.Outcome outcome = GraderRun.run(copy.root(), "progress", notAFolder.resolve("PROGRESS.md").toString());

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.terminal()).contains("could not write the results");
        assertThat(Files.readString(notAFolder)).isEqualTo("keep me");
    }

    static List<String[]> rows(Path progress) {
        try {
            Matcher matcher = ROW.matcher(Files.readString(progress, StandardCharsets.UTF_8));
            List<String[]> rows = new java.util.ArrayList<>();
            while (matcher.find()) {
                rows.add(new String[] {matcher.group(1), matcher.group(2).strip(), matcher.group(3),
                    matcher.group(4).strip(), matcher.group(5), matcher.group(6), matcher.group(7).strip()});
            }
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> kataIds() {
        return Repository.at(copy.root()).katas().stream().map(Kata::id).toList();
    }
}
