package grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The checksums of every pristine spec file and of the support code the specs rely on, committed as
 * {@code grader/spec-manifest.txt}. A kata whose files differ from it has had its specs edited,
 * so it cannot count as done. The skeletons are listed too, so the build can tell a pristine
 * checkout from a learner's work. Line endings are normalized before hashing, so a Windows
 * checkout matches too.
 *
 * <p>Maintainers refresh it after committing a change to a spec: {@code mvn -q -pl grader exec:java
 * -Dmanifest=write} (see {@code grader.modes.ManifestMode}, which refuses while git says the files differ from
 * the committed ones).
 */
public final class Manifest {

    private static final String SUPPORT = "katas/support/src/main/";

    private final Map<String, String> checksums;

    private Manifest(Map<String, String> checksums) {
        this.checksums = checksums;
    }

    /** The checksums of the files as they are now. */
    public static Manifest of(Repository repository) {
        Map<String, String> checksums = new TreeMap<>();
        List<Path> roots = new ArrayList<>();
        roots.add(repository.root().resolve(SUPPORT));
        repository.katas().forEach(kata -> {
            roots.add(kata.folder().resolve("src/test"));
            roots.add(kata.folder().resolve("src/main"));
        });
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                List<Path> found = files
                        .filter(file -> Files.isRegularFile(file) && !StrayFiles.isStray(root.relativize(file)))
                        .toList();
                for (Path file : found) {
                    checksums.put(repository.relative(file), sha256(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root, e);
            }
        }
        return new Manifest(checksums);
    }

    /** The committed manifest, if there is one. */
    public static Optional<Manifest> committed(Repository repository) {
        Path file = repository.manifest();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, String> checksums = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("\\s+", 2);
                if (parts.length == 2 && !line.startsWith("#")) {
                    checksums.put(parts[1], parts[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new Manifest(checksums));
    }

    /** The manifest file's text: one {@code sha256  path} line per file, sorted by path. */
    public String text() {
        StringBuilder text = new StringBuilder("# Checksums of the pristine specs, support code and skeletons (SHA-256 of the text with LF line endings).\n"
                + "# Maintainers refresh it after committing a change to one of them: mvn -q -pl grader exec:java -Dmanifest=write\n");
        checksums.forEach((path, sum) -> text.append(sum).append("  ").append(path).append('\n'));
        return text.toString();
    }

    /**
     * The files of {@code kata} (its specs and the support code) that differ from this manifest:
     * edited, added or deleted, as paths relative to the repository root.
     */
    public List<String> differences(Manifest now, Kata kata) {
        String specs = "katas/" + kata.slug() + "/src/test/";
        List<String> changed = new ArrayList<>();
        for (String path : union(now)) {
            boolean relevant = path.startsWith(specs) || path.startsWith(SUPPORT);
            if (relevant && !java.util.Objects.equals(checksums.get(path), now.checksums.get(path))) {
                changed.add(path);
            }
        }
        return changed;
    }

    /** The checksum this manifest gives the file (a path relative to the repository root), if it lists it. */
    public Optional<String> checksum(String path) {
        return Optional.ofNullable(checksums.get(path));
    }

    /** Every file this manifest lists, relative to the repository root. */
    public java.util.Set<String> paths() {
        return java.util.Collections.unmodifiableSet(checksums.keySet());
    }

    /** Whether this manifest lists the file (a path relative to the repository root). */
    public boolean lists(String path) {
        return checksums.containsKey(path);
    }

    /** Whether every kata's main sources are the skeleton's (nobody has started any kata). */
    public boolean skeletonsUntouched(Manifest now) {
        for (String path : union(now)) {
            if (path.matches("katas/\\d\\d-[^/]+/src/main/.*")
                    && !java.util.Objects.equals(checksums.get(path), now.checksums.get(path))) {
                return false;
            }
        }
        return true;
    }

    private List<String> union(Manifest other) {
        TreeMap<String, String> all = new TreeMap<>(checksums);
        all.putAll(other.checksums);
        return new ArrayList<>(all.keySet());
    }

    /** The checksum of the file's bytes with CR LF read as LF (any file: text in any encoding, or binary). */
    private static String sha256(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\r' || i + 1 >= bytes.length || bytes[i + 1] != '\n') {
                text.write(bytes[i]);
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
