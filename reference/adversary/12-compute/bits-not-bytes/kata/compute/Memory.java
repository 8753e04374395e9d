package kata.compute;

/** How many parameters an encoder layer has and how many bytes numbers take. */
public final class Memory {

    private Memory() {
    }

    /**
     * The parameters of one encoder layer with {@code d_ff = 4d}: the four attention projections
     * with their biases, the two feed-forward layers with theirs, and two layer norms (gamma and
     * beta each).
     *
     * @return {@code 12 d^2 + 13 d}; 7,087,872 for {@code d = 768}
     * @throws IllegalArgumentException when {@code d} is negative (the message says {@code d = -1})
     */
    public static long encoderLayerParameters(long d) {
        if (d < 0) {
            throw new IllegalArgumentException("d = " + d + ", but a size must be at least 0");
        }
        long dFf = 4 * d;
        long attention = 4 * (d * d + d);                // W_Q, W_K, W_V, W_O and their biases
        long feedForward = (d * dFf + dFf) + (dFf * d + d);
        long layerNorms = 2 * (2 * d);                   // gamma and beta, twice
        return attention + feedForward + layerNorms;
    }

    /**
     * How many bytes {@code elements} numbers take: 4 each for {@code "float32"}, 8 for {@code "float64"}.
     *
     * @throws IllegalArgumentException when {@code elements} is negative (the message says
     *     {@code elements = -1}) or {@code dtype} is neither (the message names it)
     */
    public static long bytes(long elements, String dtype) {
        if (elements < 0) {
            throw new IllegalArgumentException("elements = " + elements + ", but a count must be at least 0");
        }
        long perElement;
        if ("float32".equals(dtype)) {
            perElement = Float.SIZE;                     // a Java float
        } else if ("float64".equals(dtype)) {
            perElement = Double.SIZE;                    // a Java double
        } else {
            throw new IllegalArgumentException("unknown dtype " + dtype + ": use float32 or float64");
        }
        return elements * perElement;
    }
}
