package grader.report;

import grader.course.KataResult;
import grader.course.Plan;
import grader.course.SpecResult;
import grader.course.Status;
import java.util.List;
import java.util.Optional;

/** Totals over all graded katas, counted against the katas the course plans, and where to go next. */
public record Summary(List<KataResult> katas) {

    /** How many katas the course plans, written or not. */
    public int katasPlanned() {
        return Plan.COURSE.size(katas.size());
    }

    public long katasDone() {
        return katas.stream().filter(KataResult::done).count();
    }

    public int specsPassed() {
        return katas.stream().filter(k -> k.status() != Status.SPECS_MODIFIED).mapToInt(KataResult::passed).sum();
    }

    public int specsTotal() {
        return katas.stream().mapToInt(KataResult::total).sum();
    }

    public long modified() {
        return katas.stream().filter(k -> k.status() == Status.SPECS_MODIFIED).count();
    }

    /**
     * {@code 3 of 14 katas done (3 written so far), 41 of 180 specs pass}, plus a word on modified
     * specs; the written katas are named only while the course has more planned.
     */
    public String line() {
        int planned = katasPlanned();
        String line = katasDone() + " of " + planned + " katas done"
                + (planned > katas.size() ? " (" + katas.size() + " written so far)" : "") + ", "
                + specsPassed() + " of " + specsTotal() + " specs pass";
        long modified = modified();
        if (modified > 0) {
            line += "; " + modified + (modified == 1 ? " kata has" : " katas have")
                    + " modified specs, not counted: restore them with git checkout";
        }
        return line;
    }

    /** The first kata that is not done, in kata order. */
    public Optional<KataResult> nextKata() {
        return katas.stream().filter(k -> !k.done()).findFirst();
    }

    /** A sentence naming the next thing to do and the command that shows it. */
    public String nextStep() {
        Optional<KataResult> next = nextKata();
        if (next.isEmpty()) {
            List<String> written = katas.stream().map(k -> k.kata().id()).toList();
            return Plan.COURSE.nextAfter(written.isEmpty() ? "00" : written.get(written.size() - 1), written)
                    .map(planned -> "Next step: every kata written so far is done. The next, kata " + planned.id() + " "
                            + planned.name() + ", comes with a later version of the course.")
                    .orElse("Next step: none. Every kata of the course is done.");
        }
        KataResult kata = next.get();
        String command = "mvn -q -pl grader exec:java -Dkata=" + kata.kata().id();
        String what = switch (kata.status()) {
            case DOES_NOT_COMPILE -> "make it compile: " + kata.note();
            case SPECS_MODIFIED -> kata.note();
            case BLOCKED -> kata.note();
            default -> kata.firstFailure().map(Summary::describe).orElse(kata.note());
        };
        return "Next step: kata " + kata.kata().id() + " " + kata.kata().name() + ", " + what + "\n  Run: " + command;
    }

    private static String describe(SpecResult spec) {
        return "first failing spec \"" + spec.displayName() + "\" (" + spec.id() + ")";
    }
}
