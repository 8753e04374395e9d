package kata.compute;

/**
 * Units of compute. A FLOP count ({@code "GFLOP"}) says how much work; a FLOP rate
 * ({@code "GFLOP/s"}) says how fast a device does it. The prefixes are decimal, as in SI:
 * {@code k = 10^3, M = 10^6, G = 10^9, T = 10^12, P = 10^15}.
 */
public final class Units {

    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P"};
    private static final double[] FACTORS = {1.0, 1e3, 1e6, 1e9, 1e12, 1e15};

    private Units() {
    }

    /** The factor of a count unit like "GFLOP", or -1 when it is not one. */
    private static double countFactor(String unit) {
        if (unit == null) {
            return -1;
        }
        for (int i = 0; i < PREFIXES.length; i++) {
            if (unit.equals(PREFIXES[i] + "FLOP")) {
                return FACTORS[i];
            }
        }
        return -1;
    }

    /** The factor of a rate unit like "GFLOP/s", or -1 when it is not one. */
    private static double rateFactor(String unit) {
        if (unit == null || !unit.endsWith("/s")) {
            return -1;
        }
        return countFactor(unit.substring(0, unit.length() - 2));
    }

    /**
     * A count in FLOPs.
     *
     * @param unit one of {@code FLOP, kFLOP, MFLOP, GFLOP, TFLOP, PFLOP}
     * @throws IllegalArgumentException when {@code unit} is a rate (ends in {@code /s}; the message names
     *     it and says "rate") or is unknown (the message names it and says "unknown unit")
     */
    public static double flops(double value, String unit) {
        double factor = countFactor(unit);
        if (factor < 0) {
            if (rateFactor(unit) > 0) {
                throw new IllegalArgumentException(unit + " is a rate (FLOP per second), but a count is wanted");
            }
            throw new IllegalArgumentException("unknown unit " + unit + ": use FLOP, kFLOP, MFLOP, GFLOP, TFLOP or PFLOP");
        }
        return value * factor;
    }

    /**
     * A rate in FLOP/s.
     *
     * @param unit one of {@code FLOP/s, kFLOP/s, MFLOP/s, GFLOP/s, TFLOP/s, PFLOP/s}
     * @throws IllegalArgumentException when {@code unit} is a count (no {@code /s}; the message names it
     *     and says "count") or is unknown (the message names it and says "unknown unit")
     */
    public static double flopsPerSecond(double value, String unit) {
        double factor = rateFactor(unit);
        if (factor < 0) {
            if (countFactor(unit) > 0) {
                throw new IllegalArgumentException(unit + " is a count (FLOPs), but a rate per second is wanted");
            }
            throw new IllegalArgumentException("unknown unit " + unit
                    + ": use FLOP/s, kFLOP/s, MFLOP/s, GFLOP/s, TFLOP/s or PFLOP/s");
        }
        return value * factor;
    }

    /**
     * How long {@code flops} FLOPs take on a device doing {@code flopsPerSecond} FLOP/s, at full speed.
     *
     * @throws IllegalArgumentException when {@code flops} is negative or NaN (the message names
     *     {@code flops}), or {@code flopsPerSecond} is not above 0 (the message names {@code flopsPerSecond})
     */
    public static double seconds(double flops, double flopsPerSecond) {
        if (!(flops >= 0)) {
            throw new IllegalArgumentException("flops = " + flops + ", but a count must be at least 0");
        }
        if (!(flopsPerSecond > 0)) {
            throw new IllegalArgumentException("flopsPerSecond = " + flopsPerSecond + ", but a rate must be above 0");
        }
        return flops / flopsPerSecond;
    }
}
