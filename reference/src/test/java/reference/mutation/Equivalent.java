package reference.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of a kata's {@code equivalent-mutants.txt}: a surviving mutant that no input can tell
 * apart from the reference, and why.
 *
 * <p>A line is five fields separated by {@code " | "}:
 * {@code class | method | mutator | source line contains | reason}. It explains every surviving
 * mutant of that fully qualified class and method, made by that mutator (PIT's simple class name,
 * e.g. {@code ConditionalsBoundaryMutator}), on a line whose source text contains the fourth field.
 * Matching the text instead of the line number keeps an entry valid while the file around it is
 * edited. Blank lines and lines starting with {@code #} are ignored.
 *
 * @param origin file name and line number, for messages
 */
record Equivalent(String className, String method, String mutator, String lineContains, String reason,
        String origin) {

    /** The name of the file, in each kata's folder of the known-wrong catalogue. */
    static final String FILE_NAME = "equivalent-mutants.txt";

    private static final Pattern SEPARATOR = Pattern.compile(" \\| ");
    private static final int FIELDS = 5;

    /**
     * Reads the entries of {@code file}, none if it does not exist.
     *
     * @throws IllegalArgumentException if a line does not have five non-empty fields (the message names file and line)
     */
    static List<Equivalent> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(file);
            List<Equivalent> entries = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i).strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    entries.add(parse(text, file.getFileName() + ":" + (i + 1)));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Equivalent parse(String text, String origin) {
        String[] fields = SEPARATOR.split(text, FIELDS);
        if (fields.length != FIELDS || Arrays.stream(fields).anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(origin + ": an equivalent mutant is written as "
                    + "'class | method | mutator | source line contains | reason', got '" + text + "'");
        }
        return new Equivalent(fields[0].strip(), fields[1].strip(), fields[2].strip(), fields[3].strip(),
                fields[4].strip(), origin);
    }

    /** Whether this entry explains {@code mutant}: it survived and matches class, method, mutator and source text. */
    boolean explains(Mutant mutant) {
        return !mutant.killed()
                && mutant.className().equals(className)
                && mutant.method().equals(method)
                && mutant.mutator().equals(mutator)
                && mutant.sourceLine().contains(lineContains);
    }

    /** The entry as a stale list shows it. */
    String describe() {
        return "%s: %s.%s, %s, line containing '%s'".formatted(origin, className, method, mutator, lineContains);
    }
}
