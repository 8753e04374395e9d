package kata.compute;

/**
 * Parameters and bytes.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/12-compute/}.
 */
public final class Memory {

    private Memory() {
    }

    /**
     * Attention {@code 4(d^2 + d)}, FFN {@code d 4d + 4d + 4d d + d}, two layer norms {@code 2(2d)}:
     * {@code 12 d^2 + 13 d}.
     */
    public static long encoderLayerParameters(long d) {
        Flops.requireNonNegative("d", d);
        long attention = 4 * (d * d + d);         // W_Q, W_K, W_V, W_O and their biases
        long feedForward = 8 * d * d + 4 * d + d; // (d, 4d) + 4d, then (4d, d) + d
        long layerNorms = 2 * 2 * d;              // gamma and beta, twice
        return attention + feedForward + layerNorms;
    }

    /** {@code elements} times 4 for {@code "float32"}, 8 for {@code "float64"}. */
    public static long bytes(long elements, String dtype) {
        Flops.requireNonNegative("elements", elements);
        return switch (dtype) {
            case "float32" -> 4 * elements;
            case "float64" -> 8 * elements;
            default -> throw new IllegalArgumentException("dtype must be float32 or float64, but is " + dtype);
        };
    }
}
