package grader.engine;

/**
 * Limits for running learner code.
 *
 * @param specTimeoutSeconds how long one spec may run before it fails
 * @param kataTimeoutSeconds how long one kata's specs may run in total
 */
public record Settings(long specTimeoutSeconds, long kataTimeoutSeconds) {

    public static final Settings DEFAULT = new Settings(10, 60);

    public Settings {
        if (specTimeoutSeconds <= 0 || kataTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("time limits must be positive, were " + specTimeoutSeconds
                    + " s per spec and " + kataTimeoutSeconds + " s per kata");
        }
    }
}
