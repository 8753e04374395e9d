package grader;

import grader.course.Kata;
import grader.course.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A scratch copy of the repository's committed sources (no build output, none of a learner's work),
 * in which a test may plant learner code without touching the real working tree.
 */
public final class RepositoryCopy implements AutoCloseable {

    private final Path root;

    private RepositoryCopy(Path root) {
        this.root = root;
    }

    public static RepositoryCopy create() {
        return create(null);
    }

    /** A copy holding only the katas whose ids are given (all when null), plus the support code. */
    public static RepositoryCopy create(java.util.Set<String> kataIds) {
        try {
            Path root = Files.createTempDirectory("kata-repository-");
            Pristine.SOURCES.extractInto(root);
            Files.createDirectories(root.resolve("grader"));
            if (kataIds != null) {
                for (Kata kata : Repository.at(root).katas()) {
                    if (!kataIds.contains(kata.id())) {
                        delete(kata.folder());
                    }
                }
            }
            return new RepositoryCopy(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String relative, String content) {
        try {
            Files.createDirectories(root.resolve(relative).getParent());
            Files.writeString(root.resolve(relative), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first line of {@code relative} that contains {@code marker} with {@code replacement}. */
    public void replaceLine(String relative, String marker, String replacement) {
        String source = read(relative);
        int at = source.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException(relative + " has no line containing " + marker);
        }
        int start = source.lastIndexOf('\n', at) + 1;
        int end = source.indexOf('\n', at);
        write(relative, source.substring(0, start) + replacement + source.substring(end));
    }

    @Override
    public void close() {
        delete(root);
    }

    static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            folder.toFile().deleteOnExit();
        }
    }

    /** Runs git in {@code root} with its output discarded; false when git is missing, fails or takes over 30 s. */
    static boolean git(Path root, String... arguments) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
