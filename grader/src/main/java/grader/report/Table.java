package grader.report;

import grader.course.KataResult;
import java.util.ArrayList;
import java.util.List;

/** The completion table, as Markdown (PROGRESS.md) and as aligned text (the terminal). */
public final class Table {

    private static final String[] HEADER = {"Kata", "Name", "Status", "Specs", "Note"};
    private static final int NOTE_WIDTH = 110;

    private Table() {
    }

    /** The whole PROGRESS.md: deterministic, so the pristine one can be committed and compared. */
    public static String markdown(Summary summary) {
        StringBuilder text = new StringBuilder("# Progress\n\n")
                .append("Written by the grader: `mvn -q -pl grader exec:java`. Grade again after each change.\n\n")
                .append("| ").append(String.join(" | ", HEADER)).append(" |\n")
                .append("|---|---|---|---|---|\n");
        for (KataResult kata : summary.katas()) {
            text.append("| ").append(String.join(" | ", cells(kata, true))).append(" |\n");
        }
        text.append("\n**").append(summary.line()).append(".**\n");
        // the terminal's "Next step" line, its command as code
        text.append('\n').append(nextStep(summary.nextStep())).append('\n');
        return text.toString();
    }

    /** The table for the terminal, columns padded to line up. */
    public static String text(Summary summary) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (KataResult kata : summary.katas()) {
            rows.add(cells(kata, false));
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].codePointCount(0, row[c].length()));
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]);
                if (c < row.length - 1) {
                    line.append(" ".repeat(widths[c] - row[c].codePointCount(0, row[c].length()) + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.append('\n').append(summary.line()).append('\n').toString();
    }

    private static String[] cells(KataResult kata, boolean markdown) {
        String note = oneLine(kata.note().isEmpty()
                ? kata.firstFailure().map(spec -> "next: " + spec.displayName()).orElse("")
                : kata.note());
        if (markdown) {
            note = note.replace("|", "\\|");
        }
        return new String[] {
            kata.kata().id(), kata.kata().name(), kata.statusText(),
            kata.passed() + "/" + kata.total(), note,
        };
    }

    /** The terminal's next step on one line: its first line, then its command as code ({@code Run: `mvn ...`}). */
    static String nextStep(String text) {
        java.util.List<String> lines = text.lines().map(String::strip).toList();
        String run = lines.stream().filter(line -> line.startsWith("Run: ")).findFirst()
                .map(line -> " Run: `" + line.substring(5) + "`").orElse("");
        return lines.get(0) + run;
    }

    private static String oneLine(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > NOTE_WIDTH ? line.substring(0, NOTE_WIDTH - 3) + "..." : line;
    }
}
