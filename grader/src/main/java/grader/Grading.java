package grader;

import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import grader.engine.SourceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Grades katas in kata order, so that a kata's prerequisites are graded before it. */
public final class Grading {

    private final Engine engine;
    private final Solutions solutions;
    private final Map<String, KataResult> results = new LinkedHashMap<>();

    public Grading(Engine engine, Solutions solutions) {
        this.engine = engine;
        this.solutions = solutions;
    }

    /** Grades {@code selected}, first grading (without reporting) any prerequisite not among them. */
    public List<KataResult> grade(List<Kata> all, List<Kata> selected, Consumer<KataResult> onEach) {
        List<KataResult> graded = new ArrayList<>();
        for (Kata kata : selected) {
            for (String id : kata.prerequisites()) {
                all.stream().filter(k -> k.id().equals(id) && !results.containsKey(id)).findFirst()
                        .ifPresent(this::gradeOne);
            }
            KataResult result = gradeOne(kata);
            graded.add(result);
            onEach.accept(result);
        }
        return graded;
    }

    private KataResult gradeOne(Kata kata) {
        SourceSet main = solutions == Solutions.REFERENCE ? engine.referenceSources(kata) : engine.learnerSources(kata);
        KataResult result = engine.grade(kata, main, results);
        results.put(kata.id(), result);
        return result;
    }
}
