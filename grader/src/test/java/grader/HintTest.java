package grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("-Dhint reads the hints from the kata's HINTS.md, one at a time")
class HintTest {

    static final String HINTS = """
            # Hints for kata 01

            Ask for them one at a time: mvn -q -pl grader exec:java -Dhint=01

            ## Hint 1: start with the shape

            The result drops the reduced axis.

            ## Hint 2: walk the indices
            Visit every index of the result,
            then every position along the axis.

            ```
            ## not a heading of a hint
            ```

            ## Hint 3: the variance
            Divide by n, not n - 1.
            """;

    private static final String FILE = "katas/01-tensor-reduction/HINTS.md";
    private static final String NOTE = "katas/01-tensor-reduction/README.md";

    @Test
    @DisplayName("each run prints the next section, its title and its text up to the next hint; the note is never read")
    void oneHintAtATime() {
        try (RepositoryCopy copy = RepositoryCopy.create(Set.of("01"))) {
            copy.write(FILE, HINTS);
            copy.write(NOTE, copy.read(NOTE) + "\n<details><summary>Hint 9</summary>\n\nfrom the note\n\n</details>\n");

            String first = GraderRun.run(copy.root(), "hint", "01").terminal();
            String second = GraderRun.run(copy.root(), "hint", "01").terminal();
            String third = GraderRun.run(copy.root(), "hint", "1").terminal();
            String after = GraderRun.run(copy.root(), "hint", "01").terminal();

            assertThat(first).contains("Kata 01 Tensor reduction, Hint 1 of 3: start with the shape")
                    .contains("The result drops the reduced axis.").contains("2 more hints")
                    .doesNotContain("walk the indices").doesNotContain("Ask for them").doesNotContain("from the note");
            assertThat(second).contains("Hint 2 of 3: walk the indices").contains("then every position along the axis.")
                    .contains("## not a heading of a hint").doesNotContain("Divide by n").contains("1 more hint:");
            assertThat(third).contains("Hint 3 of 3: the variance").contains("Divide by n, not n - 1.")
                    .contains("That was the last hint.");
            assertThat(after).contains("You have read all 3 hints of kata 01").contains(FILE);
        }
    }

    @Test
    @DisplayName("a kata without HINTS.md has no hints, even when its note has <details> blocks")
    void noFileNoHints() {
        try (RepositoryCopy copy = RepositoryCopy.create(Set.of("01"))) {
            copy.write(NOTE, copy.read(NOTE) + "\n<details><summary>Hint 1</summary>\n\nfrom the note\n\n</details>\n");
            try {
                Files.deleteIfExists(copy.resolve(FILE));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }

            GraderRun.Outcome outcome = GraderRun.run(copy.root(), "hint", "01");

            assertThat(outcome.status()).isZero();
            assertThat(outcome.terminal()).contains("has no hints").contains(FILE).doesNotContain("from the note");
        }
    }
}
