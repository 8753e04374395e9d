package grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A known mistake is read from its .diff and written into the reference")
class MistakeTest {

    private static final String REFERENCE = """
            class Stats {
                double variance(double squares, int n) {

                    return squares / n;
                }
            }
            """;

    @TempDir
    Path folder;

    @Test
    @DisplayName("the header gives the description and the specs; each hunk replaces its lines")
    void readsAndApplies() throws IOException {
        Mistake mistake = mistake("""
                Known wrong: divides by n - 1
                where n is meant.
                Caught by: StatsSpec#biased,
                    StatsProperties#meanOfSquares

                --- Stats.java
                \s
                -        return squares / n;
                +        return squares / (n - 1);
                """);

        mistake.writeChangedFiles(folder.resolve("reference"), folder.resolve("changed"));

        assertThat(mistake.description()).isEqualTo("divides by n - 1 where n is meant.");
        assertThat(mistake.caughtBy()).containsExactly("StatsSpec#biased", "StatsProperties#meanOfSquares");
        assertThat(Files.readString(folder.resolve("changed/Stats.java")))
                .isEqualTo(REFERENCE.replace("squares / n;", "squares / (n - 1);"));
    }

    @Test
    @DisplayName("lines that are not in the reference exactly once are an error naming the mistake")
    void linesMustBeFoundOnce() throws IOException {
        Mistake mistake = mistake("""
                Known wrong: something
                Caught by: StatsSpec#biased

                --- Stats.java
                -        return squares * n;
                +        return 0;
                """);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> mistake.writeChangedFiles(folder.resolve("reference"), folder.resolve("changed")))
                .withMessageContaining("99-stats/wrong").withMessageContaining("exactly once in Stats.java");
    }

    private Mistake mistake(String diff) throws IOException {
        Files.createDirectories(folder.resolve("reference"));
        Files.writeString(folder.resolve("reference/Stats.java"), REFERENCE, StandardCharsets.UTF_8);
        Path file = folder.resolve("wrong.diff");
        Files.writeString(file, diff, StandardCharsets.UTF_8);
        return Mistake.read(new Kata("99", "99-stats", "Stats", folder, List.of(), List.of()), file);
    }
}
