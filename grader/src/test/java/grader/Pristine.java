package grader;

import grader.course.Git;
import grader.course.Manifest;
import grader.course.Repository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * The committed sources the grader's tests work on, never the learner's working tree: the files of
 * HEAD, from git, or those of the commit that last wrote the manifest when HEAD holds a learner's
 * committed work. Without git the working tree serves only while it is pristine (the manifest
 * says so); otherwise the tests that need these sources are skipped, with the reason.
 */
final class Pristine {

    static final Path REAL_ROOT = Repository.find(Path.of("").toAbsolutePath())
            .orElseThrow(() -> new IllegalStateException("grader tests run inside the kata repository")).root();

    private static final List<String> PATHS = List.of(
            "pom.xml", ".gitignore", "PROGRESS.md", "katas", "reference/src", "reference/known-wrong", "grader/spec-manifest.txt");

    static final Pristine SOURCES = load();

    /** File contents by path relative to the root; null when there are no pristine sources. */
    private final Map<String, byte[]> files;
    private final String why;

    private Pristine(Map<String, byte[]> files, String why) {
        this.files = files;
        this.why = why;
    }

    /** Writes every file but PROGRESS.md (a copy starts with no table) under {@code root}. */
    void extractInto(Path root) throws IOException {
        Assumptions.assumeTrue(files != null, why);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().equals("PROGRESS.md")) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }
    }

    /** The committed text of {@code path}. */
    String read(String path) {
        Assumptions.assumeTrue(files != null, why);
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    private static Pristine load() {
        Git git = Git.at(REAL_ROOT);
        if (!git.available()) {
            return workingTreeIfPristine();
        }
        Map<String, byte[]> head = unzip(git.archive("HEAD", PATHS).orElseThrow());
        if (untouched(head)) {
            return new Pristine(head, "");
        }
        Optional<Map<String, byte[]>> manifestCommit = git.lastCommitOf("grader/spec-manifest.txt")
                .flatMap(commit -> git.archive(commit, PATHS)).map(Pristine::unzip).filter(Pristine::untouched);
        return manifestCommit.map(files -> new Pristine(files, ""))
                .orElse(new Pristine(null, "no commit holds the pristine skeletons the manifest describes"));
    }

    private static Pristine workingTreeIfPristine() {
        Repository real = Repository.at(REAL_ROOT);
        boolean pristine = Manifest.committed(real).map(manifest -> manifest.skeletonsUntouched(Manifest.of(real))
                && real.katas().stream().allMatch(kata -> manifest.differences(Manifest.of(real), kata).isEmpty()))
                .orElse(false);
        if (!pristine) {
            return new Pristine(null, "not a git checkout, and the working tree is a learner's: "
                    + "the grader's own tests need the pristine sources");
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (String path : PATHS) {
            try (Stream<Path> walk = Files.walk(REAL_ROOT.resolve(path))) {
                for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.toString().contains("target")).toList()) {
                    files.put(real.relative(file), Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Pristine(files, "");
    }

    /** Whether the skeletons among {@code files} are the ones their manifest lists. */
    private static boolean untouched(Map<String, byte[]> files) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("kata-pristine-");
            new Pristine(files, "").extractInto(scratch);
            Files.createDirectories(scratch.resolve("grader"));
            Repository copy = Repository.at(scratch);
            return Manifest.committed(copy).map(manifest -> manifest.skeletonsUntouched(Manifest.of(copy))).orElse(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (scratch != null) {
                RepositoryCopy.delete(scratch);
            }
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
