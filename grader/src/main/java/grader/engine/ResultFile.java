package grader.engine;

import grader.course.SpecResult;
import grader.course.SpecResult.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a forked JVM hands its results back: one line per record, fields separated by tabs, with
 * tabs, newlines and backslashes escaped and malformed characters (lone surrogates) replaced.
 * Line 1 is the note, line 2 the byte count and head of the captured output, every further line
 * one spec.
 */
final class ResultFile {

    private ResultFile() {
    }

    static void write(Path file, SpecRun.Result result, OutputCapture.Printed printed) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append(escape(result.note())).append('\n')
                .append(printed.bytes()).append('\t').append(escape(printed.head())).append('\n');
        for (SpecResult spec : result.specs()) {
            text.append(String.join("\t", escape(spec.className()), escape(spec.method()), escape(spec.displayName()),
                    spec.outcome().name(), Long.toString(spec.duration().toNanos()),
                    escape(String.join(",", spec.tags())), escape(spec.message()))).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** The result and the captured output, read back. */
    record Read(SpecRun.Result result, OutputCapture.Printed printed) {
    }

    static Read read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() < 2) {
            throw new IOException("incomplete results in " + file);
        }
        List<SpecResult> specs = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] fields = line.split("\t", -1);
            Set<String> tags = new TreeSet<>(Arrays.asList(unescape(fields[5]).split(",")));
            tags.remove("");
            specs.add(new SpecResult(unescape(fields[0]), unescape(fields[1]), unescape(fields[2]),
                    Outcome.valueOf(fields[3]), unescape(fields[6]), Duration.ofNanos(Long.parseLong(fields[4])), tags));
        }
        String[] printed = lines.get(1).split("\t", 2);
        return new Read(new SpecRun.Result(List.copyOf(specs), unescape(lines.get(0))),
                new OutputCapture.Printed(unescape(printed[1]), Long.parseLong(printed[0])));
    }

    private static String escape(String text) {
        return SpecResult.wellFormed(text)
                .replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                plain.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
