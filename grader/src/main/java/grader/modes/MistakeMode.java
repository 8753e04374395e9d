package grader.modes;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Manifest;
import grader.course.Mistake;
import grader.course.Repository;
import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import grader.engine.Settings;
import grader.report.KataReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code -Dkata=NN -Dmistake=name}: how the specs react to one entry of the known-wrong catalogue (for mentors). */
public record MistakeMode(Repository repository, Settings settings, Kata kata, String name) implements Mode {

    @Override
    public int run() {
        List<Mistake> catalogue = Mistake.catalogue(repository, kata);
        Mistake mistake = catalogue.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kata " + kata.id() + " has no known mistake named " + name
                        + "; its catalogue: " + String.join(", ", catalogue.stream().map(Mistake::name).toList())));
        try (Engine engine = new Engine(repository, settings)) {
            PrintStream terminal = engine.terminal();
            terminal.println("Grading the reference of kata " + kata.id() + " with a known mistake written in: "
                    + mistake.name() + "\n  " + mistake.description() + "\n  Caught by: " + String.join(", ", mistake.caughtBy()) + "\n");
            KataResult result = new Grading(engine, Solutions.REFERENCE, Optional.empty(), Manifest.of(repository))
                    .grade(repository.katas(), mistake);
            terminal.print(KataReport.of(result, false));
            return 0;
        }
    }
}
