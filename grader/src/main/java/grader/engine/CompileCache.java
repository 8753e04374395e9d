package grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Compiled classes kept between grades under {@code grader/target/compiled/<name>/<key>}, where the
 * key is a checksum of every source that went in and of what they were compiled against. A kata
 * whose sources did not change since the last grade is not compiled again; a changed one gets a
 * new key. Only clean compilations are kept, so a compile error is always reported afresh. The
 * folder is build output: {@code mvn clean} empties it, and nothing in it is ever a learner's file.
 *
 * <p>Several graders may share the cache (two terminals, a watch loop and a one-off grade). No
 * grader ever loads classes from the cache: it copies an entry into its own scratch folder and
 * loads from there, so an entry may be dropped at any time. Entries are written whole into a new
 * folder and moved into place in one rename; an entry is dropped by renaming it away first, so a
 * copy taken while it goes fails loudly (and the grader compiles instead) rather than missing files.
 */
final class CompileCache {

    /** Changes whenever the way sources are compiled changes, so older entries are not reused. */
    private static final String FORMAT = "2";

    /** How many compilations of one kata are kept. */
    private static final int ENTRIES_PER_NAME = 4;

    /** Names of folders being written or dropped start with this. */
    private static final String TRANSIENT = ".";

    /** A folder being written or dropped for this long belonged to a grader that was killed. */
    private static final long ABANDONED_AFTER_MILLIS = 60 * 60 * 1000;

    private final Path root;

    CompileCache(Path root) {
        this.root = root;
    }

    /**
     * The checksum of the named sources and of {@code inputs} (the keys of what they are compiled
     * against), with the JDK's version: every name, content and input is length-prefixed, so no
     * two different source sets give the same bytes to hash.
     */
    static String key(Map<String, Path> sources, List<String> inputs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, (FORMAT + " " + Runtime.version()).getBytes(StandardCharsets.UTF_8));
            update(digest, ByteBuffer.allocate(Integer.BYTES).putInt(inputs.size()).array());
            for (String input : inputs) {
                update(digest, input.getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, Path> source : new TreeMap<>(sources).entrySet()) {
                update(digest, source.getKey().getBytes(StandardCharsets.UTF_8));
                update(digest, Files.readAllBytes(source.getValue()));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } catch (IOException e) {
            return "unreadable-" + UUID.randomUUID();
        }
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
        digest.update(bytes);
    }

    /**
     * Copies the classes compiled earlier for {@code name} from sources with this key into
     * {@code target} (a folder that does not exist yet); false when there is no such entry or it
     * went away while being copied.
     */
    boolean copyOut(String name, String key, Path target) {
        Path entry = root.resolve(name).resolve(key);
        if (!Files.isDirectory(entry)) {
            return false;
        }
        try {
            copy(entry, target);
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
            return true;
        } catch (IOException | UncheckedIOException e) {
            delete(target);
            return false;
        }
    }

    /**
     * Keeps a clean compilation: copies {@code compiled} into a new folder of the cache, moves it
     * into place in one rename (so no grader ever sees half an entry), and drops the oldest
     * entries of the same name. When the cache cannot be written, nothing is kept.
     */
    void keep(String name, String key, Path compiled) {
        Path entry = root.resolve(name).resolve(key);
        Path incoming = root.resolve(name).resolve(TRANSIENT + "incoming-" + UUID.randomUUID());
        try {
            copy(compiled, incoming);
            Files.move(incoming, entry, StandardCopyOption.ATOMIC_MOVE);
            dropOldEntries(root.resolve(name));
        } catch (IOException | UncheckedIOException alreadyThereOrUnwritable) {
            delete(incoming);
        }
    }

    /**
     * Keeps the newest few entries of one name (the learner's sources, the reference, a mistake or
     * two), and deletes what a grader that was killed while writing or dropping an entry left.
     */
    private static void dropOldEntries(Path folder) throws IOException {
        List<Path> all;
        try (Stream<Path> entries = Files.list(folder)) {
            all = entries.toList();
        }
        all.stream().filter(entry -> !entry.getFileName().toString().startsWith(TRANSIENT))
                .sorted(Comparator.comparing(CompileCache::modified).reversed())
                .skip(ENTRIES_PER_NAME)
                .forEach(CompileCache::drop);
        long abandoned = System.currentTimeMillis() - ABANDONED_AFTER_MILLIS;
        all.stream().filter(entry -> entry.getFileName().toString().startsWith(TRANSIENT) && modified(entry) < abandoned)
                .forEach(CompileCache::delete);
    }

    /** Renames the entry away (a copy under way then fails), then deletes it. */
    private static void drop(Path entry) {
        Path leaving = entry.resolveSibling(TRANSIENT + "leaving-" + UUID.randomUUID());
        try {
            Files.move(entry, leaving, StandardCopyOption.ATOMIC_MOVE);
            delete(leaving);
        } catch (IOException e) {
            // another grader dropped it first
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

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: what is left is build output, emptied by mvn clean
        }
    }
}
