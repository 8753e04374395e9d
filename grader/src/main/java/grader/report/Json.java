package grader.report;

import grader.course.KataResult;
import grader.course.SpecResult;
import grader.course.Status;

/**
 * The grade as JSON for a classroom autograder: overall {@code score}/{@code max_score}, one entry
 * per kata with its score, and one entry per spec with its kata, status ({@code pass}, {@code fail},
 * {@code error}), message and duration. The totals are the sums of their parts in every state: a
 * kata whose specs could not run lists each as {@code error}, and a kata whose specs were modified
 * scores 0, as each of its specs does. The format is described in grader/README.md ("JSON output").
 */
public final class Json {

    private Json() {
    }

    public static String of(Summary summary) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"version\": 1,\n");
        json.append("  \"status\": ").append(quote(summary.katasDone() == summary.katas().size() ? "pass" : "fail")).append(",\n");
        json.append("  \"score\": ").append(summary.katas().stream().mapToInt(Json::score).sum()).append(",\n");
        json.append("  \"max_score\": ").append(summary.katas().stream().mapToInt(KataResult::total).sum()).append(",\n");
        json.append("  \"katas_done\": ").append(summary.katasDone()).append(",\n");
        json.append("  \"katas_total\": ").append(summary.katas().size()).append(",\n");
        json.append("  \"katas\": [");
        String separator = "\n";
        for (KataResult kata : summary.katas()) {
            json.append(separator).append("    {")
                    .append("\"id\": ").append(quote(kata.kata().id()))
                    .append(", \"slug\": ").append(quote(kata.kata().slug()))
                    .append(", \"name\": ").append(quote(kata.kata().name()))
                    .append(", \"status\": ").append(quote(kata.status().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(", \"score\": ").append(score(kata))
                    .append(", \"max_score\": ").append(kata.total())
                    .append(", \"note\": ").append(quote(kata.note()))
                    .append(", \"duration_ms\": ").append(kata.duration().toMillis())
                    .append("}");
            separator = ",\n";
        }
        json.append("\n  ],\n  \"tests\": [");
        separator = "\n";
        for (KataResult kata : summary.katas()) {
            boolean counted = kata.status() != Status.SPECS_MODIFIED;
            for (SpecResult spec : kata.specs()) {
                json.append(separator).append("    {")
                        .append("\"name\": ").append(quote(spec.id()))
                        .append(", \"display_name\": ").append(quote(spec.displayName()))
                        .append(", \"kata\": ").append(quote(kata.kata().id()))
                        .append(", \"status\": ").append(quote(status(spec)))
                        .append(", \"message\": ").append(quote(spec.message()))
                        .append(", \"duration_ms\": ").append(spec.duration().toMillis())
                        .append(", \"score\": ").append(counted && spec.passed() ? 1 : 0)
                        .append(", \"max_score\": 1}");
                separator = ",\n";
            }
        }
        return json.append("\n  ]\n}\n").toString();
    }

    /** The kata's score: its passing specs, none when its specs were modified. */
    private static int score(KataResult kata) {
        return kata.status() == Status.SPECS_MODIFIED ? 0 : kata.passed();
    }

    private static String status(SpecResult spec) {
        return switch (spec.outcome()) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case NOT_RUN -> "error";
        };
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
