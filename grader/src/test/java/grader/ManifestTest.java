package grader;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Manifest;
import grader.course.Plan;
import grader.course.Repository;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The spec manifest makes edited specs visible")
class ManifestTest {

    @Test
    @DisplayName("the committed manifest matches the committed specs, support code and skeletons")
    void committedManifestIsCurrent() {
        try (RepositoryCopy committed = RepositoryCopy.create()) {
            Repository repository = Repository.at(committed.root());

            assertThat(Manifest.committed(repository)).as("grader/spec-manifest.txt").isPresent();
            assertThat(Manifest.committed(repository).get().text())
                    .as("the committed specs, skeletons or support code differ from grader/spec-manifest.txt: "
                            + "if you changed a spec while working on a kata, restore it with git; maintainers "
                            + "refresh the manifest after a deliberate change (katas/AUTHORING.md, \"Maintaining the course\")")
                    .isEqualTo(Manifest.of(repository).text());
        }
    }

    @Test
    @DisplayName("an edited spec marks its kata ⚠, not done, and the summary says so")
    void anEditedSpecIsMarked() {
        try (RepositoryCopy learner = RepositoryCopy.create(java.util.Set.of("01", "02"))) {
            learner.write("katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java",
                    learner.read("reference/src/main/java/kata/reduction/Reduction.java"));
            String spec = "katas/01-tensor-reduction/src/test/java/kata/reduction/ReductionSpec.java";
            learner.write(spec, learner.read(spec) + "\n// made it pass\n");

            GraderRun.Outcome outcome = GraderRun.on(learner.root()).run();

            List<String[]> rows = GraderTest.rows(learner.resolve("PROGRESS.md"));
            assertThat(rows.get(0)[2]).isEqualTo("⚠");
            assertThat(rows.get(0)[6]).contains("specs modified: git checkout -- katas/01-tensor-reduction/src/test restores them (ReductionSpec.java)");
            assertThat(outcome.terminal()).contains("0 of " + Plan.COURSE.katas().size() + " katas done")
                    .contains("1 kata has modified specs, not counted");
        }
    }

    @Test
    @DisplayName("an edited support file marks every kata ⚠")
    void anEditedSupportFileMarksEveryKata() {
        try (RepositoryCopy learner = RepositoryCopy.create(java.util.Set.of("01", "02"))) {
            String tolerance = "katas/support/src/main/java/kata/support/Tolerance.java";
            learner.write(tolerance, learner.read(tolerance).replace("1e-9", "1e-1"));

            GraderRun.on(learner.root()).run();

            assertThat(GraderTest.rows(learner.resolve("PROGRESS.md")))
                    .allSatisfy(row -> assertThat(row[2]).isEqualTo("⚠"));
        }
    }
}
