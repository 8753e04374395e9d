package grader;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Kata;
import grader.course.Repository;
import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import grader.engine.Settings;
import grader.modes.GradingOptions;
import grader.modes.ShellMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("-Dshell opens JShell on a kata's classes")
class ShellTest {

    @Test
    @DisplayName("kata 06 on the reference: the note's four words are ready, and attention on them gives the golden weight")
    void attentionOnTheFourWords() {
        try (RepositoryCopy copy = RepositoryCopy.create(Set.of("06"));
             Engine engine = new Engine(Repository.at(copy.root()), Settings.DEFAULT)) {
            Repository repository = Repository.at(copy.root());
            Kata kata = repository.kata("06", "shell");
            GradingOptions reference = new GradingOptions(Solutions.REFERENCE, Settings.DEFAULT, Optional.empty(),
                    Optional.empty(), false);
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            ShellMode.Setup setup = new ShellMode(repository, reference, kata, System.out)
                    .setup(engine, new PrintStream(said, true, StandardCharsets.UTF_8)).orElseThrow();

            assertThat(setup.imports()).contains("import kata.support.*;", "import kata.attention.*;");
            assertThat(String.join("\n", setup.examples())).contains("Tensor words").contains("Tensor q").contains("Try:");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            try (JShell shell = JShell.builder()
                    .out(new PrintStream(printed, true, StandardCharsets.UTF_8)).build()) {
                // the default execution, as the session has: a JVM of its own, whose output comes back to out
                setup.classPath().forEach(path -> shell.addToClasspath(path.toString()));
                for (String snippet : setup.snippets()) {
                    assertThat(evaluate(shell, snippet)).as(snippet).noneMatch(event -> event.status() == Snippet.Status.REJECTED
                            || event.exception() != null);
                }

                List<SnippetEvent> weight = evaluate(shell, "ScaledDotProductAttention.attend(q, k, v).weights().get(1, 0)");
                List<SnippetEvent> shown = evaluate(shell, "show(ScaledDotProductAttention.attend(q, k, v).weights())");
                List<SnippetEvent> tensor = evaluate(shell, "words");

                assertThat(weight.get(0).value()).startsWith("0.4548263");
                assertThat(shown.get(0).exception()).isNull();
                assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("shape [4, 4]\n").contains("0.45482632");
                assertThat(tensor.get(0).value()).isEqualTo("shape [4, 3] [[1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1]]");
            }
        }
    }

    @Test
    @DisplayName("a kata that does not compile: the shell says which and why, and opens nothing")
    void aKataThatDoesNotCompile() {
        try (RepositoryCopy copy = RepositoryCopy.create(Set.of("06"))) {
            copy.replaceLine("katas/06-scaled-attention/src/main/java/kata/attention/ScaledDotProductAttention.java",
                    "TODO(06): Q K^T divided by sqrt(d_k)", "        return q.lenght;");

            GraderRun.Outcome outcome = GraderRun.run(copy.root(), "shell", "06");

            assertThat(outcome.status()).isZero();
            assertThat(outcome.terminal()).contains("the shell needs kata 06 to compile first")
                    .contains("cannot find symbol").doesNotContain("JShell on kata");
        }
    }

    private static List<SnippetEvent> evaluate(JShell shell, String source) {
        List<SnippetEvent> events = new java.util.ArrayList<>();
        String remaining = source;
        while (!remaining.isBlank()) {
            var analysis = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            events.addAll(shell.eval(analysis.source()));
            remaining = analysis.remaining();
        }
        return events;
    }
}
