package grader.report;

import grader.KataResult;
import grader.SpecResult;
import grader.Status;
import java.util.List;
import java.util.Optional;

/** Totals over all graded katas, and where to go next. */
public record Summary(List<KataResult> katas) {

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

    /** {@code 3 of 10 katas done, 41 of 180 specs pass}, plus a word on modified specs. */
    public String line() {
        String line = katasDone() + " of " + katas.size() + " katas done, " + specsPassed() + " of "
                + specsTotal() + " specs pass";
        long modified = modified();
        if (modified > 0) {
            line += " (" + modified + (modified == 1 ? " kata has" : " katas have")
                    + " modified specs and is not counted: restore them with git)";
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
            return "Next step: none. Every kata is done.";
        }
        KataResult kata = next.get();
        String command = "mvn -q -pl grader exec:java -Dkata=" + kata.kata().id();
        String what = switch (kata.status()) {
            case DOES_NOT_COMPILE -> "make it compile: " + kata.note();
            case SPECS_MODIFIED -> "restore its specs: " + kata.note();
            case BLOCKED -> kata.note();
            default -> kata.firstFailure().map(Summary::describe).orElse(kata.note());
        };
        return "Next step: kata " + kata.kata().id() + " " + kata.kata().name() + ", " + what + "\n  Run: " + command;
    }

    private static String describe(SpecResult spec) {
        return "first failing spec \"" + spec.displayName() + "\" (" + spec.id() + ")";
    }
}
