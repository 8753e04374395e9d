package grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A learner's real working tree holds more than sources: class files from a hand-run javac, the
 * files editors and operating systems leave, notes, a file saved in another encoding, classes in
 * packages that are not theirs. Whatever it holds, grading completes (exit status 0), every row is
 * reported, the JSON adds up, and only the kata concerned is marked, with a reason. Each test
 * grades one scratch copy several times, in-process and forked.
 */
@DisplayName("The grader stays right on a learner's real working tree")
class LearnerTreeTest {

    static final String KATA_01 = "katas/01-tensor-reduction/src/main/java/kata/reduction/";
    static final String REDUCTION = KATA_01 + "Reduction.java";
    static final String KATA_02_SPECS = "katas/02-broadcasting/src/test/";
    private static final byte[] NOT_UTF_8 = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, (byte) 0xC4, (byte) 0xE3, 0};

    @Test
    @DisplayName("files that are not sources are ignored, an extra spec file is ⚠ with advice that works, "
            + "a GBK source fails its own row")
    void strayFiles() throws IOException {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01", "02"))) {
            solveKata01(learner);
            Path main = learner.resolve(KATA_01);
            Files.write(main.resolve("Reduction.class"), NOT_UTF_8);
            Files.write(main.resolve("._Reduction.java"), NOT_UTF_8);
            Files.write(main.resolve(".DS_Store"), NOT_UTF_8);
            Files.write(learner.resolve("katas/01-tensor-reduction/src/test/java/kata/reduction/.DS_Store"), NOT_UTF_8);
            Files.createSymbolicLink(main.resolve(".#Reduction.java"), Path.of("learner@host.1234:1700000000"));
            Files.write(learner.resolve(KATA_02_SPECS + "notes.txt"), NOT_UTF_8);

            for (String[] options : List.of(new String[] {}, new String[] {"fork", "true"})) {
                Graded graded = grade(learner, options);

                assertThat(graded.rows().get(0)).as("kata 01, solved, among stray files").containsSubsequence("01", "✅");
                assertThat(graded.rows().get(0)[4]).as("every spec of kata 01 passes").isEqualTo(graded.rows().get(0)[5]);
                assertThat(graded.rows().get(1)[2]).isEqualTo("⚠");
                assertThat(graded.rows().get(1)[6]).as("the advice for a file git cannot restore, whole in the table")
                        .isEqualTo("extra file among the specs: move it out of src/test: "
                                + KATA_02_SPECS + "notes.txt")
                        .doesNotContain("git checkout");
            }
            assertThat(GraderRun.run(learner.root(), "solutions", "reference", "kata", "02").status()).isZero();

            String tolerance = "katas/support/src/main/java/kata/support/Tolerance.java";
            String pristineTolerance = learner.read(tolerance);
            learner.write(tolerance, pristineTolerance + "\n// edited\n");

            Graded supportEdited = grade(learner);

            assertThat(supportEdited.rows()).allSatisfy(row -> assertThat(row[2]).isEqualTo("⚠"));
            assertThat(supportEdited.rows().get(0)[4]).as("kata 01 passes its specs, but they are not counted")
                    .isEqualTo(supportEdited.rows().get(0)[5]);
            assertThat(supportEdited.rows().get(1)[6]).startsWith("extra file among the specs");
            learner.write(tolerance, pristineTolerance);
            Files.delete(learner.resolve(KATA_02_SPECS + "notes.txt"));
            Files.write(main.resolve("Lanes.java"), ("package kata.reduction;\nfinal class Lanes { String s = \"")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Files.write(main.resolve("Lanes.java"), NOT_UTF_8, java.nio.file.StandardOpenOption.APPEND);

            Graded notUtf8 = grade(learner);

            assertThat(notUtf8.rows().get(0)).containsSubsequence("01", "❌", "0", supportEdited.rows().get(0)[5]);
            assertThat(notUtf8.rows().get(0)[6]).contains(KATA_01 + "Lanes.java:").contains("unmappable character");
            assertThat(notUtf8.rows().get(1)[2]).as("kata 02 once the extra file is gone").isEqualTo("❓");
            assertThat(notUtf8.json()).as("a kata that does not compile lists its specs as error")
                    .contains("\"kata\": \"01\", \"status\": \"error\", \"message\": \"not run: " + KATA_01 + "Lanes.java:");
        }
    }

    @Test
    @DisplayName("learner classes may not stand in for the support code or a library, nor use the specs' toolkit")
    void classesThatAreNotTheLearners() {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            solveKata01(learner);
            learner.replaceLine(REDUCTION, "sum += value;", "            sum += value + 1;");
            String fake = "katas/01-tensor-reduction/src/main/java/kata/support/testing/TensorAssert.java";
            learner.write(fake, learner.read("katas/support/src/main/java/kata/support/testing/TensorAssert.java"));
            for (String[] options : List.of(new String[] {}, new String[] {"fork", "true"})) {
                Graded graded = grade(learner, options);

                assertThat(graded.rows().get(0)).as("a replaced TensorAssert").containsSubsequence("01", "❌");
                assertThat(graded.json()).contains("TensorAssert.java:1: declares package "
                        + "kata.support.testing, which belongs to the support code");
            }
            deleteQuietly(learner.resolve(fake));

            String library = "katas/01-tensor-reduction/src/main/java/org/assertj/core/api/Lenient.java";
            learner.write(library, "package org.assertj.core.api;\n\npublic final class Lenient {\n}\n");
            assertThat(grade(learner).json())
                    .contains("Lenient.java:1: declares package org.assertj.core.api, which the specs or the support code use");
            deleteQuietly(learner.resolve(library));

            learner.replaceLine(REDUCTION, "sum += value + 1;", "            sum += value;");
            String reduction = learner.read(REDUCTION);
            String tensorImport = "import kata.support.Tensor;";
            List<String> uses = List.of(
                    reduction.replace(tensorImport, tensorImport + "\nimport static kata.support.testing.Indices.*;"),
                    reduction.replace(tensorImport, tensorImport + "\nimport kata.support.testing.Indices;"),
                    reduction + "\nfinal class Walk {\n    Object walker = kata.support.testing.Indices.class;\n}\n");
            for (String use : uses) {
                learner.write(REDUCTION, use);
                for (String[] options : use == uses.get(0) ? List.of(new String[] {}, new String[] {"fork", "true"})
                        : List.<String[]>of(new String[] {})) {
                    Graded graded = grade(learner, options);
                    assertThat(graded.rows().get(0)[2]).as(use).isEqualTo("❌");
                    assertThat(graded.json()).as(use)
                            .containsPattern("Reduction.java:\\d+: (imports|uses) kata.support.testing.Indices")
                            .contains("the specs' own toolkit");
                }
            }
        }
    }

    @Test
    @DisplayName("a kata's solution may not hand its work to the support method that already does it; "
            + "other katas may call it")
    void supportMethodsOffLimitsToOneKata() {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01", "12"))) {
            String shortcut = "final class Shortcut {\n    static Object product(kata.support.Tensor a, kata.support.Tensor b) {\n"
                    + "        return kata.support.Matrices.matmul(a, b);\n    }\n}\n";
            learner.write("katas/12-compute/src/main/java/kata/compute/Shortcut.java", "package kata.compute;\n\n" + shortcut);
            learner.write(KATA_01 + "Shortcut.java", "package kata.reduction;\n\n" + shortcut);

            Graded graded = grade(learner);

            assertThat(graded.rows().get(0)[2]).as("kata 01 may use the support code's matmul").isEqualTo("❓");
            assertThat(graded.rows().get(1)[2]).as("kata 12 asks for the product itself").isEqualTo("❌");
            assertThat(graded.rows().get(1)[6]).contains("Shortcut.java:5: calls Matrices.matmul");
            assertThat(graded.json()).contains("Shortcut.java:5: calls Matrices.matmul, "
                    + "which already does what this kata asks you to write: write it yourself");
        }
    }

    @Test
    @DisplayName("the compile cache tells apart sources that run together, and the reference is graded "
            + "without the learner's files")
    void compileCacheAndReference() {
        try (RepositoryCopy learner = RepositoryCopy.create(Set.of("01"))) {
            solveKata01(learner);
            String solved = learner.read(REDUCTION);
            learner.write(REDUCTION, solved + "\n/*Zz.java*/\nfinal class Zz {}\n");
            assertThat(grade(learner).rows().get(0)[2]).isEqualTo("✅");

            learner.write(REDUCTION, solved + "\n/*");
            learner.write(KATA_01 + "Zz.java", "*/\nfinal class Zz {}\n");
            Graded split = grade(learner);

            assertThat(split.rows().get(0)[2]).as("two files whose names and contents run together like one").isEqualTo("❌");
            assertThat(split.rows().get(0)[6]).contains("unclosed comment");

            GraderRun.Outcome reference = GraderRun.run(learner.root(), "solutions", "reference", "kata", "01");
            assertThat(reference.status()).isZero();
            assertThat(reference.terminal()).as("the reference, whatever the learner's folder holds")
                    .containsPattern("Kata 01 Tensor reduction: ✅ done, (\\d+)/\\1 specs pass");
        }
    }

    /** The table's rows and the JSON of one grade, whose totals have been checked. */
    record Graded(List<String[]> rows, String json) {
    }

    static Graded grade(RepositoryCopy learner, String... options) {
        String[] withJson = java.util.Arrays.copyOf(options, options.length + 2);
        withJson[options.length] = "json";
        withJson[options.length + 1] = learner.resolve("results.json").toString();
        GraderRun.Outcome outcome = GraderRun.run(learner.root(), withJson);
        assertThat(outcome.status()).as(outcome.terminal()).isZero();
        String json = learner.read("results.json");
        JsonTotals.check(json);
        return new Graded(GraderTest.rows(learner.resolve("PROGRESS.md")), json);
    }

    static void solveKata01(RepositoryCopy learner) {
        learner.write(REDUCTION, learner.read("reference/src/main/java/kata/reduction/Reduction.java"));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
