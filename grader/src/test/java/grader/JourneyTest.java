package grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grader.course.Git;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A learner's path through the grader, stage by stage, on a scratch copy of the committed course
 * (katas 01 to 03) made a git checkout of its own: untouched, kata 01 solved, kata 02 half done, a
 * compile error in kata 03, an edited spec, a hint, a reset. Each stage checks the table and the
 * messages the learner reads.
 */
@DisplayName("A learner's path through the grader")
class JourneyTest {

    private static final String REDUCTION = "katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java";
    private static final String REDUCTION_SPEC = "katas/01-tensor-reduction/src/test/java/kata/reduction/ReductionSpec.java";
    private static final String BROADCASTING = "katas/02-broadcasting/src/main/java/kata/broadcasting/Broadcasting.java";
    private static final String HINTS = "katas/01-tensor-reduction/HINTS.md";
    private static final String STRIDES = "katas/03-contiguity/src/main/java/kata/contiguity/Strides.java";

    @Test
    @DisplayName("untouched, solved, half done, not compiling, specs edited, a hint, a reset: each stage says what it should")
    void theLearnersPath() throws Exception {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01", "02", "03"))) {
            assumeTrue(git(learner.root(), "init", "-q") && git(learner.root(), "add", "-A")
                    && git(learner.root(), "-c", "user.name=course", "-c", "user.email=course@example.org",
                            "commit", "-q", "-m", "the course"), "git runs here");

            GraderRun.Outcome untouched = GraderRun.on(learner.root()).run();
            assertThat(statuses(learner)).containsExactly("❓", "❓", "❓");
            assertThat(learner.read("PROGRESS.md")).as("PROGRESS.md has the terminal's next step")
                    .contains("Next step: kata 01 Tensor reduction, first failing spec")
                    .contains("Run: `mvn -q -pl grader exec:java -Dkata=01`");
            assertThat(untouched.terminal()).contains("0 of 17 katas done (3 written so far)")
                    .contains("Next step: kata 01 Tensor reduction, first failing spec").contains("-Dkata=01")
                    .doesNotContain("\u001b[");
            String skeleton = GraderRun.run(learner.root(), "kata", "01").terminal();
            assertThat(skeleton.lines().filter(line -> line.contains("(ReductionProperties#")).count())
                    .as("the property specs are listed").isPositive();
            assertThat(skeleton).as("a skeleton's property says not written yet, as its examples do")
                    .doesNotContain("property falsified").doesNotContain("junit").doesNotContain("\tat ");

            learner.write(REDUCTION, learner.read("reference/src/main/java/" + REDUCTION.substring(REDUCTION.indexOf("kata/"))));
            GraderRun.Outcome solved = GraderRun.on(learner.root()).run();
            assertThat(statuses(learner)).containsExactly("✅", "❓", "❓");
            assertThat(solved.terminal()).contains("1 of 17 katas done").contains("Next step: kata 02 Broadcasting");

            learner.write(BROADCASTING, learner.read("reference/src/main/java/kata/broadcasting/Broadcasting.java"));
            GraderRun.Outcome halfDone = GraderRun.run(learner.root(), "kata", "02");
            assertThat(halfDone.terminal()).contains("Kata 02 Broadcasting: 🟡 in progress").contains("✔").contains("✘")
                    .contains("Fix the first failing spec, then run this command again.");
            assertThat(halfDone.terminal().lines().filter(line -> line.startsWith("        ")).count())
                    .as("every failure after the first has its line").isGreaterThanOrEqualTo(2);

            learner.replaceLine(STRIDES, "TODO(03): compute the row-major strides", "        return shape.lenght;");
            GraderRun.Outcome broken = GraderRun.run(learner.root(), "kata", "03");
            assertThat(broken.terminal()).contains("❌ does not compile")
                    .contains(STRIDES + ":40: cannot find symbol").containsPattern("return shape\\.lenght;\n {26}\\^\n")
                    .contains("Fix the compile error above, then run this command again.")
                    .doesNotContain("Fix the first failing spec");

            learner.write(REDUCTION_SPEC, learner.read(REDUCTION_SPEC) + "\n// edited\n");
            GraderRun.Outcome edited = GraderRun.on(learner.root()).run();
            assertThat(statuses(learner)).containsExactly("⚠", "🟡", "❌");
            assertThat(edited.terminal()).contains("1 kata has modified specs, not counted")
                    .doesNotContain("-Dmanifest");
            String manifest = learner.read("grader/spec-manifest.txt");
            GraderRun.Outcome refused = GraderRun.run(learner.root(), "manifest", "write");
            assertThat(refused.status()).isEqualTo(2);
            assertThat(refused.terminal()).contains("not writing the manifest").contains(REDUCTION_SPEC);
            assertThat(learner.read("grader/spec-manifest.txt")).isEqualTo(manifest);

            if (!Files.exists(learner.resolve(HINTS))) {
                // until every kata carries its HINTS.md, the journey brings its own
                learner.write(HINTS, HintTest.HINTS);
            }
            assertThat(GraderRun.run(learner.root(), "hint", "01").terminal()).contains("Hint 1 of 3").contains("2 more hints");
            assertThat(GraderRun.run(learner.root(), "hint", "1").terminal()).contains("Hint 2 of 3");
            assertThat(changes(learner.root())).as("git status after the hints").noneMatch(line -> line.contains(".grader"));

            GraderRun.Outcome reset = GraderRun.run(learner.root(), "reset", "01", "yes", "true");
            assertThat(reset.terminal()).as("-Dyes=true asks nothing").doesNotContain("[y/N]").doesNotContain("Reset?");
            assertThat(reset.terminal()).contains(REDUCTION).contains(REDUCTION_SPEC).contains("Your files are in .grader/backups/01-tensor-reduction-");
            Path backup = learner.resolve(reset.terminal().replaceFirst("(?s).*Your files are in (\\S+).*", "$1"));
            assertThat(Files.readString(backup.resolve(REDUCTION_SPEC))).endsWith("// edited\n");
            GraderRun.on(learner.root()).run();
            assertThat(statuses(learner)).containsExactly("❓", "🟡", "❌");

            for (String option : List.of("ask", "hint", "reset")) {
                GraderRun.Outcome empty = GraderRun.run(learner.root(), option, "");
                assertThat(empty.status()).as("-D" + option + "=").isEqualTo(2);
                assertThat(empty.terminal()).contains("-D" + option + "= is empty").doesNotContain("katas done");
            }

            GraderRun.Outcome misspelt = GraderRun.run(learner.root(), "katta", "01");
            assertThat(misspelt.status()).isEqualTo(2);
            assertThat(misspelt.terminal()).contains("did you mean -Dkata?").contains("-Dsolutions, -Dmistake");
        }
    }

    private static List<String> statuses(RepositoryCopy learner) {
        return GraderTest.rows(learner.resolve("PROGRESS.md")).stream().map(row -> row[2]).toList();
    }

    private static List<String> changes(Path root) {
        return Git.at(root).changes(List.of("."));
    }

    private static boolean git(Path root, String... arguments) throws InterruptedException {
        return RepositoryCopy.git(root, arguments);
    }
}
