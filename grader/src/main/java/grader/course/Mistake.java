package grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One entry of the known-wrong catalogue: {@code reference/known-wrong/NN-slug/<name>.diff}, a real
 * mistake written as the few lines it changes in the reference solution.
 *
 * <pre>
 * Known wrong: divides by n - 1 (the unbiased estimator) where layer norm needs n.
 * Caught by: ReductionSpec#varianceDividesByTheLaneLength, ReductionProperties#varianceIsTheMeanOfSquaresMinusTheSquaredMean
 *
 * --- kata/reduction/Reduction.java
 *          double squares = 0.0;
 * -        return squares / lane.length;
 * +        return squares / (lane.length - 1);
 * </pre>
 *
 * After {@code --- path} (relative to the reference's source root) come hunks: runs of lines that
 * start with a space (context, kept; a lone space stands for an empty line), {@code -} (removed) or
 * {@code +} (added), separated by empty lines. The context and removed lines of a hunk must occur exactly once in the reference file.
 *
 * @param kata the kata it belongs to
 * @param name the file name without {@code .diff}
 * @param description what is wrong, in words
 * @param caughtBy the specs ({@code Class#method}) that must fail for it
 * @param hunks the changes, in order
 */
public record Mistake(Kata kata, String name, String description, List<String> caughtBy, List<Hunk> hunks) {

    /** Lines to find in {@code file} and what replaces them. */
    public record Hunk(String file, String find, String replace) {
    }

    /** The kata's catalogue, by name. */
    public static List<Mistake> catalogue(Repository repository, Kata kata) {
        Path folder = repository.knownWrong().resolve(kata.slug());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".diff")).sorted()
                    .map(file -> read(kata, file)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    static Mistake read(Kata kata, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, StringBuilder> header = new LinkedHashMap<>();
        String field = null;
        int at = 0;
        for (; at < lines.size() && !lines.get(at).startsWith("--- "); at++) {
            String line = lines.get(at).strip();
            if (line.startsWith("Known wrong:") || line.startsWith("Caught by:")) {
                field = line.substring(0, line.indexOf(':'));
                header.put(field, new StringBuilder(line.substring(field.length() + 1).strip()));
            } else if (field != null && !line.isEmpty()) {
                header.get(field).append(' ').append(line);
            }
        }
        String name = file.getFileName().toString().replaceFirst("\\.diff$", "");
        List<String> caughtBy = Arrays.stream(header.getOrDefault("Caught by", new StringBuilder()).toString().split("[,\\s]+"))
                .filter(spec -> !spec.isEmpty()).toList();
        return new Mistake(kata, name, header.getOrDefault("Known wrong", new StringBuilder()).toString(), caughtBy,
                hunks(lines.subList(at, lines.size())));
    }

    private static List<Hunk> hunks(List<String> lines) {
        List<Hunk> hunks = new ArrayList<>();
        String file = null;
        StringBuilder find = new StringBuilder();
        StringBuilder replace = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("--- ") || line.isEmpty()) {
                addHunk(hunks, file, find, replace);
                file = line.startsWith("--- ") ? line.substring(4).strip() : file;
            } else {
                String text = line.substring(1) + "\n";
                switch (line.charAt(0)) {
                    case ' ' -> {
                        find.append(text);
                        replace.append(text);
                    }
                    case '-' -> find.append(text);
                    case '+' -> replace.append(text);
                    default -> throw new IllegalArgumentException("a hunk line starts with ' ', '-' or '+': " + line);
                }
            }
        }
        addHunk(hunks, file, find, replace);
        return List.copyOf(hunks);
    }

    private static void addHunk(List<Hunk> hunks, String file, StringBuilder find, StringBuilder replace) {
        if (file != null && (find.length() > 0 || replace.length() > 0)) {
            hunks.add(new Hunk(file, find.toString(), replace.toString()));
        }
        find.setLength(0);
        replace.setLength(0);
    }

    /**
     * Writes the reference files this mistake changes, changed, under {@code into} (same relative
     * paths), ready to overlay the reference solution.
     *
     * @throws IllegalArgumentException when a hunk's lines are not found exactly once
     */
    public void writeChangedFiles(Path referenceSources, Path into) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (Hunk hunk : hunks) {
            String source = changed.computeIfAbsent(hunk.file(), file -> read(referenceSources.resolve(file)));
            int first = source.indexOf(hunk.find());
            if (hunk.find().isEmpty() || first < 0 || source.indexOf(hunk.find(), first + 1) >= 0) {
                throw new IllegalArgumentException(this + ": the lines to change must occur exactly once in "
                        + hunk.file() + ":\n" + hunk.find());
            }
            changed.put(hunk.file(), source.substring(0, first) + hunk.replace() + source.substring(first + hunk.find().length()));
        }
        changed.forEach((file, text) -> {
            try {
                Files.createDirectories(into.resolve(file).getParent());
                Files.writeString(into.resolve(file), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + into.resolve(file), e);
            }
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public String toString() {
        return kata.slug() + "/" + name;
    }
}
