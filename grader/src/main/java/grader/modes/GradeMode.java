package grader.modes;

import grader.course.Repository;
import grader.engine.Engine;
import grader.report.Summary;
import grader.report.Table;

/** The default: grade every kata, print the table, write PROGRESS.md and name the next step. */
public record GradeMode(Repository repository, GradingOptions options) implements Mode {

    @Override
    public int run() {
        try (Engine engine = new Engine(repository, options.settings())) {
            GradingSession session = new GradingSession(options, repository, engine, repository.katas());
            Summary summary = new Summary(session.grade(repository.katas()));
            session.terminal().println();
            session.terminal().print(Table.text(summary));
            if (!session.write(summary, true)) {
                return 2;
            }
            session.terminal().println();
            session.terminal().println(summary.nextStep());
            session.watchIfAsked();
            return 0;
        }
    }
}
