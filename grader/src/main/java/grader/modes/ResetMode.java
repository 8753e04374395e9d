package grader.modes;

import grader.course.Git;
import grader.course.Kata;
import grader.course.Repository;
import grader.course.Shipped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code -Dreset=01}: puts the kata's skeleton and specs back as the course shipped them, from git
 * ({@link Shipped}: whatever the learner committed since),
 * after asking on the terminal ({@code -Dyes=true} answers for scripts). The learner's files are
 * first copied to {@code .grader/backups/NN-slug-<time>} (ignored by git); files git does not know
 * are moved there too.
 */
public record ResetMode(Repository repository, Kata kata, boolean yes, PrintStream out) implements Mode {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Override
    public int run() {
        Git git = Git.at(repository.root());
        String sources = repository.relative(kata.folder().resolve("src"));
        if (!git.available()) {
            out.println("grader: cannot reset kata " + kata.id() + ": this copy is not a git checkout, so the committed "
                    + "version is unknown. Take " + sources + " from a fresh copy of the course instead.");
            return 2;
        }
        Map<String, byte[]> committed = Shipped.of(repository).orElseThrow().files(sources);
        if (committed.isEmpty()) {
            out.println("grader: cannot reset kata " + kata.id() + ": git has no version of " + sources + " as the course shipped it");
            return 2;
        }
        List<String> differing = differing(committed, sources);
        if (differing.isEmpty()) {
            out.println("Kata " + kata.id() + " " + kata.name() + " is already as the course shipped it: nothing to reset.");
            return 0;
        }
        out.println((yes ? "Resetting kata " : "Reset kata ") + kata.id() + " " + kata.name()
                + " to the skeleton and specs the course shipped" + (yes ? " (-Dyes=true):" : "?"));
        differing.stream().limit(10).forEach(path -> out.println("  " + path));
        if (differing.size() > 10) {
            out.println("  and " + (differing.size() - 10) + " more");
        }
        if (yes) {
            out.println("Your files are backed up first.");
        } else {
            out.print("Your files are backed up first. Reset? [y/N] ");
            out.flush();
        }
        if (!yes && !confirmed()) {
            out.println("\nNothing changed.");
            return 0;
        }
        Path backup = repository.graderState().resolve("backups").resolve(kata.slug() + "-" + LocalDateTime.now().format(STAMP));
        try {
            for (String path : current(sources)) {
                Path target = backup.resolve(path);
                Files.createDirectories(target.getParent());
                Files.copy(repository.root().resolve(path), target);
            }
            for (String path : differing) {
                Path file = repository.root().resolve(path);
                if (committed.containsKey(path)) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, committed.get(path));
                } else {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset " + sources + " (your files are in " + backup + ")", e);
        }
        out.println("\nReset kata " + kata.id() + ": " + differing.size() + (differing.size() == 1 ? " file" : " files")
                + " restored. Your files are in " + repository.relative(backup));
        return 0;
    }

    /** The files that are not as committed: edited, added or deleted. */
    private List<String> differing(Map<String, byte[]> committed, String sources) {
        TreeSet<String> all = new TreeSet<>(committed.keySet());
        all.addAll(current(sources));
        return all.stream().filter(path -> !Arrays.equals(committed.get(path), read(repository.root().resolve(path)).orElse(null)))
                .toList();
    }

    private List<String> current(String sources) {
        Path folder = repository.root().resolve(sources);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(repository::relative).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean confirmed() {
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        } catch (IOException e) {
            return false;
        }
    }
}
