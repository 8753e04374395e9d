package reference.mutation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last step of {@code mvn -P mutation verify}: reads PIT's report of every kata, prints the
 * survivors nobody explained and the stale explanations, then one score line per kata, and fails
 * while any kata has either (or has no report at all).
 *
 * <p>Arguments: the repository root and the folder holding one PIT report per kata
 * ({@code <folder>/NN-slug/mutations.xml}). Every folder {@code katas/NN-slug} is a kata that must
 * have a report; its equivalent mutants are read from
 * {@code reference/known-wrong/NN-slug/equivalent-mutants.txt}.
 */
public final class MutationScores {

    private MutationScores() {
    }

    /**
     * Scores every kata.
     *
     * @throws Failed if a kata has no report, an unexplained survivor or a stale explanation
     * @throws IllegalArgumentException if the arguments are not two folders
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("expected the repository root and the PIT reports folder, got "
                    + List.of(args));
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> problems = report(root, Path.of(args[1]), System.out);
        if (!problems.isEmpty()) {
            throw new Failed("mutation testing: " + String.join("; ", problems)
                    + " (kill each survivor with a spec, or explain it in equivalent-mutants.txt: see katas/AUTHORING.md)");
        }
    }

    /** The build's failure: its message says it all, so it carries no stack trace for Maven to print. */
    static final class Failed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Prints the findings and score lines of every kata to {@code out}; returns one problem per kata that has any. */
    static List<String> report(Path root, Path reports, PrintStream out) {
        MutationsXml xml = new MutationsXml(root.resolve("reference/src/main/java"));
        List<String> problems = new ArrayList<>();
        List<String> scoreLines = new ArrayList<>();
        for (String slug : katas(root)) {
            Path report = reports.resolve(slug).resolve("mutations.xml");
            if (!Files.exists(report)) {
                problems.add("no report " + report + " for kata " + slug + " (add its pitest execution to reference/pom.xml)");
                continue;
            }
            List<Equivalent> equivalents = Equivalent.read(
                    root.resolve("reference/known-wrong").resolve(slug).resolve(Equivalent.FILE_NAME));
            KataScore score = KataScore.of(slug, xml.read(report), equivalents);
            printFindings(score, out);
            scoreLines.add(score.line());
            if (!score.clean()) {
                problems.add("%s has %d unexplained survivors and %d stale explanations".formatted(
                        slug, score.unexplained().size(), score.stale().size()));
            }
        }
        scoreLines.forEach(out::println);
        return problems;
    }

    private static void printFindings(KataScore score, PrintStream out) {
        if (!score.unexplained().isEmpty()) {
            out.printf("%s: %d surviving mutants neither killed nor explained as equivalent:%n",
                    score.slug(), score.unexplained().size());
            score.unexplained().forEach(mutant -> out.println("    " + mutant.describe()));
        }
        if (!score.stale().isEmpty()) {
            out.printf("%s: %d equivalent-mutant entries match no surviving mutant (remove them):%n",
                    score.slug(), score.stale().size());
            score.stale().forEach(entry -> out.println("    " + entry.describe()));
        }
    }

    /** The slugs of the folders {@code katas/NN-slug}, in kata order. */
    static List<String> katas(Path root) {
        try (Stream<Path> folders = Files.list(root.resolve("katas"))) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .filter(name -> name.matches("\\d\\d-.+"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
