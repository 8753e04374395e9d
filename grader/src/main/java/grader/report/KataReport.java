package grader.report;

import grader.course.KataResult;
import grader.course.SpecResult;
import java.util.Locale;

/**
 * The detail of one kata: every spec in teaching order, the first failure in full and a line for
 * each other failure, what the specs printed, and a footer that says what to do next.
 */
public final class KataReport {

    private KataReport() {
    }

    /** {@code watching}: the grader grades again on each save, so the footer says so instead of "run again". */
    public static String of(KataResult result, boolean watching) {
        StringBuilder text = new StringBuilder()
                .append("Kata ").append(result.kata().id()).append(' ').append(result.kata().name()).append(": ")
                .append(result.statusText()).append(", ").append(result.passed()).append('/').append(result.total())
                .append(" specs pass\n");
        if (!result.note().isEmpty()) {
            result.note().lines().forEach(line -> text.append("  ").append(line).append('\n'));
        }
        boolean firstFailure = true;
        for (SpecResult spec : result.ranNoSpec() ? java.util.List.<SpecResult>of() : result.specs()) {
            text.append(String.format(Locale.ROOT, "  %s %s  (%s)%n", spec.passed() ? "✔" : "✘",
                    spec.displayName(), spec.id()));
            if (!spec.passed() && firstFailure) {
                spec.message().lines().forEach(line -> text.append("        ").append(line).append('\n'));
                firstFailure = false;
            } else if (!spec.passed()) {
                text.append("        ").append(spec.summary()).append('\n');
            }
        }
        if (!result.output().isEmpty()) {
            text.append("\n  What the specs printed:\n");
            result.output().lines().forEach(line -> text.append("    | ").append(line).append('\n'));
        }
        return text.append('\n').append(footer(result, watching)).append('\n').toString();
    }

    private static String footer(KataResult result, boolean watching) {
        String again = watching ? " and save: the grader is watching and grades again (Ctrl+C stops)."
                : ", then run this command again.";
        return switch (result.status()) {
            case DONE -> "Done. The next kata is in the table: mvn -q -pl grader exec:java";
            case DOES_NOT_COMPILE -> "Fix the compile error above" + again;
            case SPECS_MODIFIED -> "Put the specs back (git checkout, or -Dreset=" + result.kata().id()
                    + " to restore the whole kata with a backup of your files)" + again;
            case BLOCKED -> result.ranNoSpec() ? "None of its specs ran: make the kata named above compile" + again
                    : "Its own specs pass; finish the kata it builds on, then grade again.";
            default -> "Fix the first failing spec" + again;
        };
    }
}
