package grader.engine;

/**
 * Limits for running learner code.
 *
 * @param specTimeoutSeconds how long one spec may run before it fails
 * @param kataTimeoutSeconds how long one kata's specs may run in total
 * @param forkMemory empty to run specs inside the grader's JVM; otherwise the heap of the JVM of
 *     their own that each kata's specs run in (a {@code -Xmx} value such as {@code 512m})
 */
public record Settings(long specTimeoutSeconds, long kataTimeoutSeconds, String forkMemory) {

    public static final Settings DEFAULT = new Settings(10, 60, "");

    /** The heap of a forked JVM unless {@code -DforkMemory} says otherwise. */
    public static final String DEFAULT_FORK_MEMORY = "512m";

    public Settings {
        if (specTimeoutSeconds <= 0 || kataTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("time limits must be positive, were " + specTimeoutSeconds
                    + " s per spec and " + kataTimeoutSeconds + " s per kata");
        }
        if (!forkMemory.isEmpty() && !forkMemory.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("-DforkMemory=" + forkMemory + " is not a heap size such as 512m or 2g");
        }
    }

    /** Whether each kata's specs run in a JVM of their own. */
    public boolean forked() {
        return !forkMemory.isEmpty();
    }
}
