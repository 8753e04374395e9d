package grader;

import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import grader.report.AtomicFile;
import grader.report.Json;
import grader.report.Summary;
import grader.report.Table;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code mvn -q -pl grader exec:java}: grades the working tree and writes PROGRESS.md.
 * Exits with 0 whenever grading completed, whatever the score; with 2 when it could not run (a bad
 * option, no repository, a results file that cannot be written).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(System::getProperty, System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Grades as the options say, printing to {@code out}; returns the exit status. */
    public static int run(java.util.function.Function<String, String> properties, PrintStream out) {
        Options options;
        Repository repository;
        try {
            options = Options.from(properties);
            repository = options.repository().map(Repository::at)
                    .or(() -> Repository.find(Path.of(System.getProperty("user.dir"))))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "run the grader from inside the kata repository (no katas/ and grader/ folders found above "
                                    + System.getProperty("user.dir") + ")"));
        } catch (IllegalArgumentException e) {
            out.println("grader: " + e.getMessage());
            return 2;
        }
        if (options.manifest()) {
            return writeManifest(repository, out);
        }
        List<Kata> all = repository.katas();
        List<Kata> selected = options.kata().map(id -> all.stream().filter(k -> k.matches(id)).toList()).orElse(all);
        if (selected.isEmpty()) {
            out.println("grader: no kata matches -Dkata=" + options.kata().orElse("") + "; katas: "
                    + String.join(", ", all.stream().map(Kata::slug).toList()));
            return 2;
        }
        if (options.mistake().isPresent()) {
            return gradeMistake(options, repository, all, selected.get(0), out);
        }
        try (Engine engine = new Engine(repository, options.settings())) {
            return grade(options, repository, all, selected, engine);
        }
    }

    /** {@code -Dkata=NN -Dmistake=name}: how the specs react to one entry of the known-wrong catalogue. */
    private static int gradeMistake(Options options, Repository repository, List<Kata> all, Kata kata, PrintStream out) {
        List<Mistake> catalogue = Mistake.catalogue(repository, kata);
        Mistake mistake = catalogue.stream().filter(m -> m.name().equals(options.mistake().get())).findFirst().orElse(null);
        if (mistake == null) {
            out.println("grader: kata " + kata.id() + " has no known mistake named " + options.mistake().get()
                    + "; its catalogue: " + String.join(", ", catalogue.stream().map(Mistake::name).toList()));
            return 2;
        }
        try (Engine engine = new Engine(repository, options.settings())) {
            PrintStream terminal = engine.terminal();
            terminal.println("Grading the reference of kata " + kata.id() + " with a known mistake written in: "
                    + mistake.name() + "\n  " + mistake.description() + "\n  Caught by: " + String.join(", ", mistake.caughtBy()) + "\n");
            KataResult result = new Grading(engine, Solutions.REFERENCE, Optional.empty(), Manifest.of(repository))
                    .grade(all, mistake);
            terminal.print(KataReport.of(result));
            return 0;
        }
    }

    private static int grade(Options options, Repository repository, List<Kata> all, List<Kata> selected, Engine engine) {
        PrintStream terminal = engine.terminal();
        boolean reference = options.solutions() == Solutions.REFERENCE;
        terminal.println("Grading " + (reference ? "the reference solutions" : "your katas") + " ("
                + selected.size() + (selected.size() == 1 ? " kata" : " katas") + ")");
        List<KataResult> results = gradeWithProgress(options, repository, all, selected, engine);
        Summary summary = new Summary(results);
        terminal.println();
        if (options.kata().isPresent()) {
            results.forEach(result -> terminal.print(KataReport.of(result)));
        } else {
            terminal.print(Table.text(summary));
        }
        if (!write(options, repository, summary, terminal)) {
            return 2;
        }
        if (options.kata().isEmpty()) {
            terminal.println();
            terminal.println(summary.nextStep());
        }
        if (options.watch()) {
            new Watch(repository, selected, terminal).loop(() -> !Thread.currentThread().isInterrupted(), changed ->
                    gradeWithProgress(options, repository, all, changed, engine)
                            .forEach(result -> terminal.print(KataReport.of(result))));
        }
        return 0;
    }

    private static List<KataResult> gradeWithProgress(Options options, Repository repository, List<Kata> all,
                                                      List<Kata> selected, Engine engine) {
        PrintStream terminal = engine.terminal();
        int[] count = {0};
        Grading grading = new Grading(engine, options.solutions(), Manifest.committed(repository), Manifest.of(repository));
        return grading.grade(all, selected, result ->
                terminal.printf(Locale.ROOT, "  [%d/%d] %s %-32s %s %d/%d  (%.1f s)%n", ++count[0], selected.size(),
                        result.kata().id(), result.kata().name(), result.status().icon(), result.passed(),
                        result.total(), result.duration().toMillis() / 1000.0));
    }

    private static int writeManifest(Repository repository, PrintStream out) {
        try {
            AtomicFile.write(repository.manifest(), Manifest.of(repository).text());
            out.println("Wrote " + repository.manifest());
            return 0;
        } catch (IOException e) {
            out.println("grader: could not write the manifest: " + e.getMessage());
            return 2;
        }
    }

    /** Writes the table and the JSON; false (with the reason on the terminal) when a file cannot be written. */
    private static boolean write(Options options, Repository repository, Summary summary, PrintStream terminal) {
        boolean wholeTable = options.kata().isEmpty();
        boolean learner = options.solutions() == Solutions.LEARNER;
        Path progress = options.progress().orElse(wholeTable && learner ? repository.progressFile() : null);
        try {
            if (progress != null) {
                AtomicFile.write(progress, Table.markdown(summary));
                terminal.println("Wrote " + progress);
            }
            if (options.json().isPresent()) {
                AtomicFile.write(options.json().get(), Json.of(summary));
                terminal.println("Wrote " + options.json().get());
            }
            return true;
        } catch (IOException e) {
            terminal.println("grader: could not write the results: " + e.getMessage());
            return false;
        }
    }
}
