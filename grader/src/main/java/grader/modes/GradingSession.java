package grader.modes;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Manifest;
import grader.course.Repository;
import grader.course.Shipped;
import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import grader.report.AtomicFile;
import grader.report.Json;
import grader.report.KataReport;
import grader.report.LiveLine;
import grader.report.Summary;
import grader.report.Table;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the grading modes share: one engine, a line per kata as it is graded, the results files, watching. */
public final class GradingSession {

    private final GradingOptions options;
    private final Repository repository;
    private final Engine engine;
    private final List<Kata> all;
    private final Watch watch;

    /** {@code watched}: the katas that {@code -Dwatch=true} grades again when their files are saved. */
    public GradingSession(GradingOptions options, Repository repository, Engine engine, List<Kata> watched) {
        this.options = options;
        this.repository = repository;
        this.engine = engine;
        this.all = repository.katas();
        this.watch = options.watch() ? new Watch(repository, watched, engine.terminal()) : null;
    }

    public PrintStream terminal() {
        return engine.terminal();
    }

    /** Grades {@code selected}, printing a line per kata as each is done. */
    public List<KataResult> grade(List<Kata> selected) {
        boolean reference = options.solutions() == Solutions.REFERENCE;
        terminal().println("Grading " + (reference ? "the reference solutions" : "your katas") + " ("
                + selected.size() + (selected.size() == 1 ? " kata" : " katas") + ")");
        int[] count = {0};
        Grading grading = new Grading(engine, options.solutions(), Manifest.committed(repository), Manifest.of(repository),
                () -> Shipped.of(repository).flatMap(Shipped::whenHeadMovedOn));
        LiveLine live = LiveLine.start(terminal(), engine::running);
        try {
            return grading.grade(all, selected, result -> live.print(String.format(Locale.ROOT,
                    "  [%d/%d] %s %-32s %s %d/%d  (%.1f s)%n", ++count[0], selected.size(),
                    result.kata().id(), result.kata().name(), result.status().icon(), result.passed(),
                    result.total(), result.duration().toMillis() / 1000.0)));
        } finally {
            live.stop();
        }
    }

    /**
     * Writes the table (for a whole grade of the learner's work, or where {@code -Dprogress} says) and
     * the JSON; false, with the reason on the terminal, when a file cannot be written.
     */
    public boolean write(Summary summary, boolean wholeTable) {
        boolean learner = options.solutions() == Solutions.LEARNER;
        Path progress = options.progress().orElse(wholeTable && learner ? repository.progressFile() : null);
        try {
            if (progress != null) {
                AtomicFile.write(progress, Table.markdown(summary));
                terminal().println("Wrote " + progress);
            }
            if (options.json().isPresent()) {
                AtomicFile.write(options.json().get(), Json.of(summary));
                terminal().println("Wrote " + options.json().get());
            }
            return true;
        } catch (IOException e) {
            terminal().println("grader: could not write the results: " + e.getMessage());
            return false;
        }
    }

    /**
     * {@code -Dwatch=true}: grades again, and lists the specs of, each watched kata whose files are saved
     * (since the session began, so a save during the first grade counts).
     */
    public void watchIfAsked() {
        if (watch != null) {
            watch.loop(() -> !Thread.currentThread().isInterrupted(), changed ->
                    grade(changed).forEach(result -> terminal().print(KataReport.of(result, true))));
        }
    }
}
