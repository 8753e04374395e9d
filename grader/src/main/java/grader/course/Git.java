package grader.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What git knows about the repository: the committed version of a file and which files differ from
 * it. Runs the {@code git} program directly (no shell); every answer is empty when git is missing or
 * the folder is not a git checkout (e.g. a downloaded zip).
 */
public final class Git {

    private static final long TIMEOUT_SECONDS = 30;

    private final Path root;

    private Git(Path root) {
        this.root = root;
    }

    public static Git at(Path root) {
        return new Git(root);
    }

    /** Whether git runs here and the folder is a checkout with at least one commit. */
    public boolean available() {
        return run("rev-parse", "--verify", "--quiet", "HEAD").isPresent();
    }

    /** The paths (relative to the root) of the committed files under {@code folder}, at {@code commit}. */
    public List<String> files(String commit, String folder) {
        return run("ls-tree", "-r", "--name-only", commit, "--", folder)
                .map(out -> new String(out, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList())
                .orElse(List.of());
    }

    /** The content of {@code path} at {@code commit}, if it is committed there. */
    public Optional<byte[]> show(String commit, String path) {
        return run("show", commit + ":" + path);
    }

    /**
     * The files under the given folders that differ from HEAD: modified, added, deleted or not
     * tracked, as git prints them ({@code " M katas/01-x/src/test/...Spec.java"}).
     */
    public List<String> changes(List<String> folders) {
        List<String> command = new ArrayList<>(List.of("status", "--porcelain", "--untracked-files=all", "--"));
        command.addAll(folders);
        return run(command.toArray(String[]::new))
                .map(out -> new String(out, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList())
                .orElse(List.of());
    }

    /** The newest commit that changed {@code path}. */
    public Optional<String> lastCommitOf(String path) {
        return run("log", "-1", "--format=%H", "--", path)
                .map(out -> new String(out, StandardCharsets.UTF_8).strip()).filter(hash -> !hash.isEmpty());
    }

    /** Every commit that changed {@code path}, newest first. */
    public List<String> commitsOf(String path) {
        return run("log", "--format=%H", "--", path)
                .map(out -> new String(out, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList())
                .orElse(List.of());
    }

    /** The short name of {@code commit}, e.g. {@code 1a2b3c4}. */
    public Optional<String> shortName(String commit) {
        return run("rev-parse", "--short", commit).map(out -> new String(out, StandardCharsets.UTF_8).strip())
                .filter(name -> !name.isEmpty());
    }

    /** A zip of the committed {@code paths} at {@code commit} ({@code git archive}). */
    public Optional<byte[]> archive(String commit, List<String> paths) {
        List<String> command = new ArrayList<>(List.of("archive", "--format=zip", commit, "--"));
        command.addAll(paths);
        return run(command.toArray(String[]::new));
    }

    /** Standard output of {@code git <arguments>}, or empty when git is missing or failed. */
    private Optional<byte[]> run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
