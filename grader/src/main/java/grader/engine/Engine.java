package grader.engine;

import grader.Kata;
import grader.KataResult;
import grader.Mistake;
import grader.Repository;
import grader.SpecResult;
import grader.Status;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Grades katas from source: compiles the support code once, then each kata's main and spec
 * sources into a scratch folder outside the repository, loads them in a class loader of their own
 * and runs the specs. Nothing is written into the repository.
 *
 * <p>One engine may grade several katas at once, from several threads. Close it when done: it
 * puts the standard streams back and deletes its scratch folder.
 */
public final class Engine implements AutoCloseable {

    /** Whose solutions to compile with the specs. */
    public enum Solutions { LEARNER, REFERENCE }

    private static final Pattern SPEC_ANNOTATION =
            Pattern.compile("^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b", Pattern.MULTILINE);

    /** Printing more than this is worth a note in the table. */
    private static final long FLOOD_BYTES = 1024 * 1024;

    private final Repository repository;
    private final SpecRun specRun;
    private final ForkedSpecRun forkedRun;
    private final Path scratch;
    private final OutputCapture output;
    private final List<Path> libraries;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final CompileCache cache;
    private Path supportClasses;
    private String supportKey;
    private List<String> supportErrors;
    private final AtomicInteger runs = new AtomicInteger();

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

    /** The reference solution of the kata, in place of the skeleton's classes. */
    public SourceSet referenceSources(Kata kata) {
        SourceSet skeleton = learnerSources(kata);
        return skeleton.overlay(repository.referenceSources(), skeleton.packageFolders());
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
     */
    public KataResult grade(Kata kata, SourceSet mainSources, Map<String, KataResult> earlier) {
        long start = System.nanoTime();
        int total = countSpecs(kata);
        List<String> brokenPrerequisites = kata.prerequisites().stream()
                .filter(id -> !compiled.containsKey(id) || !compiled.get(id).errors().isEmpty())
                .toList();
        if (!brokenPrerequisites.isEmpty()) {
            return new KataResult(kata, Status.BLOCKED, List.of(), total,
                    "blocked by " + String.join(", ", brokenPrerequisites) + ", which does not compile",
                    since(start), "");
        }
        Compiled classes = compile(kata, mainSources);
        if (!classes.errors().isEmpty()) {
            return new KataResult(kata, Status.DOES_NOT_COMPILE, List.of(), total,
                    classes.errors().get(0), since(start), "");
        }
        if (!classes.forbidden().isEmpty()) {
            return new KataResult(kata, Status.DOES_NOT_COMPILE, List.of(), total,
                    classes.forbidden().get(0) + ", which would end the grader: throw an exception instead",
                    since(start), "");
        }
        Set<String> specClasses = SourceSet.of(kata.testSources()).classNames();
        if (forkedRun != null) {
            ResultFile.Read forked = forkedRun.run(classes.loaderFolders(), specClasses, kata.id(), scratch);
            return classify(kata, forked.result(), total, earlier, since(start), forked.printed());
        }
        SpecRun.Report run = specRun.run(classes.loader(), specClasses, kata.id());
        return classify(kata, run.result(), total, earlier, since(start), run.printed());
    }

    private KataResult classify(Kata kata, SpecRun.Result run, int counted, Map<String, KataResult> earlier,
                                Duration duration, OutputCapture.Printed printed) {
        List<SpecResult> specs = run.specs();
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
        return new KataResult(kata, status, specs, specs.isEmpty() ? counted : specs.size(), note, duration, printed.text());
    }

    private Compiled compile(Kata kata, SourceSet mainSources) {
        List<String> support = supportErrors();
        Path folder = scratch.resolve(kata.slug() + "-" + runs.incrementAndGet());
        if (!support.isEmpty()) {
            return new Compiled(folder, "", List.of("support code: " + support.get(0)), List.of(), null, List.of());
        }
        List<Path> classPath = new ArrayList<>(libraries);
        classPath.add(supportClasses);
        List<Path> prerequisiteFolders = new ArrayList<>();
        List<String> inputs = new ArrayList<>(List.of(supportKey));
        for (String id : kata.prerequisites()) {
            prerequisiteFolders.add(compiled.get(id).folder());
            inputs.add(compiled.get(id).key());
        }
        classPath.addAll(prerequisiteFolders);
        List<Path> sources = new ArrayList<>(mainSources.files());
        sources.addAll(SourceSet.of(kata.testSources()).files());
        String key = CompileCache.key(sources, inputs);
        Optional<Path> cached = cache.find(kata.slug(), key);
        List<String> errors = List.of();
        List<String> forbidden = List.of();
        if (cached.isPresent()) {
            folder = cached.get();
        } else {
            JavaCompilation.Outcome outcome = JavaCompilation.compile(sources, classPath, folder, repository::relative);
            errors = outcome.errors();
            forbidden = outcome.forbiddenCalls();
            if (errors.isEmpty() && forbidden.isEmpty()) {
                folder = cache.keep(kata.slug(), key, folder);
            }
        }
        List<Path> loaderFolders = new ArrayList<>(List.of(folder, supportClasses));
        loaderFolders.addAll(prerequisiteFolders);
        KataClassLoader loader = errors.isEmpty()
                ? new KataClassLoader("kata-" + kata.id(), loaderFolders, Engine.class.getClassLoader()) : null;
        Compiled result = new Compiled(folder, key, errors, forbidden, loader, loaderFolders);
        closeQuietly(compiled.put(kata.id(), result));
        return result;
    }

    private synchronized List<String> supportErrors() {
        if (supportErrors == null) {
            Collection<Path> sources = SourceSet.of(repository.supportSources()).files();
            supportKey = CompileCache.key(sources, List.of());
            Optional<Path> cached = cache.find("support", supportKey);
            if (cached.isPresent()) {
                supportClasses = cached.get();
                supportErrors = List.of();
            } else {
                Path folder = scratch.resolve("support");
                supportErrors = JavaCompilation.compile(sources, libraries, folder, repository::relative).errors();
                supportClasses = supportErrors.isEmpty() ? cache.keep("support", supportKey, folder) : folder;
            }
        }
        return supportErrors;
    }

    private static int countSpecs(Kata kata) {
        int count = 0;
        for (Path file : SourceSet.of(kata.testSources()).files()) {
            try {
                Matcher annotations = SPEC_ANNOTATION.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (annotations.find()) {
                    count++;
                }
            } catch (IOException e) {
                // an unreadable spec file is reported by the compiler
            }
        }
        return count;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        output.restore();
        compiled.values().forEach(Engine::closeQuietly);
        compiled.clear();
        try (Stream<Path> walk = Files.walk(scratch)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            scratch.toFile().deleteOnExit();
        }
    }

    private static void closeQuietly(Compiled compiledKata) {
        if (compiledKata != null && compiledKata.loader() != null) {
            try {
                compiledKata.loader().close();
            } catch (IOException e) {
                // the scratch folder is deleted on a best-effort basis
            }
        }
    }

    /** A kata compiled into {@code folder} from sources with checksum {@code key}; {@code loader} is null when it did not compile. */
    private record Compiled(Path folder, String key, List<String> errors, List<String> forbidden, KataClassLoader loader,
                            List<Path> loaderFolders) {
    }
}
