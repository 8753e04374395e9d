package grader.modes;

import grader.course.Kata;
import grader.course.Repository;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -Dhint=01}: prints the next hint of the kata that the learner has not read yet, one at a
 * time. The hints live in a file of their own beside the note, {@code katas/NN-slug/HINTS.md}, so that
 * reading the note shows none of them: each is a section {@code ## Hint 1: <title>} whose text runs to
 * the next {@code ## Hint} heading or the end of the file. How many were read is remembered per kata in
 * {@code .grader/hints.properties} (ignored by git).
 */
public record HintMode(Repository repository, Kata kata, PrintStream out) implements Mode {

    /** The name of the hints file in a kata's folder. */
    public static final String FILE = "HINTS.md";

    private static final Pattern HEADING = Pattern.compile("(?m)^##[ \\t]+Hint[ \\t]+(\\d+)[ \\t]*(?::[ \\t]*(.*?))?[ \\t]*$");

    /** One hint: its number as written, its title (may be empty) and its text. */
    record Hint(String number, String title, String text) {
    }

    @Override
    public int run() {
        Path file = kata.folder().resolve(FILE);
        List<Hint> hints = hints(file);
        String where = repository.relative(file);
        if (hints.isEmpty()) {
            out.println("Kata " + kata.id() + " " + kata.name() + " has no hints (" + where
                    + (Files.exists(file) ? " holds no \"## Hint 1: ...\" section)." : " does not exist)."));
            return 0;
        }
        Path state = repository.graderState().resolve("hints.properties");
        Properties read = load(state);
        int seen = Math.min(hints.size(), count(read.getProperty(kata.id(), "0")));
        if (seen == hints.size()) {
            out.println("You have read all " + hints.size() + " hints of kata " + kata.id() + " " + kata.name()
                    + "; they stay in " + where + ".");
            return 0;
        }
        Hint hint = hints.get(seen);
        out.println("Kata " + kata.id() + " " + kata.name() + ", Hint " + (seen + 1) + " of " + hints.size()
                + (hint.title().isEmpty() ? "" : ": " + hint.title()) + "\n");
        out.println(hint.text().strip() + "\n");
        int left = hints.size() - seen - 1;
        out.println(left == 0 ? "That was the last hint." : left + (left == 1 ? " more hint" : " more hints")
                + ": run the same command again for the next.");
        read.setProperty(kata.id(), Integer.toString(seen + 1));
        try {
            save(state, read);
        } catch (IOException e) {
            out.println("(The grader could not remember that you read it, so the same hint comes next time: "
                    + repository.relative(state) + " cannot be written (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "). Is " + repository.relative(
                    repository.graderState()) + " a file? Move it away; the grader keeps its own files in that folder.)");
        }
        return 0;
    }

    /** How many hints were read, as remembered; 0 when the file was edited into something else. */
    private static int count(String remembered) {
        try {
            return Math.max(0, Integer.parseInt(remembered.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Each hint of the file, in the file's order; none when there is no such file. */
    static List<Hint> hints(Path file) {
        try {
            return Files.isRegularFile(file) ? parse(Files.readString(file, StandardCharsets.UTF_8)) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The {@code ## Hint N: title} sections of {@code text}: each one's body runs to the next such heading or the end. */
    static List<Hint> parse(String text) {
        List<Hint> hints = new ArrayList<>();
        Matcher heading = HEADING.matcher(text.replace("\r\n", "\n"));
        String body = text.replace("\r\n", "\n");
        int previousEnd = -1;
        String number = null;
        String title = null;
        while (heading.find()) {
            if (number != null) {
                hints.add(new Hint(number, title, body.substring(previousEnd, heading.start()).strip()));
            }
            number = heading.group(1);
            title = heading.group(2) == null ? "" : heading.group(2).strip();
            previousEnd = heading.end();
        }
        if (number != null) {
            hints.add(new Hint(number, title, body.substring(previousEnd).strip()));
        }
        return hints;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return properties;
    }

    private static void save(Path file, Properties properties) throws IOException {
        Files.createDirectories(file.getParent());
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Hints read per kata (-Dhint=NN); delete this file to read them again");
        }
    }
}
