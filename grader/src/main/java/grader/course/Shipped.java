package grader.course;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The course's files as it shipped them, found in git whatever the learner committed since: the
 * commit that last changed {@code grader/spec-manifest.txt} (the course refreshes the manifest with
 * every change to a skeleton or a spec), each file checked against the manifest's checksum, and a
 * file the learner's commits changed before that commit found in its history by that checksum.
 * Without a manifest, HEAD.
 */
public final class Shipped {

    private final Git git;
    private final Optional<Manifest> manifest;
    private final String commit;

    private Shipped(Git git, Optional<Manifest> manifest, String commit) {
        this.git = git;
        this.manifest = manifest;
        this.commit = commit;
    }

    /** The shipped version of the repository's files; empty when git does not run here. */
    public static Optional<Shipped> of(Repository repository) {
        Git git = Git.at(repository.root());
        if (!git.available()) {
            return Optional.empty();
        }
        Optional<Manifest> manifest = Manifest.committed(repository);
        String commit = manifest.flatMap(m -> git.lastCommitOf(repository.relative(repository.manifest()))).orElse("HEAD");
        return Optional.of(new Shipped(git, manifest, commit));
    }

    /** The commit the course shipped (the one that last wrote the manifest), or {@code HEAD}. */
    public String commit() {
        return commit;
    }

    /** The shipped commit's short name when HEAD is another commit (the learner committed since); else empty. */
    public Optional<String> whenHeadMovedOn() {
        Optional<String> head = git.shortName("HEAD");
        Optional<String> shipped = git.shortName(commit);
        return shipped.isPresent() && !shipped.equals(head) ? shipped : Optional.empty();
    }

    /** Every shipped file under {@code folder} (a path relative to the root), with its content. */
    public Map<String, byte[]> files(String folder) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String path : git.files(commit, folder)) {
            content(path).ifPresent(content -> files.put(path, content));
        }
        manifest.ifPresent(m -> m.paths().stream().filter(path -> path.startsWith(folder + "/") && !files.containsKey(path))
                .forEach(path -> content(path).ifPresent(content -> files.put(path, content))));
        return files;
    }

    /** The shipped content of {@code path}: at the shipped commit, or the version of its history the manifest names. */
    private Optional<byte[]> content(String path) {
        Optional<byte[]> atCommit = git.show(commit, path);
        Optional<String> sum = manifest.flatMap(m -> m.checksum(path));
        if (sum.isEmpty() || atCommit.map(content -> sha256(content).equals(sum.get())).orElse(false)) {
            return atCommit;
        }
        for (String older : git.commitsOf(path)) {
            Optional<byte[]> content = git.show(older, path);
            if (content.isPresent() && sha256(content.get()).equals(sum.get())) {
                return content;
            }
        }
        return atCommit;
    }

    /** The manifest's checksum: SHA-256 of the bytes with CR LF read as LF. */
    static String sha256(byte[] bytes) {
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\r' || i + 1 >= bytes.length || bytes[i + 1] != '\n') {
                text.write(bytes[i]);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
