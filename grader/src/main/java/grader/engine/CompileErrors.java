package grader.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A compiler diagnostic as javac prints it: {@code path:line: message}, then the offending source
 * line with a caret under the column, then the rest of the message ({@code symbol:},
 * {@code location:}). The first line alone is what the table shows.
 */
final class CompileErrors {

    /** More lines of a message than this (javac's long candidate lists) are cut. */
    private static final int DETAIL_LINES = 4;

    private CompileErrors() {
    }

    /** {@code describe} turns a source path into the text a learner sees. */
    static String format(Diagnostic<? extends JavaFileObject> diagnostic, Function<Path, String> describe) {
        List<String> message = diagnostic.getMessage(Locale.ROOT).lines().toList();
        String first = message.isEmpty() ? "" : message.get(0).trim();
        if (diagnostic.getSource() == null) {
            return first;
        }
        StringBuilder text = new StringBuilder(describe.apply(Path.of(diagnostic.getSource().toUri())))
                .append(':').append(diagnostic.getLineNumber()).append(": ").append(first);
        sourceLine(diagnostic).ifPresent(line -> text.append('\n').append("    ").append(line.stripTrailing())
                .append('\n').append("    ").append(caret(line, diagnostic.getColumnNumber())));
        message.stream().skip(1).limit(DETAIL_LINES).forEach(line -> text.append('\n').append("  ").append(line.strip()));
        return text.toString();
    }

    private static Optional<String> sourceLine(Diagnostic<? extends JavaFileObject> diagnostic) {
        long number = diagnostic.getLineNumber();
        if (number < 1 || diagnostic.getColumnNumber() < 1) {
            return Optional.empty();
        }
        try {
            return diagnostic.getSource().getCharContent(true).toString().lines().skip(number - 1).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Spaces (tabs where the line has tabs) up to the 1-based {@code column}, then {@code ^}. */
    private static String caret(String line, long column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < line.length(); i++) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}
