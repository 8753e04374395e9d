package reference;

import grader.Kata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One entry of the known-wrong catalogue: a folder of classes that replace the reference's, and
 * the header that says what is wrong and which specs catch it.
 */
record KnownWrong(Kata kata, String name, Path folder, String mistake, List<String> caughtBy) {

    private static final Pattern MISTAKE = Pattern.compile("Known wrong:\\s*(.+?)\\s*(?:\\*\\s*)?Caught by:", Pattern.DOTALL);
    private static final Pattern CAUGHT_BY = Pattern.compile("Caught by:(.*)", Pattern.DOTALL);

    static List<KnownWrong> of(Kata kata, Path catalogue) {
        Path folder = catalogue.resolve(kata.slug());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> mistakes = Files.list(folder)) {
            return mistakes.filter(Files::isDirectory).sorted().map(dir -> read(kata, dir)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KnownWrong read(Kata kata, Path folder) {
        String header = header(folder).orElse("");
        Matcher mistake = MISTAKE.matcher(header);
        Matcher caught = CAUGHT_BY.matcher(header);
        List<String> specs = caught.find()
                ? Arrays.stream(caught.group(1).replace('*', ' ').split("[,\\s]+")).filter(s -> !s.isEmpty()).toList()
                : List.of();
        String text = mistake.find() ? mistake.group(1).replaceAll("\\s*\\n\\s*\\*\\s*", " ") : "";
        return new KnownWrong(kata, folder.getFileName().toString(), folder, text, specs);
    }

    /** The block comment holding "Known wrong:" in one of the folder's Java files. */
    private static Optional<String> header(Path folder) {
        List<String> headers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                int start = source.indexOf("Known wrong:");
                if (start >= 0) {
                    int end = source.indexOf("*/", start);
                    headers.add(source.substring(start, end < 0 ? source.length() : end));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return headers.stream().findFirst();
    }

    @Override
    public String toString() {
        return kata.slug() + "/" + name;
    }
}
