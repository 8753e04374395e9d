package grader.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    /** A property's cause that is a skeleton's TODO exception. */
    private static final Pattern TODO_CAUSE = Pattern.compile("(?:[\\w$]+\\.)*UnsupportedOperationException: (TODO\\([^\\n]*)");
    private static final Pattern MORE = Pattern.compile("^\\s*\\.\\.\\.\\s*(?:\\d+ more|\\(\\d+ remaining lines? not displayed.*)\\s*$");
    private static final Pattern SEED = Pattern.compile("Seed was (-?\\d+)");

    private Reasons() {
    }

    static String explain(Throwable thrown, long specTimeoutSeconds) {
        Throwable cause = unwrap(thrown);
        String where = learnerFrame(cause);
        Optional<String> todo = todo(cause);
        if (todo.isPresent()) {
            return "not written yet: " + todo.get();
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
            String message = withoutOtherFrames(String.valueOf(cause.getMessage()).strip());
            Matcher inside = TODO_INSIDE.matcher(message);
            return inside.find() ? "not written yet: " + inside.group(1) + "\n" + message : message;
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
            return withoutOtherFrames(report.strip());
        }
        Matcher todo = TODO_CAUSE.matcher(parts.group(3));
        if (todo.lookingAt()) {
            return "not written yet: " + todo.group(1);
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

    /**
     * The TODO of a skeleton's {@code UnsupportedOperationException("TODO(NN): ...")} that {@code thrown}
     * is or was caused by, however deep (a static initializer, a spec's helper, a wrapping exception).
     */
    private static Optional<String> todo(Throwable thrown) {
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable current = thrown; current != null && seen.add(current); current = current.getCause()) {
            if (current instanceof UnsupportedOperationException && String.valueOf(current.getMessage()).startsWith("TODO(")) {
                return Optional.of(current.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * A message with the stack traces it quotes (AssertJ prints the whole trace of an exception that
     * was not the one expected) cut to the learner's own frames: the frames of JUnit, AssertJ,
     * reflection, the JDK, the support code and the specs go, and so do their "... 12 more" and "...(2 remaining lines not displayed" lines.
     */
    static String withoutOtherFrames(String message) {
        StringBuilder text = new StringBuilder();
        int kept = 0;
        for (String line : message.split("\n", -1)) {
            Matcher frame = FRAME.matcher(line);
            if (frame.find()) {
                if (isLearnerCode(frame.group(1)) && kept++ < 3) {
                    text.append("  at ").append(frame.group(1)).append('.').append(frame.group(2))
                            .append('(').append(frame.group(3)).append(")\n");
                }
            } else if (!MORE.matcher(line).matches()) {
                text.append(line.stripTrailing()).append('\n');
                kept = line.isBlank() ? kept : 0;
            }
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
