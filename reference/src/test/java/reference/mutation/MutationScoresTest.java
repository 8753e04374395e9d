package reference.mutation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Mutation scores are read from PIT's reports and checked against the equivalent mutants")
class MutationScoresTest {

    private static final String SOURCE = """
            package kata.demo;
            class Demo {
                int clamp(int x) {
                    if (x < 0) {
                        return 0;
                    }
                    return x;
                }
            }
            """;

    private static final String EXPLAINED =
            "kata.demo.Demo | clamp | ConditionalsBoundaryMutator | if (x < 0) | at 0 both return 0";

    @TempDir
    Path root;

    @Test
    @DisplayName("the score is killed / (generated - explained), rounded down; timeouts are killed, no coverage survived")
    void scoreLine() throws IOException {
        writeKata("01-demo", mutation("KILLED", 4, "MathMutator"), mutation("TIMED_OUT", 4, "MathMutator"),
                mutation("SURVIVED", 4, "ConditionalsBoundaryMutator"), mutation("NO_COVERAGE", 7, "MathMutator"));
        writeEquivalents("01-demo", EXPLAINED);

        List<String> problems = new ArrayList<>();
        String output = run(problems);

        assertThat(problems).as("the mutant no spec reached survives").singleElement().asString()
                .contains("1 unexplained survivors and 0 stale explanations");
        assertThat(output).endsWith("mutation score 01-demo: 66% (2 of 4 killed, 1 explained as equivalent)"
                + System.lineSeparator());
    }

    @Test
    @DisplayName("a kata whose every survivor is explained passes")
    void everySurvivorExplained() throws IOException {
        writeKata("01-demo", mutation("KILLED", 7, "MathMutator"),
                mutation("SURVIVED", 4, "ConditionalsBoundaryMutator"));
        writeEquivalents("01-demo", EXPLAINED);

        List<String> problems = new ArrayList<>();
        String output = run(problems);

        assertThat(problems).isEmpty();
        assertThat(output).isEqualTo("mutation score 01-demo: 100% (1 of 2 killed, 1 explained as equivalent)"
                + System.lineSeparator());
    }

    @Test
    @DisplayName("a survivor nobody explained is listed with class, method, line, mutator, description and source")
    void unexplainedSurvivor() throws IOException {
        writeKata("01-demo", mutation("NO_COVERAGE", 4, "ConditionalsBoundaryMutator"));

        List<String> problems = new ArrayList<>();
        String output = run(problems);

        assertThat(problems).singleElement().asString().contains("01-demo has 1 unexplained survivors");
        assertThat(output).contains("kata.demo.Demo.clamp line 4, ConditionalsBoundaryMutator: changed (NO_COVERAGE)")
                .contains("if (x < 0) {");
    }

    @Test
    @DisplayName("an explanation that matches no surviving mutant is stale")
    void staleExplanation() throws IOException {
        writeKata("01-demo", mutation("KILLED", 4, "ConditionalsBoundaryMutator"));
        writeEquivalents("01-demo", "kata.demo.Demo | clamp | ConditionalsBoundaryMutator | if (x < 0) | no longer true");

        List<String> problems = new ArrayList<>();
        String output = run(problems);

        assertThat(problems).singleElement().asString().contains("1 stale explanations");
        assertThat(output).contains("equivalent-mutants.txt:2: kata.demo.Demo.clamp, ConditionalsBoundaryMutator");
    }

    @Test
    @DisplayName("a kata without a report is a problem, so a new kata cannot be forgotten")
    void missingReport() throws IOException {
        Files.createDirectories(root.resolve("katas/02-other"));

        List<String> problems = new ArrayList<>();
        run(problems);

        assertThat(problems).singleElement().asString().contains("no report").contains("02-other");
    }

    @Test
    @DisplayName("an entry without five fields is rejected with its file and line")
    void malformedEntry() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Equivalent.parse("kata.demo.Demo | clamp | reason", "equivalent-mutants.txt:3"))
                .withMessageContaining("equivalent-mutants.txt:3");
    }

    private String run(List<String> problems) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        problems.addAll(MutationScores.report(root, root.resolve("reports"), new PrintStream(bytes, true,
                StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void writeKata(String slug, String... mutations) throws IOException {
        Files.createDirectories(root.resolve("katas").resolve(slug));
        Path source = root.resolve("reference/src/main/java/kata/demo/Demo.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        Path report = root.resolve("reports").resolve(slug).resolve("mutations.xml");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mutations partial=\"true\">\n"
                + String.join("\n", mutations) + "\n</mutations>\n");
    }

    private void writeEquivalents(String slug, String entry) throws IOException {
        Path file = root.resolve("reference/known-wrong").resolve(slug).resolve(Equivalent.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# class | method | mutator | source line contains | reason\n" + entry + "\n");
    }

    private static String mutation(String status, int line, String mutator) {
        return ("<mutation detected='false' status='%s' numberOfTestsRun='1'><sourceFile>Demo.java</sourceFile>"
                + "<mutatedClass>kata.demo.Demo</mutatedClass><mutatedMethod>clamp</mutatedMethod>"
                + "<methodDescription>(I)I</methodDescription><lineNumber>%d</lineNumber>"
                + "<mutator>org.pitest.mutationtest.engine.gregor.mutators.%s</mutator>"
                + "<description>changed</description></mutation>").formatted(status, line, mutator);
    }
}
