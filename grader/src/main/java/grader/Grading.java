package grader;

import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import grader.engine.SourceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Grades katas in kata order, so that a kata's prerequisites are graded before it. */
public final class Grading {

    private final Engine engine;
    private final Solutions solutions;
    private final Map<String, KataResult> results = new LinkedHashMap<>();
    private final Optional<Manifest> pristine;
    private final Manifest now;

    /** {@code pristine} is the committed manifest (none: specs are not checked for edits). */
    public Grading(Engine engine, Solutions solutions, Optional<Manifest> pristine, Manifest now) {
        this.engine = engine;
        this.solutions = solutions;
        this.pristine = pristine;
        this.now = now;
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

    /** Grades {@code mistake}: its kata's reference solution with the mistake written into it. */
    public KataResult grade(List<Kata> all, Mistake mistake) {
        for (String id : mistake.kata().prerequisites()) {
            all.stream().filter(k -> k.id().equals(id)).findFirst().ifPresent(this::gradeOne);
        }
        return engine.grade(mistake.kata(), engine.mistakeSources(mistake), results);
    }

    private KataResult gradeOne(Kata kata) {
        SourceSet main = solutions == Solutions.REFERENCE ? engine.referenceSources(kata) : engine.learnerSources(kata);
        KataResult result = modified(engine.grade(kata, main, results));
        results.put(kata.id(), result);
        return result;
    }

    /** The same result marked ⚠ when the kata's specs or the support code differ from the manifest. */
    private KataResult modified(KataResult result) {
        List<String> changed = pristine.map(manifest -> manifest.differences(now, result.kata())).orElse(List.of());
        if (changed.isEmpty()) {
            return result;
        }
        String note = "specs modified: " + changed.get(0) + (changed.size() > 1 ? " and " + (changed.size() - 1) + " more" : "")
                + "; restore with git checkout -- " + changed.get(0);
        return new KataResult(result.kata(), Status.SPECS_MODIFIED, result.specs(), result.total(), note,
                result.duration(), result.output());
    }
}
