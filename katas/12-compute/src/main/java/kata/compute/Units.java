package kata.compute;

/**
 * Units of compute. A FLOP count ({@code "GFLOP"}) says how much work; a FLOP rate
 * ({@code "GFLOP/s"}) says how fast a device does it. The prefixes are decimal, as in SI:
 * {@code k = 10^3, M = 10^6, G = 10^9, T = 10^12, P = 10^15}.
 */
public final class Units {

    private Units() {
    }

    /**
     * A count in FLOPs.
     *
     * @param unit one of {@code FLOP, kFLOP, MFLOP, GFLOP, TFLOP, PFLOP}
     * @throws IllegalArgumentException when {@code unit} is a rate (ends in {@code /s}; the message names
     *     it and says "rate") or is unknown (the message names it and says "unknown unit")
     */
    public static double flops(double value, String unit) {
        throw new UnsupportedOperationException("TODO(12): value times the prefix");
    }

    /**
     * A rate in FLOP/s.
     *
     * @param unit one of {@code FLOP/s, kFLOP/s, MFLOP/s, GFLOP/s, TFLOP/s, PFLOP/s}
     * @throws IllegalArgumentException when {@code unit} is a count (no {@code /s}; the message names it
     *     and says "count") or is unknown (the message names it and says "unknown unit")
     */
    public static double flopsPerSecond(double value, String unit) {
        throw new UnsupportedOperationException("TODO(12): value times the prefix, for a rate");
    }

    /**
     * How long {@code flops} FLOPs take on a device doing {@code flopsPerSecond} FLOP/s, at full speed.
     *
     * @throws IllegalArgumentException when {@code flops} is negative or NaN (the message names
     *     {@code flops}), or {@code flopsPerSecond} is not above 0 (the message names {@code flopsPerSecond})
     */
    public static double seconds(double flops, double flopsPerSecond) {
        throw new UnsupportedOperationException("TODO(12): a count divided by a rate");
    }
}
