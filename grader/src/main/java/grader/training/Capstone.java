package grader.training;

import grader.modes.GradingOptions;
import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Repository;
import grader.course.Status;
import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import grader.modes.GradingSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What training and asking the calculator share: kata 14 graded after every kata it builds on,
 * exactly as grading compiles them, and the grader's driver compiled with their classes.
 */
final class Capstone {

    private static final String DRIVER = "kata.training.CalculatorDriver";
    private static final String DRIVER_SOURCE = "/grader/training/CalculatorDriver.java";

    private final GradingOptions options;
    private final Repository repository;
    private final Engine engine;
    private final Kata kata;

    /** @throws IllegalArgumentException when the repository holds no calculator kata */
    Capstone(GradingOptions options, Repository repository, Engine engine) {
        this.options = options;
        this.repository = repository;
        this.engine = engine;
        this.kata = repository.katas().stream().filter(k -> k.matches("calculator")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this repository has no kata 14-calculator to train"));
    }

    PrintStream terminal() {
        return engine.terminal();
    }

    /** Where the pictures and the weights go: {@code .grader/calculator} (ignored by git). */
    Path folder() {
        return repository.graderState().resolve("calculator");
    }

    String relative(Path path) {
        return repository.relative(path);
    }

    /**
     * Grades kata 14 and the katas it builds on; when all are done, the calculator of their classes.
     * Otherwise empty, having said which kata to finish first.
     *
     * @throws IllegalArgumentException when the driver does not compile against kata 14's classes
     */
    Optional<Calculator> graded() {
        GradingSession session = new GradingSession(options, repository, engine, List.of());
        Optional<KataResult> unfinished = session.grade(needed()).stream().filter(result -> !result.done()).findFirst();
        if (unfinished.isPresent()) {
            KataResult first = unfinished.get();
            boolean plain = first.status() == Status.IN_PROGRESS || first.status() == Status.NOT_STARTED;
            terminal().println();
            terminal().println("training needs kata " + first.kata().id() + " done first: " + first.passed() + " of "
                    + first.total() + " specs pass" + (plain ? "" : " (" + first.statusText() + ")") + "; run -Dkata="
                    + first.kata().id());
            return Optional.empty();
        }
        return Optional.of(calculator());
    }

    /**
     * Compiles kata 14 and the katas it builds on, without running their specs; the calculator of
     * their classes, or empty, having said which kata does not compile.
     *
     * @throws IllegalArgumentException when the driver does not compile against kata 14's classes
     */
    Optional<Calculator> compiled() {
        for (Kata each : needed()) {
            Optional<String> error = engine.compileOnly(each, options.solutions() == Solutions.REFERENCE
                    ? engine.referenceSources(each) : engine.learnerSources(each));
            if (error.isPresent()) {
                terminal().println("asking needs kata " + each.id() + " to compile first: " + error.get()
                        + "; run -Dkata=" + each.id());
                return Optional.empty();
            }
        }
        return Optional.of(calculator());
    }

    /** The calculator of the compiled classes, every call of which throws a {@link LearnerFailure} for what learner code throws. */
    private Calculator calculator() {
        String source = driverSource();
        try {
            return LearnerFailure.guard((Calculator) engine.loadWith(kata, DRIVER, source).getConstructor().newInstance());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("the grader's training code does not compile against kata " + kata.id()
                    + ": " + e.getMessage(), e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("the grader's training code does not load with kata " + kata.id()
                    + ": " + e, e);
        }
    }

    /** Kata 14 and every kata it builds on, in kata order (the katas' own prerequisites come first). */
    private List<Kata> needed() {
        List<Kata> needed = new ArrayList<>();
        collect(kata, repository.katas(), needed);
        needed.sort(Comparator.comparing(Kata::id));
        return needed;
    }

    /** {@code kata} after the katas it builds on, theirs first, each once. */
    private static void collect(Kata kata, List<Kata> all, List<Kata> into) {
        for (String id : kata.prerequisites()) {
            all.stream().filter(k -> k.id().equals(id)).findFirst().ifPresent(prerequisite -> collect(prerequisite, all, into));
        }
        if (!into.contains(kata)) {
            into.add(kata);
        }
    }

    private static String driverSource() {
        try (InputStream in = Capstone.class.getResourceAsStream(DRIVER_SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the grader's resources lack " + DRIVER_SOURCE + ": run mvn verify first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DRIVER_SOURCE, e);
        }
    }
}
