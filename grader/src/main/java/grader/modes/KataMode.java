package grader.modes;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Repository;
import grader.engine.Engine;
import grader.report.KataReport;
import grader.report.Summary;
import java.util.List;

/** {@code -Dkata=01}: grade one kata and list its specs in teaching order; PROGRESS.md is left as it is. */
public record KataMode(Repository repository, GradingOptions options, Kata kata) implements Mode {

    @Override
    public int run() {
        try (Engine engine = new Engine(repository, options.settings())) {
            GradingSession session = new GradingSession(options, repository, engine, List.of(kata));
            List<KataResult> results = session.grade(List.of(kata));
            session.terminal().println();
            results.forEach(result -> session.terminal().print(KataReport.of(result, options.watch())));
            if (!session.write(new Summary(results), false)) {
                return 2;
            }
            session.watchIfAsked();
            return 0;
        }
    }
}
