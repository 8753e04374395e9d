package grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Compiled classes kept between grades under {@code grader/target/compiled/<name>/<key>}, where the
 * key is a checksum of every source that went in (and of what they were compiled against). A kata
 * whose sources did not change since the last grade is not compiled again; a changed one gets a
 * new key. Only clean compilations are kept, so a compile error is always reported afresh. The
 * folder is build output: {@code mvn clean} empties it, and nothing in it is ever a learner's file.
 */
final class CompileCache {

    /** Changes whenever the way sources are compiled changes, so older entries are not reused. */
    private static final String FORMAT = "1";

    /** How many compilations of one kata are kept. */
    private static final int ENTRIES_PER_NAME = 4;

    private final Path root;

    CompileCache(Path root) {
        this.root = root;
    }

    /** The checksum of the sources' contents and of {@code inputs} (keys of what they depend on). */
    static String key(Collection<Path> sources, List<String> inputs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((FORMAT + Runtime.version().feature() + inputs).getBytes(StandardCharsets.UTF_8));
            for (Path source : sources.stream().sorted().toList()) {
                digest.update(source.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(source));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } catch (IOException e) {
            return "unreadable-" + UUID.randomUUID();
        }
    }

    /** The classes compiled earlier for {@code name} from sources with this key (marked as just used). */
    Optional<Path> find(String name, String key) {
        Path entry = root.resolve(name).resolve(key);
        if (!Files.isDirectory(entry)) {
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(entry, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only the eviction order suffers
        }
        return Optional.of(entry);
    }

    /**
     * Keeps a clean compilation: copies {@code compiled} to its place in the cache (in one rename,
     * so no grader ever sees half an entry), drops older entries of the same name, and returns
     * where the classes now are. When the cache cannot be written, the classes stay where they are.
     */
    Path keep(String name, String key, Path compiled) {
        Path entry = root.resolve(name).resolve(key);
        Path incoming = root.resolve(name).resolve(".incoming-" + UUID.randomUUID());
        try {
            copy(compiled, incoming);
            try {
                Files.move(incoming, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException alreadyThere) {
                delete(incoming);
                return Files.isDirectory(entry) ? entry : compiled;
            }
            dropOldEntries(root.resolve(name));
            return entry;
        } catch (IOException | UncheckedIOException e) {
            delete(incoming);
            return compiled;
        }
    }

    /** Keeps the newest few entries of one name (the learner's sources, the reference, a mistake or two). */
    private static void dropOldEntries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(entry -> !entry.getFileName().toString().startsWith(".incoming"))
                    .sorted(Comparator.comparing(CompileCache::modified).reversed())
                    .skip(ENTRIES_PER_NAME)
                    .forEach(CompileCache::delete);
        }
    }

    private static long modified(Path entry) {
        try {
            return Files.getLastModifiedTime(entry).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // another grader may still be loading from it; it will be replaced next time
        }
    }
}
