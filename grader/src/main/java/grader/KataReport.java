package grader;

import java.util.Locale;

/** The detail of one kata: every spec in teaching order, and the first failure in full. */
final class KataReport {

    private KataReport() {
    }

    static String of(KataResult result) {
        StringBuilder text = new StringBuilder()
                .append("Kata ").append(result.kata().id()).append(' ').append(result.kata().name()).append(": ")
                .append(result.statusText()).append(", ").append(result.passed()).append('/').append(result.total())
                .append(" specs pass\n");
        if (!result.note().isEmpty()) {
            text.append("  ").append(result.note()).append('\n');
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
        if (result.done()) {
            text.append("\nDone. The next kata is in the table: mvn -q -pl grader exec:java\n");
        } else {
            text.append("\nFix the first failing spec, then run this command again.\n");
        }
        return text.toString();
    }
}
