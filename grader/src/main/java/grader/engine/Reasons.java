package grader.engine;

import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what a spec threw into a sentence a learner can act on. */
final class Reasons {

    /** A skeleton's TODO exception quoted inside an assertion (e.g. "expected IAE but was ..."). */
    private static final Pattern TODO_INSIDE = Pattern.compile("UnsupportedOperationException: (TODO\\(\\d\\d\\)[^\\n]*)");

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
        if (cause instanceof AssertionError) {
            String message = String.valueOf(cause.getMessage()).strip();
            Matcher todo = TODO_INSIDE.matcher(message);
            return todo.find() ? "not written yet: " + todo.group(1) + "\n" + message : message;
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + where;
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
            if (type.startsWith("kata.") && !type.startsWith("kata.support.") && !isSpec(type) && frame.getFileName() != null) {
                return " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return "";
    }

    private static boolean isSpec(String type) {
        String outer = type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
        return outer.endsWith("Spec") || outer.endsWith("Properties");
    }
}
