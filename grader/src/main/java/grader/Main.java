package grader;

import grader.course.Repository;
import grader.modes.GradeMode;
import grader.modes.HintMode;
import grader.modes.KataMode;
import grader.modes.ManifestMode;
import grader.modes.MeasureMode;
import grader.modes.MistakeMode;
import grader.modes.Mode;
import grader.modes.ResetMode;
import grader.modes.ShellMode;
import grader.training.AskMode;
import grader.training.FullJit;
import grader.training.TrainMode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code mvn -q -pl grader exec:java}: reads the options, finds the repository and hands over to
 * the mode they ask for (grade every kata, one kata, watch, hint, reset, a known mistake, the
 * manifest, training the capstone's calculator and asking it). Exits with 0 whenever the mode completed, whatever the score; with 2 when it could
 * not run (a bad option, no repository, a results file that cannot be written).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        boolean child = FullJit.isChild(properties);
        if (child) {
            FullJit.stopWithParent();
        }
        int status;
        try {
            status = start(properties, System.out, FullJit.needed(properties));
        } catch (LinkageError e) {
            System.out.println("grader: the grader is not built, or only partly (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "): run mvn verify from the repository root first");
            status = 2;
        }
        // Always exit: a thread the learner's code left running must not keep this JVM (or exec:java) waiting.
        System.exit(child ? FullJit.finished(status) : status);
    }

    /**
     * Checks every option, then runs the mode: training in a JVM with the full JIT when {@code fullJit}
     * (the options checked here first, since that JVM receives only the grader's); the exit status.
     */
    static int start(Map<String, String> properties, PrintStream out, boolean fullJit) {
        // training and kata 12's measurement run with the full JIT
        if (!(properties.containsKey("train") || properties.containsKey("measure")) || !fullJit) {
            return run(properties, out);
        }
        try {
            Options.from(properties);
        } catch (IllegalArgumentException e) {
            out.println("grader: " + e.getMessage());
            return 2;
        }
        return new FullJit(Main.class, Options.NAMES).run(properties, again -> run(again, out));
    }

    /** Runs the mode the options ask for, printing to {@code out}; returns the exit status. */
    public static int run(Map<String, String> properties, PrintStream out) {
        try {
            Options options = Options.from(properties);
            Repository repository = options.repository().map(Repository::at)
                    .or(() -> Repository.find(Path.of(System.getProperty("user.dir"))))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "run the grader from inside the kata repository (no katas/ and grader/ folders found above "
                                    + System.getProperty("user.dir") + ")"));
            return mode(options, repository, out).run();
        } catch (IllegalArgumentException e) {
            out.println("grader: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            out.println("grader: " + e.getMessage() + " (" + e.getCause() + ")");
            return 2;
        }
    }

    private static Mode mode(Options options, Repository repository, PrintStream out) {
        if (options.manifest()) {
            return new ManifestMode(repository, options.forceManifest(), out);
        }
        if (options.hint().isPresent()) {
            return new HintMode(repository, repository.kata(options.hint().get(), "hint"), out);
        }
        if (options.measure().isPresent()) {
            return new MeasureMode(repository, options.grading(), repository.kata(options.measure().get(), "measure"), out);
        }
        if (options.shell().isPresent()) {
            return new ShellMode(repository, options.grading(), repository.kata(options.shell().get(), "shell"), out);
        }
        if (options.reset().isPresent()) {
            return new ResetMode(repository, repository.kata(options.reset().get(), "reset"), options.yes(), out);
        }
        if (options.mistake().isPresent()) {
            return new MistakeMode(repository, options.settings(), repository.kata(options.kata().orElseThrow(), "kata"),
                    options.mistake().get());
        }
        if (options.train().isPresent()) {
            return new TrainMode(repository, options.grading(), options.train().get());
        }
        if (options.ask().isPresent()) {
            return new AskMode(repository, options.grading(), options.ask().get(), out);
        }
        if (options.kata().isPresent()) {
            return new KataMode(repository, options.grading(), repository.kata(options.kata().get(), "kata"));
        }
        return new GradeMode(repository, options.grading());
    }
}
