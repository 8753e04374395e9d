package grader.modes;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Manifest;
import grader.course.Mistake;
import grader.course.Status;
import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import grader.engine.SourceSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Grades katas side by side, one per core, each after its prerequisites, and reports them in kata
 * order.
 */
public final class Grading {

    /** How many katas are graded at once: one per core, at most four. */
    private static final int PARALLEL = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final Engine engine;
    private final Solutions solutions;
    private final Map<String, KataResult> results = new ConcurrentHashMap<>();
    private final Optional<Manifest> pristine;
    private final Manifest now;
    private final Supplier<Optional<String>> shipped;

    /** {@code pristine} is the committed manifest (none: specs are not checked for edits). */
    public Grading(Engine engine, Solutions solutions, Optional<Manifest> pristine, Manifest now) {
        this(engine, solutions, pristine, now, Optional::empty);
    }

    /**
     * {@code shipped} names the commit the course shipped when HEAD is a later one (the learner
     * committed): the ⚠ note's {@code git checkout} then takes the specs from it, not from HEAD.
     */
    public Grading(Engine engine, Solutions solutions, Optional<Manifest> pristine, Manifest now,
                   Supplier<Optional<String>> shipped) {
        this.engine = engine;
        this.solutions = solutions;
        this.pristine = pristine;
        this.now = now;
        this.shipped = memoized(shipped);
    }

    private static Supplier<Optional<String>> memoized(Supplier<Optional<String>> supplier) {
        Optional<?>[] value = {null};
        return () -> {
            synchronized (value) {
                if (value[0] == null) {
                    value[0] = supplier.get();
                }
                @SuppressWarnings("unchecked")
                Optional<String> known = (Optional<String>) value[0];
                return known;
            }
        };
    }

    /**
     * Grades {@code selected}, first grading (without reporting) any prerequisite not among them,
     * and calls {@code onEach} with each result in the order of {@code selected}.
     */
    public List<KataResult> grade(List<Kata> all, List<Kata> selected, Consumer<KataResult> onEach) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, work -> {
            Thread thread = new Thread(work, "grader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, CompletableFuture<KataResult>> scheduled = new HashMap<>();
            selected.forEach(kata -> schedule(kata, all, scheduled, pool));
            List<KataResult> graded = new ArrayList<>();
            for (Kata kata : selected) {
                KataResult result = join(scheduled.get(kata.id()));
                graded.add(result);
                onEach.accept(result);
            }
            return graded;
        } finally {
            pool.shutdown();
        }
    }

    /** Grades {@code mistake}: its kata's reference solution with the mistake written into it. */
    public KataResult grade(List<Kata> all, Mistake mistake) {
        gradePrerequisites(mistake.kata(), all);
        return engine.grade(mistake.kata(), engine.mistakeSources(mistake), results);
    }

    /** Grades the prerequisites of {@code kata}, theirs first (kata 09 needs 07, which needs 06). */
    private void gradePrerequisites(Kata kata, List<Kata> all) {
        for (String id : kata.prerequisites()) {
            all.stream().filter(k -> k.id().equals(id) && !results.containsKey(id)).findFirst().ifPresent(prerequisite -> {
                gradePrerequisites(prerequisite, all);
                gradeOne(prerequisite);
            });
        }
    }

    private CompletableFuture<KataResult> schedule(Kata kata, List<Kata> all,
                                                   Map<String, CompletableFuture<KataResult>> scheduled, ExecutorService pool) {
        CompletableFuture<KataResult> existing = scheduled.get(kata.id());
        if (existing != null) {
            return existing;
        }
        CompletableFuture<?>[] prerequisites = kata.prerequisites().stream()
                .flatMap(id -> all.stream().filter(k -> k.id().equals(id)))
                .map(prerequisite -> schedule(prerequisite, all, scheduled, pool))
                .toArray(CompletableFuture[]::new);
        CompletableFuture<KataResult> future = CompletableFuture.allOf(prerequisites)
                .thenApplyAsync(ignored -> gradeOne(kata), pool);
        scheduled.put(kata.id(), future);
        return future;
    }

    private static KataResult join(CompletableFuture<KataResult> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private KataResult gradeOne(Kata kata) {
        SourceSet main = solutions == Solutions.REFERENCE ? engine.referenceSources(kata) : engine.learnerSources(kata);
        KataResult result = modified(engine.grade(kata, main, results));
        results.put(kata.id(), result);
        return result;
    }

    /**
     * The same result marked ⚠ when the kata's specs or the support code differ from the manifest,
     * with what to do first: move a file that is not one of the course's out of the way (git cannot
     * restore it), or restore edited and deleted files with git, a command short enough for the table.
     */
    private KataResult modified(KataResult result) {
        if (pristine.isEmpty() || !java.nio.file.Files.isDirectory(result.kata().folder().resolve("src"))) {
            // without its src folder a kata's row already says the folder is missing, and how to get it back
            return result;
        }
        List<String> changed = pristine.get().differences(now, result.kata());
        if (changed.isEmpty()) {
            return result;
        }
        Optional<String> extra = changed.stream().filter(path -> !pristine.get().lists(path)).findFirst();
        String note;
        if (extra.isPresent()) {
            String area = extra.get().startsWith("katas/support/") ? "katas/support/src/main" : "src/test";
            note = "extra file among the specs: move it out of " + area + ": " + extra.get();
        } else {
            String first = changed.get(0);
            String folder = first.startsWith("katas/support/") ? "katas/support/src/main"
                    : "katas/" + result.kata().slug() + "/src/test";
            note = "specs modified: git checkout " + shipped.get().map(commit -> commit + " ").orElse("") + "-- "
                    + folder + " restores them ("
                    + first.substring(first.lastIndexOf('/') + 1)
                    + (changed.size() > 1 ? " and " + (changed.size() - 1) + " more" : "") + ")";
        }
        return new KataResult(result.kata(), Status.SPECS_MODIFIED, result.specs(), result.total(), note,
                result.duration(), result.output());
    }
}
