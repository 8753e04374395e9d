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
     * @return {@code 12 d^2 + 13 d}, exact in {@code long} arithmetic; 7,087,872 for {@code d = 768}
     * @throws IllegalArgumentException when {@code d} is negative (the message says {@code d = -1})
     */
    public static long encoderLayerParameters(long d) {
        throw new UnsupportedOperationException("TODO(12): count weights and biases of every part");
    }

    /**
     * How many bytes {@code elements} numbers take: 4 each for {@code "float32"}, 8 for {@code "float64"}.
     *
     * @throws IllegalArgumentException when {@code elements} is negative (the message says
     *     {@code elements = -1}) or {@code dtype} is neither (the message names it)
     */
    public static long bytes(long elements, String dtype) {
        throw new UnsupportedOperationException("TODO(12): 4 bytes per float32, 8 per float64");
    }
}
