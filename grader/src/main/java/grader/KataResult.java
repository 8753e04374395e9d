package grader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The grade of one kata.
 *
 * @param kata the kata
 * @param status the row's status
 * @param specs every spec in teaching order (empty when the kata did not compile)
 * @param total how many specs the kata has (known even when it did not compile)
 * @param note what the learner should know first: the first compiler diagnostic, the reason a run
 *     was cut short, the unfinished prerequisite; empty when there is nothing to add
 * @param duration how long compiling and running took
 * @param output what the specs printed to the standard streams (bounded)
 */
public record KataResult(Kata kata, Status status, List<SpecResult> specs, int total, String note,
                         Duration duration, String output) {

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

    /** The status with its detail, e.g. {@code ⛔ blocked by 04}. */
    public String statusText() {
        return status.icon() + " " + status.label();
    }
}
