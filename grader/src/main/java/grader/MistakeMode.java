package grader;

import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code -Dkata=NN -Dmistake=name}: how the specs react to one entry of the known-wrong catalogue (for mentors). */
final class MistakeMode implements Main.Mode {

    private final Options options;
    private final Repository repository;
    private final Kata kata;

    MistakeMode(Options options, Repository repository, Kata kata) {
        this.options = options;
        this.repository = repository;
        this.kata = kata;
    }

    @Override
    public int run() {
        List<Mistake> catalogue = Mistake.catalogue(repository, kata);
        String name = options.mistake().orElseThrow();
        Mistake mistake = catalogue.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kata " + kata.id() + " has no known mistake named " + name
                        + "; its catalogue: " + String.join(", ", catalogue.stream().map(Mistake::name).toList())));
        try (Engine engine = new Engine(repository, options.settings())) {
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
