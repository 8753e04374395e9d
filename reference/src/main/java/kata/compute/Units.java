package kata.compute;

/**
 * FLOPs (a count of operations) and FLOP/s (a rate), with decimal prefixes.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/12-compute/}.
 */
public final class Units {

    private static final String RATE = "/s";

    private Units() {
    }

    /** {@code value} in {@code unit} (FLOP, kFLOP, MFLOP, GFLOP, TFLOP, PFLOP), in FLOPs. */
    public static double flops(double value, String unit) {
        if (unit.endsWith(RATE)) {
            throw new IllegalArgumentException(unit + " is a rate (per second), not a count of FLOPs");
        }
        return value * prefix(unit, "FLOP");
    }

    /** {@code value} in {@code unit} (FLOP/s, kFLOP/s, ..., PFLOP/s), in FLOP/s. */
    public static double flopsPerSecond(double value, String unit) {
        if (!unit.endsWith(RATE)) {
            throw new IllegalArgumentException(unit + " is a count of FLOPs, not a rate (per second)");
        }
        return value * prefix(unit, "FLOP" + RATE);
    }

    /** The time {@code flops} take at {@code flopsPerSecond}: count / rate. */
    public static double seconds(double flops, double flopsPerSecond) {
        if (!(flops >= 0)) {
            throw new IllegalArgumentException("flops must be at least 0, but is flops = " + flops);
        }
        if (!(flopsPerSecond > 0)) {
            throw new IllegalArgumentException("flopsPerSecond must be above 0, but is flopsPerSecond = "
                    + flopsPerSecond);
        }
        return flops / flopsPerSecond;
    }

    /** Decimal SI prefixes: k = 1e3, M = 1e6, G = 1e9, T = 1e12, P = 1e15. */
    private static double prefix(String unit, String symbol) {
        return switch (unit.replace(symbol, "#")) {
            case "#" -> 1;
            case "k#" -> 1e3;
            case "M#" -> 1e6;
            case "G#" -> 1e9;
            case "T#" -> 1e12;
            case "P#" -> 1e15;
            default -> throw new IllegalArgumentException("unknown unit " + unit
                    + ": expected FLOP, kFLOP, MFLOP, GFLOP, TFLOP or PFLOP (followed by /s in flopsPerSecond)");
        };
    }
}
