package grader.course;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The grade of one kata.
 *
 * @param kata the kata
 * @param status the row's status
 * @param specs every spec in teaching order (each not run when the specs could not run)
 * @param total how many specs the kata has
 * @param note what the learner should know first: the first compiler diagnostic, the reason a run
 *     was cut short, the unfinished prerequisite; empty when there is nothing to add
 * @param duration how long compiling and running took
 * @param output what the specs printed to the standard streams (bounded)
 */
public record KataResult(Kata kata, Status status, List<SpecResult> specs, int total, String note,
                         Duration duration, String output) {

    /** The note and the output as well-formed text ({@link SpecResult#wellFormed}). */
    public KataResult {
        note = SpecResult.wellFormed(note);
        output = SpecResult.wellFormed(output);
    }

    public int passed() {
        return (int) specs.stream().filter(SpecResult::passed).count();
    }

    /** Whether every spec passed and the specs are the pristine ones. */
    public boolean done() {
        return status == Status.DONE;
    }

    /** The first spec that did not pass, in teaching order. */
    public Optional<SpecResult> firstFailure() {
        return specs.stream().filter(spec -> !spec.passed()).findFirst();
    }

    /** Whether no spec ran (the kata did not compile, is blocked, or its run ended before reporting). */
    public boolean ranNoSpec() {
        return specs.stream().allMatch(spec -> spec.outcome() == SpecResult.Outcome.NOT_RUN);
    }

    /** The status with its detail, e.g. {@code ⛔ blocked by 04}. */
    public String statusText() {
        return status.icon() + " " + status.label();
    }
}
