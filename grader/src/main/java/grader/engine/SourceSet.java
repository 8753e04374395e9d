package grader.engine;

import grader.course.StrayFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Java sources of one compilation, by path relative to their source root
 * ({@code kata/reduction/Reduction.java}). Overlaying another root replaces files of the same
 * relative path: that is how a known-wrong implementation takes the place of the reference
 * without touching it.
 *
 * <p>Only regular {@code .java} files are sources. Everything else in a source folder is ignored,
 * as Maven ignores it: class files from a hand-run {@code javac}, notes, and the files editors and
 * operating systems leave behind ({@link StrayFiles#isStray}).
 */
public final class SourceSet {

    private final Map<String, Path> files;

    private SourceSet(Map<String, Path> files) {
        this.files = files;
    }

    /** Every {@code .java} file under {@code root} (none when it does not exist). */
    public static SourceSet of(Path root) {
        return new SourceSet(new TreeMap<>()).overlay(root);
    }

    /** The {@code .java} files under {@code root} in the given package folders ({@code kata/reduction}). */
    public static SourceSet of(Path root, Set<String> packageFolders) {
        return new SourceSet(new TreeMap<>()).overlay(root, packageFolders);
    }

    /** A copy in which the files under {@code root} replace or join these. */
    public SourceSet overlay(Path root) {
        return overlay(root, null);
    }

    private SourceSet overlay(Path root, Set<String> packageFolders) {
        Map<String, Path> merged = new TreeMap<>(files);
        if (!Files.isDirectory(root)) {
            return new SourceSet(merged);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(file -> file.getFileName().toString().endsWith(".java") && !StrayFiles.isStray(root.relativize(file))
                            && Files.isRegularFile(file))
                    .forEach(file -> {
                        String relative = root.relativize(file).toString().replace('\\', '/');
                        if (packageFolders == null || packageFolders.contains(folderOf(relative))) {
                            merged.put(relative, file);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources under " + root, e);
        }
        return new SourceSet(merged);
    }

    /** The package folders the sources live in, e.g. {@code kata/reduction}. */
    public Set<String> packageFolders() {
        Set<String> folders = new TreeSet<>();
        files.keySet().forEach(relative -> folders.add(folderOf(relative)));
        return folders;
    }

    /** The fully qualified names of the top-level classes, one per file. */
    public Set<String> classNames() {
        Set<String> names = new TreeSet<>();
        files.keySet().forEach(relative ->
                names.add(relative.substring(0, relative.length() - ".java".length()).replace('/', '.')));
        return names;
    }

    public Collection<Path> files() {
        return files.values();
    }

    /** Each file by its path relative to the source root, sorted by that path. */
    public Map<String, Path> byRelativePath() {
        return Collections.unmodifiableMap(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    private static String folderOf(String relative) {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }
}
