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
 * time. The hints are the {@code <details>} blocks of the kata's note, which a terminal or an
 * editor shows unfolded; how many were read is remembered per kata in {@code .grader/hints.properties}
 * (ignored by git).
 */
public record HintMode(Repository repository, Kata kata, PrintStream out) implements Mode {

    private static final Pattern DETAILS = Pattern.compile(
            "<details>\\s*<summary>(.*?)</summary>(.*?)</details>", Pattern.DOTALL);

    @Override
    public int run() {
        Path note = kata.folder().resolve("README.md");
        List<String[]> hints = hints(note);
        String where = repository.relative(note);
        if (hints.isEmpty()) {
            out.println("Kata " + kata.id() + " " + kata.name() + " has no hints (" + where + " holds none).");
            return 0;
        }
        Path file = repository.graderState().resolve("hints.properties");
        Properties read = load(file);
        int seen = Math.min(hints.size(), count(read.getProperty(kata.id(), "0")));
        if (seen == hints.size()) {
            out.println("You have read all " + hints.size() + " hints of kata " + kata.id() + " " + kata.name()
                    + "; they stay in " + where + ".");
            return 0;
        }
        String[] hint = hints.get(seen);
        out.println("Kata " + kata.id() + " " + kata.name() + ", " + hint[0] + " of " + hints.size() + ":\n");
        out.println(hint[1].strip() + "\n");
        int left = hints.size() - seen - 1;
        out.println(left == 0 ? "That was the last hint." : left + (left == 1 ? " more hint" : " more hints")
                + ": run the same command again for the next.");
        read.setProperty(kata.id(), Integer.toString(seen + 1));
        save(file, read);
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

    /** Each hint's title and text, in the note's order. */
    static List<String[]> hints(Path note) {
        List<String[]> hints = new ArrayList<>();
        try {
            Matcher details = DETAILS.matcher(Files.isRegularFile(note) ? Files.readString(note, StandardCharsets.UTF_8) : "");
            while (details.find()) {
                hints.add(new String[] {details.group(1).strip(), details.group(2)});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + note, e);
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

    private static void save(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Hints read per kata (-Dhint=NN); delete this file to read them again");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember the hints read in " + file, e);
        }
    }
}
