package grader.modes;

import grader.engine.Engine.Solutions;
import grader.engine.Settings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What grading takes from the grader's options.
 *
 * @param solutions whose solutions are graded: the learner's, or the reference's ({@code -Dsolutions=reference})
 * @param settings the engine's time limits and whether it forks
 * @param progress where to write the table ({@code -Dprogress}); empty: PROGRESS.md after a whole grade of the learner's work
 * @param json where to write the results as JSON ({@code -Djson}), if anywhere
 * @param watch whether to grade again each time a kata's files are saved ({@code -Dwatch=true})
 */
public record GradingOptions(Solutions solutions, Settings settings, Optional<Path> progress, Optional<Path> json,
                             boolean watch) {
}
