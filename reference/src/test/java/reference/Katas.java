package reference;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Repository;
import grader.engine.Engine;
import grader.engine.Settings;
import grader.engine.SourceSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The repository these tests check, and one grading engine shared by them (it compiles support once). */
final class Katas {

    static final Repository REPOSITORY = Repository.find(Path.of("").toAbsolutePath())
            .orElseThrow(() -> new IllegalStateException("run the build from inside the kata repository"));

    private static Engine engine;

    private Katas() {
    }

    static List<Kata> all() {
        return REPOSITORY.katas();
    }

    static synchronized Engine engine() {
        if (engine == null) {
            engine = new Engine(REPOSITORY, Settings.DEFAULT);
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return engine;
    }

    /** Grades {@code kata} with {@code main}, its prerequisites graded with their reference solutions first. */
    static KataResult grade(Kata kata, SourceSet main) {
        Map<String, KataResult> prerequisites = new HashMap<>();
        for (String id : kata.prerequisites()) {
            Kata prerequisite = all().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
            prerequisites.put(id, engine().grade(prerequisite, engine().referenceSources(prerequisite), Map.of()));
        }
        return engine().grade(kata, main, prerequisites);
    }
}
