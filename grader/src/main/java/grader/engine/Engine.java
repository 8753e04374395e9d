package grader.engine;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Mistake;
import grader.course.Repository;
import grader.course.SpecResult;
import grader.course.Status;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades katas from source: compiles the support code once, then each kata's main and spec
 * sources into a scratch folder outside the repository, loads them in a class loader of their own
 * and runs the specs. Nothing is written into the repository.
 *
 * <p>One engine may grade several katas at once, from several threads. Close it when done: it
 * puts the standard streams back and deletes its scratch folder (which is deleted too when the JVM
 * is ended first, e.g. by Ctrl+C).
 */
public final class Engine implements AutoCloseable {

    /** Whose solutions to compile with the specs. */
    public enum Solutions { LEARNER, REFERENCE }

    /** Printing more than this is worth a note in the table. */
    private static final long FLOOD_BYTES = 1024 * 1024;

    private final Repository repository;
    private final SpecRun specRun;
    private final ForkedSpecRun forkedRun;
    private final Path scratch;
    private final OutputCapture output;
    private final List<Path> libraries;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    /** The katas that do not compile and keep a blocked kata from compiling, by the blocked kata's id. */
    private final Map<String, Set<String>> blockedBy = new ConcurrentHashMap<>();
    private final CompileCache cache;
    private Path supportClasses;
    private String supportKey;
    private List<String> supportErrors;
    private Set<String> supportPackages;
    private final AtomicInteger runs = new AtomicInteger();
    private final List<KataClassLoader> extraLoaders = new CopyOnWriteArrayList<>();
    /** Deletes the scratch folder when the JVM ends before {@link #close} (Ctrl+C during a grade). */
    private final Thread cleanUp;

    public Engine(Repository repository, Settings settings) {
        this.repository = repository;
        this.output = OutputCapture.install();
        this.specRun = new SpecRun(settings, output);
        this.forkedRun = settings.forked() ? new ForkedSpecRun(settings, settings.forkMemory()) : null;
        this.libraries = Libraries.forSpecs();
        try {
            this.scratch = Files.createTempDirectory("kata-grader-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for compiled classes", e);
        }
        this.cleanUp = new Thread(() -> CompileCache.delete(scratch), "grader-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        this.cache = new CompileCache(repository.root().resolve("grader/target/compiled"));
        Libraries.warmUp();
    }

    /** The terminal as it was before the engine captured the standard streams. */
    public PrintStream terminal() {
        return output.terminal();
    }

    /** The katas whose specs run in this JVM now, with how many have finished, e.g. {@code 01 12/34, 02 3/42}; empty when none. */
    public String running() {
        return specRun.live();
    }

    /** The kata's own sources: the skeleton or the learner's work. */
    public SourceSet learnerSources(Kata kata) {
        return SourceSet.of(kata.mainSources());
    }

    /**
     * The reference solution of the kata: the reference's files in the packages of the kata's
     * specs, and nothing of the learner's.
     */
    public SourceSet referenceSources(Kata kata) {
        return SourceSet.of(repository.referenceSources(), SourceSet.of(kata.testSources()).packageFolders());
    }

    /** The reference solution of the kata with a known mistake written into it. */
    public SourceSet mistakeSources(Mistake mistake) {
        Path changed = scratch.resolve("mistake-" + mistake.name() + "-" + runs.incrementAndGet());
        mistake.writeChangedFiles(repository.referenceSources(), changed);
        return referenceSources(mistake.kata()).overlay(changed);
    }

    /**
     * Grades one kata with the given main sources. {@code earlier} holds the results of katas
     * graded before, by id; a prerequisite not among them makes its integration specs unrunnable.
     * A kata whose specs could not run lists them all as not run, with the reason.
     */
    public KataResult grade(Kata kata, SourceSet mainSources, Map<String, KataResult> earlier) {
        long start = System.nanoTime();
        Optional<String> blocked = brokenPrerequisites(kata);
        if (blocked.isPresent()) {
            return notRun(kata, Status.BLOCKED, blocked.get(), start);
        }
        Compiled classes = compile(kata, mainSources);
        if (!classes.errors().isEmpty()) {
            return notRun(kata, Status.DOES_NOT_COMPILE, classes.errors().get(0), start);
        }
        if (!classes.refusals().isEmpty()) {
            return notRun(kata, Status.DOES_NOT_COMPILE, classes.refusals().get(0), start);
        }
        Set<String> specClasses = SourceSet.of(kata.testSources()).classNames();
        if (forkedRun != null) {
            ResultFile.Read forked = forkedRun.run(classes.loaderFolders(), specClasses, kata.id(), scratch);
            return classify(kata, forked.result(), earlier, since(start), forked.printed());
        }
        SpecRun.Report run = specRun.run(classes.loader(), specClasses, kata.id());
        return classify(kata, run.result(), earlier, since(start), run.printed());
    }

    /**
     * Compiles one kata with the given main sources and its specs as {@link #grade} does, after its
     * prerequisites, without running the specs; why it did not compile, empty when it did.
     */
    public Optional<String> compileOnly(Kata kata, SourceSet mainSources) {
        Optional<String> blocked = brokenPrerequisites(kata);
        if (blocked.isPresent()) {
            return blocked;
        }
        Compiled classes = compile(kata, mainSources);
        return classes.errors().stream().findFirst().or(() -> classes.refusals().stream().findFirst());
    }

    /**
     * {@code blocked by 07, which does not compile} when a prerequisite has not compiled (or was not
     * compiled first). The kata named is the one really in the way: when kata 05 does not compile,
     * 09, which builds on it, is blocked by 05, and so is 14, which builds on 09 (not "by 09").
     */
    private Optional<String> brokenPrerequisites(Kata kata) {
        Set<String> roots = new TreeSet<>();
        Set<String> waiting = new TreeSet<>();
        for (String id : kata.prerequisites()) {
            Compiled prerequisite = compiled.get(id);
            if (prerequisite != null && prerequisite.errors().isEmpty()) {
                continue;
            }
            Set<String> behind = prerequisite == null ? blockedBy.getOrDefault(id, Set.of()) : Set.of();
            if (behind.isEmpty()) {
                roots.add(id);
            } else {
                roots.addAll(behind);
                waiting.add(id);
            }
        }
        if (roots.isEmpty()) {
            blockedBy.remove(kata.id());
            return Optional.empty();
        }
        blockedBy.put(kata.id(), roots);
        closeQuietly(compiled.remove(kata.id()));
        String named = roots.size() == 1 ? "kata " + roots.iterator().next() + ", which does not compile"
                : "katas " + String.join(", ", roots) + ", which do not compile";
        return Optional.of("blocked by " + named + (waiting.isEmpty() ? ""
                : " (" + String.join(" and ", waiting) + (waiting.size() == 1 ? ", which it builds on, waits" : ", which it builds on, wait")
                + " for " + (roots.size() == 1 ? "it" : "them") + ")"));
    }

    /**
     * Compiles {@code source}, the text of the class {@code className}, against the classes of
     * {@code kata} as last graded (with its prerequisites and the support code) and the grader's own,
     * and loads it with them: how the grader runs code of its own on a learner's classes (the
     * capstone's training). The loader is closed with the engine.
     *
     * @throws IllegalStateException when the kata has not compiled, or the source does not compile
     *     against it (with the first diagnostic)
     */
    public Class<?> loadWith(Kata kata, String className, String source) {
        Compiled classes = compiled.get(kata.id());
        if (classes == null || classes.loader() == null) {
            throw new IllegalStateException("kata " + kata.id() + " has not compiled");
        }
        Path folder = scratch.resolve(kata.slug() + "-with-" + runs.incrementAndGet());
        Path file = folder.resolve("src/" + className.replace('.', '/') + ".java");
        Path output = folder.resolve("classes");
        try {
            Files.createDirectories(file.getParent());
            Files.createDirectories(output);
            Files.writeString(file, source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        List<Path> classPath = new ArrayList<>(classes.loaderFolders());
        classPath.add(Libraries.own());
        JavaCompilation.Outcome outcome = JavaCompilation.compile(List.of(file), List.of(), Set.of(), Set.of(),
                classPath, output, path -> path.getFileName().toString());
        if (!outcome.compiled()) {
            throw new IllegalStateException(outcome.errors().get(0));
        }
        List<Path> folders = new ArrayList<>(List.of(output));
        folders.addAll(classes.loaderFolders());
        KataClassLoader loader = new KataClassLoader("kata-" + kata.id() + "-with", folders, Engine.class.getClassLoader());
        extraLoaders.add(loader);
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " did not compile into " + output, e);
        }
    }

    /**
     * The folders of the kata's classes as last compiled, its specs' included, then the support code's
     * and its prerequisites': a class path for code of the learner's own (a JShell session). They live
     * as long as the engine.
     *
     * @throws IllegalStateException when the kata has not compiled
     */
    public List<Path> classFolders(Kata kata) {
        Compiled classes = compiled.get(kata.id());
        if (classes == null || classes.loader() == null) {
            throw new IllegalStateException("kata " + kata.id() + " has not compiled");
        }
        return List.copyOf(classes.loaderFolders());
    }

    /**
     * What learner code threw, as a sentence a learner can act on: the exception, its message and the
     * learner's deepest line, e.g. {@code ArithmeticException: / by zero (at Model.java:88)}.
     */
    public static String explain(Throwable thrown) {
        return Reasons.explain(thrown, 0);
    }

    private static KataResult notRun(Kata kata, Status status, String why, long start) {
        List<SpecResult> specs = DeclaredSpecs.of(kata, "not run: " + why);
        return new KataResult(kata, status, specs, specs.size(), why, since(start), "");
    }

    private KataResult classify(Kata kata, SpecRun.Result run, Map<String, KataResult> earlier,
                                Duration duration, OutputCapture.Printed printed) {
        List<SpecResult> specs = run.specs().isEmpty()
                ? DeclaredSpecs.of(kata, "not run" + (run.note().isEmpty() ? "" : ": " + run.note())) : run.specs();
        long passed = specs.stream().filter(SpecResult::passed).count();
        List<String> unfinished = kata.prerequisites().stream()
                .filter(id -> earlier.get(id) == null || !earlier.get(id).done())
                .toList();
        boolean onlyIntegrationFails = specs.stream().filter(spec -> !spec.passed()).allMatch(SpecResult::isIntegration);
        Status status;
        String note = run.note();
        if (!specs.isEmpty() && passed == specs.size()) {
            status = Status.DONE;
        } else if (!unfinished.isEmpty() && onlyIntegrationFails && !specs.isEmpty()) {
            status = Status.BLOCKED;
            note = "blocked by " + String.join(", ", unfinished) + ": its integration specs use that kata's classes";
        } else if (passed == 0) {
            status = Status.NOT_STARTED;
        } else {
            status = Status.IN_PROGRESS;
        }
        if (note.isEmpty() && printed.bytes() > FLOOD_BYTES) {
            note = "its specs printed " + Units.bytes(printed.bytes()) + " (not shown)";
        }
        return new KataResult(kata, status, specs, specs.size(), note, duration, printed.text());
    }

    private Compiled compile(Kata kata, SourceSet mainSources) {
        List<String> support = supportErrors();
        Path folder = scratch.resolve(kata.slug() + "-" + runs.incrementAndGet());
        Set<String> ownPackages = packages(mainSources);
        if (!support.isEmpty()) {
            return new Compiled(folder, "", List.of("support code: " + support.get(0)), List.of(), null, List.of(), ownPackages);
        }
        Path sources = kata.folder().resolve("src");
        if (!Files.isDirectory(sources)) {
            return unreadable(kata, folder, repository.relative(sources) + " is missing: put it back, or -Dreset="
                    + kata.id() + " restores the skeleton the course shipped");
        }
        try {
            return compileSources(kata, mainSources, folder, ownPackages);
        } catch (UncheckedIOException e) {
            return unreadable(kata, folder, "cannot read its sources (" + e.getMessage() + "): were they moved"
                    + " while it was graded? Grade again");
        }
    }

    /** A kata whose sources cannot be read: not compiled, for why, and so no prerequisite of another. */
    private Compiled unreadable(Kata kata, Path folder, String why) {
        Compiled result = new Compiled(folder, "", List.of(why), List.of(), null, List.of(), Set.of());
        closeQuietly(compiled.put(kata.id(), result));
        return result;
    }

    private Compiled compileSources(Kata kata, SourceSet mainSources, Path folder, Set<String> ownPackages) {
        List<Path> classPath = new ArrayList<>(libraries);
        classPath.add(supportClasses);
        List<Path> prerequisiteFolders = new ArrayList<>();
        List<String> inputs = new ArrayList<>(List.of(supportKey));
        Set<String> reserved = new TreeSet<>(supportPackages);
        for (String id : kata.prerequisites()) {
            // a prerequisite's folders hold its own prerequisites' too: kata 14 needs 09, which needs 04, 05 and 07
            compiled.get(id).loaderFolders().stream()
                    .filter(path -> !path.equals(supportClasses) && !prerequisiteFolders.contains(path))
                    .forEach(prerequisiteFolders::add);
            inputs.add(compiled.get(id).key());
            reserved.addAll(compiled.get(id).packages());
        }
        classPath.addAll(prerequisiteFolders);
        SourceSet specs = SourceSet.of(kata.testSources());
        Map<String, Path> named = new TreeMap<>();
        mainSources.byRelativePath().forEach((relative, file) -> named.put("main/" + relative, file));
        specs.byRelativePath().forEach((relative, file) -> named.put("test/" + relative, file));
        inputs.add(String.join(",", kata.offLimits()));
        String key = CompileCache.key(named, inputs);
        List<String> errors = List.of();
        List<String> refusals = List.of();
        if (!cache.copyOut(kata.slug(), key, folder)) {
            List<Path> sources = new ArrayList<>(mainSources.files());
            sources.addAll(specs.files());
            JavaCompilation.Outcome outcome = JavaCompilation.compile(sources, mainSources.files(), reserved,
                    Set.copyOf(kata.offLimits()), classPath, folder, repository::relative);
            errors = outcome.errors();
            refusals = outcome.refusals();
            if (errors.isEmpty() && refusals.isEmpty()) {
                cache.keep(kata.slug(), key, folder);
            }
        }
        List<Path> loaderFolders = new ArrayList<>(List.of(folder, supportClasses));
        loaderFolders.addAll(prerequisiteFolders);
        KataClassLoader loader = errors.isEmpty()
                ? new KataClassLoader("kata-" + kata.id(), loaderFolders, Engine.class.getClassLoader()) : null;
        Compiled result = new Compiled(folder, key, errors, refusals, loader, loaderFolders, ownPackages);
        closeQuietly(compiled.put(kata.id(), result));
        return result;
    }

    private static Set<String> packages(SourceSet sources) {
        Set<String> packages = new TreeSet<>();
        sources.packageFolders().forEach(folder -> packages.add(folder.replace('/', '.')));
        return packages;
    }

    /**
     * Compiles the support code once (or copies it from the cache), and records the packages it
     * declares and imports: a learner's class may not be declared in any of them.
     */
    private synchronized List<String> supportErrors() {
        if (supportErrors == null) {
            SourceSet sources = SourceSet.of(repository.supportSources());
            supportKey = CompileCache.key(sources.byRelativePath(), List.of());
            Path folder = scratch.resolve("support");
            supportPackages = new TreeSet<>(packages(sources));
            supportPackages.addAll(JavaCompilation.importedPackages(sources.files()));
            if (cache.copyOut("support", supportKey, folder)) {
                supportErrors = List.of();
            } else {
                supportErrors = JavaCompilation.compile(sources.files(), List.of(), Set.of(), Set.of(), libraries,
                        folder, repository::relative).errors();
                if (supportErrors.isEmpty()) {
                    cache.keep("support", supportKey, folder);
                }
            }
            supportClasses = folder;
        }
        return supportErrors;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        output.restore();
        compiled.values().forEach(Engine::closeQuietly);
        compiled.clear();
        extraLoaders.forEach(Engine::closeQuietly);
        CompileCache.delete(scratch);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it deletes the same folder
        }
    }

    private static void closeQuietly(Compiled compiledKata) {
        if (compiledKata != null && compiledKata.loader() != null) {
            closeQuietly(compiledKata.loader());
        }
    }

    private static void closeQuietly(KataClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // the scratch folder is deleted on a best-effort basis
        }
    }

    /**
     * A kata compiled into {@code folder} from sources with checksum {@code key}, declaring
     * {@code packages}; {@code loader} is null when it did not compile.
     */
    private record Compiled(Path folder, String key, List<String> errors, List<String> refusals, KataClassLoader loader,
                            List<Path> loaderFolders, Set<String> packages) {
    }
}
