package grader.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what a spec threw into a sentence a learner can act on. */
final class Reasons {

    /** A skeleton's TODO exception quoted inside an assertion (e.g. "expected IAE but was ..."). */
    private static final Pattern TODO_INSIDE = Pattern.compile("UnsupportedOperationException: (TODO\\(\\d\\d\\)[^\\n]*)");

    /** A QuickTheories report: the example count, the smallest values, and the cause up to the other values. */
    private static final Pattern PROPERTY = Pattern.compile(
            "Property falsified after (\\d+) example\\(s\\)\\s*\\n\\s*Smallest found falsifying value\\(s\\)\\s*:-\\s*\\n(.*?)\\n"
                    + "\\s*Cause was\\s*:-\\s*\\n(?:java\\.lang\\.AssertionError: |org\\.opentest4j\\.AssertionFailedError: |(?:[\\w$]+\\.)*)?"
                    + "(.*?)(?=\\n\\s*Other found falsifying value|\\n\\s*Seed was|\\z)", Pattern.DOTALL);
    private static final Pattern FRAME = Pattern.compile("^\\s*at (?:[^\\s/]+/+)?([\\w.$]+)\\.([\\w$<>]+)\\(([^)]*)\\)");
    private static final Pattern SEED = Pattern.compile("Seed was (-?\\d+)");

    private Reasons() {
    }

    static String explain(Throwable thrown, long specTimeoutSeconds) {
        Throwable cause = unwrap(thrown);
        String where = learnerFrame(cause);
        if (cause instanceof UnsupportedOperationException && String.valueOf(cause.getMessage()).startsWith("TODO(")) {
            return "not written yet: " + cause.getMessage();
        }
        if (cause instanceof TimeoutException) {
            return "did not finish within " + specTimeoutSeconds + " s (an endless loop?)" + where;
        }
        if (cause instanceof OutOfMemoryError) {
            return "ran out of memory (" + cause.getMessage() + "): it allocates far more than the heap holds" + where;
        }
        if (cause instanceof StackOverflowError) {
            return "the stack overflowed: a recursion that never reaches its base case" + where;
        }
        if (cause instanceof ExceptionInInitializerError init) {
            Throwable inner = init.getCause() == null ? init : init.getCause();
            return "a static initializer threw " + inner.getClass().getSimpleName()
                    + (inner.getMessage() == null ? "" : ": " + inner.getMessage()) + learnerFrame(inner);
        }
        if (cause instanceof NoClassDefFoundError && String.valueOf(cause.getMessage()).startsWith("Could not initialize class")) {
            return cause.getMessage() + ": its static initializer failed earlier";
        }
        if (cause instanceof AssertionError && String.valueOf(cause.getMessage()).startsWith("Property falsified")) {
            return property(cause.getMessage());
        }
        if (cause instanceof AssertionError) {
            String message = String.valueOf(cause.getMessage()).strip();
            Matcher todo = TODO_INSIDE.matcher(message);
            return todo.find() ? "not written yet: " + todo.group(1) + "\n" + message : message;
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + where;
    }

    /**
     * A QuickTheories report cut to what helps: the smallest counterexample, the assertion's message
     * (or the exception) with its expected and actual values, the learner's own frames only, and
     * the seed that replays it. The framework's frames and the other falsifying values are dropped.
     */
    static String property(String report) {
        Matcher parts = PROPERTY.matcher(report);
        if (!parts.find()) {
            return report.strip();
        }
        StringBuilder text = new StringBuilder("property falsified; smallest counterexample: ")
                .append(parts.group(2).strip().replaceAll("\\s*\\n\\s*", "; ")).append('\n');
        List<String> frames = new ArrayList<>();
        for (String line : parts.group(3).split("\n")) {
            Matcher frame = FRAME.matcher(line);
            if (!frame.find()) {
                text.append(line.stripTrailing()).append('\n');
            } else if (isLearnerCode(frame.group(1)) && frames.size() < 3) {
                frames.add("  at " + frame.group(1) + "." + frame.group(2) + "(" + frame.group(3) + ")");
            }
        }
        frames.forEach(frame -> text.append(frame).append('\n'));
        Matcher seed = SEED.matcher(report);
        if (seed.find()) {
            text.append("Seed was ").append(seed.group(1)).append(": replay it with -DQT_SEED=").append(seed.group(1)).append('\n');
        }
        return text.toString().strip();
    }

    static boolean isTimeout(Throwable thrown) {
        return unwrap(thrown) instanceof TimeoutException;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while (current instanceof java.util.concurrent.ExecutionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** {@code (at Reduction.java:42)}: the deepest frame in kata code that is not a spec. */
    private static String learnerFrame(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String type = frame.getClassName();
            if (isLearnerCode(type) && frame.getFileName() != null) {
                return " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return "";
    }

    /**
     * A class of the learner's kata code: not the support code, not a spec, not the grader's own code
     * run with the kata's classes ({@code kata.training}, see {@link Engine#loadWith}).
     */
    private static boolean isLearnerCode(String type) {
        return type.startsWith("kata.") && !type.startsWith("kata.support.") && !type.startsWith("kata.training.")
                && !isSpec(type);
    }

    private static boolean isSpec(String type) {
        String outer = type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
        return outer.endsWith("Spec") || outer.endsWith("Properties");
    }
}
