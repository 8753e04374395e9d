package grader.modes;

import grader.course.Kata;
import grader.course.Repository;
import grader.course.StrayFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code -Dwatch=true}: after the first grade, looks at the katas' sources twice a second and grades
 * again the kata whose files were saved (every kata when the support code changed), printing its
 * spec list, until interrupted with Ctrl+C. Polling the modification times works the same on every
 * platform and editor, which file-system notifications do not. The files are compared with what
 * they were before the last grade began, so a file saved while a grade runs is graded again next.
 * Nothing a save does ends the loop: a kata whose sources disappear is graded as such, and a grade
 * that fails is reported and the watch goes on.
 */
final class Watch {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Repository repository;
    private final List<Kata> watched;
    private final PrintStream terminal;
    private final Map<Kata, Long> seen;

    /** Takes note of the files as they are now: create it before the first grade, so a save during that grade counts. */
    Watch(Repository repository, List<Kata> watched, PrintStream terminal) {
        this.repository = repository;
        this.watched = watched;
        this.terminal = terminal;
        this.seen = stamps();
    }

    /** Calls {@code regrade} with the katas whose files changed, while {@code keepGoing} holds. */
    void loop(BooleanSupplier keepGoing, Consumer<List<Kata>> regrade) {
        terminal.println("\nWatching " + (watched.size() == 1 ? "kata " + watched.get(0).id() : "the katas")
                + " for changes; press Ctrl+C to stop.");
        while (keepGoing.getAsBoolean()) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Map<Kata, Long> now = stamps();
            List<Kata> changed = watched.stream().filter(kata -> !now.get(kata).equals(seen.get(kata))).toList();
            if (!changed.isEmpty()) {
                terminal.println("\nChanged: " + String.join(", ", changed.stream().map(Kata::slug).toList()));
                try {
                    regrade.accept(changed);
                } catch (RuntimeException e) {
                    terminal.println("grader: could not grade " + String.join(", ", changed.stream().map(Kata::id).toList())
                            + " (" + e + "); still watching: save again to retry.");
                }
            }
            seen.putAll(now);
        }
    }

    /** Per kata, a fingerprint of its sources' and the support code's modification times and sizes. */
    private Map<Kata, Long> stamps() {
        long support = fingerprint(repository.root().resolve("katas/support/src"));
        Map<Kata, Long> stamps = new HashMap<>();
        for (Kata kata : watched) {
            stamps.put(kata, 31 * fingerprint(kata.folder().resolve("src")) + support);
        }
        return stamps;
    }

    private static long fingerprint(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            long sum = 0;
            for (Path file : files.filter(file -> Files.isRegularFile(file) && !StrayFiles.isStray(file)).toList()) {
                sum = 31 * sum + file.hashCode() + Files.getLastModifiedTime(file).toMillis() * 17 + Files.size(file);
            }
            return sum;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
