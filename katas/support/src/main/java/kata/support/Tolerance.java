package kata.support;

/**
 * Every tolerance the specs use, in one place.
 *
 * <p>Two doubles are close when {@code |expected - actual| <= tolerance * max(1, |expected|)}:
 * an absolute tolerance near zero, a relative one for large magnitudes (a sum of big numbers
 * computed in another order differs in its last bits, not in its first).
 */
public final class Tolerance {

    /** Exact math computed in a different order: sums, means, variances, matrix products. */
    public static final double DEFAULT = 1e-9;

    /** Golden values written down with 8 decimals (hand-derived or printed by a script). */
    public static final double GOLDEN = 1e-8;

    /** Agreement with float64 fixtures produced by a reference framework. */
    public static final double FRAMEWORK = 1e-9;

    /**
     * How many standard deviations a random count may stray from its mean before a spec calls it
     * wrong: at 5 sigma a correct implementation fails by chance less than once in a million runs.
     */
    public static final double SIGMAS = 5.0;

    private Tolerance() {
    }

    /** Whether {@code actual} is within {@code tolerance} of {@code expected} (NaN is close to nothing). */
    public static boolean close(double expected, double actual, double tolerance) {
        if (expected == actual) {
            return true;
        }
        double scale = Math.max(1.0, Math.abs(expected));
        return Math.abs(expected - actual) <= tolerance * scale;
    }
}
