package grader;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Manifest;
import grader.course.Repository;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A kata whose integration specs use an earlier kata's real classes (declared as a Maven dependency
 * in its pom) is ⛔ blocked while that kata is unfinished and its own specs pass, and done once the
 * earlier kata is.
 */
@DisplayName("A kata waits for its prerequisites")
class PrerequisiteTest {

    private static final String POM = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <artifactId>kata-04-row-sums</artifactId>
              <dependencies>
                <dependency>
                  <groupId>kata</groupId>
                  <artifactId>kata-01-tensor-reduction</artifactId>
                </dependency>
              </dependencies>
            </project>
            """;

    private static final String MAIN = """
            package kata.rowsums;

            import kata.reduction.Reduction;
            import kata.support.Tensor;

            public final class RowSums {
                private RowSums() {
                }

                public static int rows(Tensor x) {
                    return x.size(0);
                }

                public static Tensor of(Tensor x) {
                    return Reduction.sum(x, -1, false);
                }
            }
            """;

    private static final String SPEC = """
            package kata.rowsums;

            import static org.assertj.core.api.Assertions.assertThat;

            import kata.support.Tensor;
            import org.junit.jupiter.api.Tag;
            import org.junit.jupiter.api.Test;

            @Tag("kata-04")
            class RowSumsSpec {
                @Test
                void countsRows() {
                    assertThat(RowSums.rows(Tensor.zeros(3, 2))).isEqualTo(3);
                }

                @Test
                @Tag("integration")
                void sumsRowsWithTheRealReduction() {
                    assertThat(RowSums.of(Tensor.matrix(new double[] {1, 2}, new double[] {3, 4})).get(1)).isEqualTo(7.0);
                }
            }
            """;

    @Test
    @DisplayName("blocked by 01 while kata 01 is a skeleton; done once kata 01 is solved")
    void blockedUntilThePrerequisiteIsDone() {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            learner.write("katas/04-row-sums/pom.xml", POM);
            learner.write("katas/04-row-sums/src/main/java/kata/rowsums/RowSums.java", MAIN);
            learner.write("katas/04-row-sums/src/test/java/kata/rowsums/RowSumsSpec.java", SPEC);
            learner.write("grader/spec-manifest.txt", Manifest.of(Repository.at(learner.root())).text());

            GraderRun.on(learner.root()).run();
            List<String[]> blocked = GraderTest.rows(learner.resolve("PROGRESS.md"));
            learner.write("katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java",
                    learner.read("reference/src/main/java/kata/reduction/Reduction.java"));
            GraderRun.on(learner.root()).run();
            List<String[]> done = GraderTest.rows(learner.resolve("PROGRESS.md"));

            assertThat(blocked.get(1)).containsSubsequence("04", "⛔", "blocked", "1", "2");
            assertThat(blocked.get(1)[6]).contains("blocked by 01");
            assertThat(done.get(0)[2]).isEqualTo("✅");
            assertThat(done.get(1)[2]).isEqualTo("✅");
        }
    }

    @Test
    @DisplayName("a known mistake is graded after the prerequisites of its prerequisites: 09 needs 07, which needs 06")
    void aMistakeWaitsForThePrerequisitesOfItsPrerequisites() {
        try (RepositoryCopy copy = RepositoryCopy.create(Set.of("04", "05", "06", "07", "09"))) {
            GraderRun.Outcome outcome = GraderRun.run(copy.root(), "kata", "09", "mistake", "ffn-without-relu");

            assertThat(outcome.terminal()).doesNotContain("does not compile")
                    .contains("✘ the FFN is max(0, x W1 + b1) W2 + b2");
        }
    }

    private static final String CHAINED_POM = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <artifactId>kata-05-row-means</artifactId>
              <dependencies>
                <dependency>
                  <groupId>kata</groupId>
                  <artifactId>kata-04-row-sums</artifactId>
                </dependency>
              </dependencies>
            </project>
            """;

    private static final String CHAINED_MAIN = """
            package kata.rowmeans;

            import kata.rowsums.RowSums;
            import kata.support.Tensor;

            public final class RowMeans {
                private RowMeans() {
                }

                public static Tensor of(Tensor x) {
                    return RowSums.of(x);
                }
            }
            """;

    private static final String CHAINED_SPEC = """
            package kata.rowmeans;

            import static org.assertj.core.api.Assertions.assertThat;

            import kata.support.Tensor;
            import org.junit.jupiter.api.Tag;
            import org.junit.jupiter.api.Test;

            @Tag("kata-05")
            class RowMeansSpec {
                @Test
                void means() {
                    assertThat(RowMeans.of(Tensor.zeros(1, 2)).get(0)).isEqualTo(0.0);
                }
            }
            """;

    @Test
    @DisplayName("with a compile error in 01, kata 04 and kata 05 (which builds on 04) are blocked by 01, and no spec is said to pass")
    void theKataReallyInTheWayIsNamed() {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            learner.write("katas/04-row-sums/pom.xml", POM);
            learner.write("katas/04-row-sums/src/main/java/kata/rowsums/RowSums.java", MAIN);
            learner.write("katas/04-row-sums/src/test/java/kata/rowsums/RowSumsSpec.java", SPEC);
            learner.write("katas/05-row-means/pom.xml", CHAINED_POM);
            learner.write("katas/05-row-means/src/main/java/kata/rowmeans/RowMeans.java", CHAINED_MAIN);
            learner.write("katas/05-row-means/src/test/java/kata/rowmeans/RowMeansSpec.java", CHAINED_SPEC);
            learner.write("grader/spec-manifest.txt", Manifest.of(Repository.at(learner.root())).text());
            learner.replaceLine("katas/01-tensor-reduction/src/main/java/kata/reduction/Reduction.java",
                    "TODO(01)", "        return shape.lenght;");

            GraderRun.on(learner.root()).run();
            List<String[]> rows = GraderTest.rows(learner.resolve("PROGRESS.md"));
            GraderRun.Outcome one = GraderRun.run(learner.root(), "kata", "05");

            assertThat(rows.get(0)[2]).isEqualTo("❌");
            assertThat(rows.get(1)[2]).isEqualTo("⛔");
            assertThat(rows.get(1)[6]).contains("blocked by kata 01, which does not compile");
            assertThat(rows.get(2)[2]).isEqualTo("⛔");
            assertThat(rows.get(2)[6]).contains("blocked by kata 01, which does not compile")
                    .contains("04, which it builds on, waits for it").doesNotContain("by 04");
            assertThat(one.terminal()).contains("Kata 05 Row means: ⛔").contains("blocked by kata 01, which does not compile")
                    .contains("None of its specs ran: make the kata named above compile")
                    .doesNotContain("Its own specs pass");
        }
    }
}
