package kata.rope;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Rotary position embedding (RoPE, RoFormer): row {@code t} of a {@code (T, d)} tensor, at position
 * {@code pos_t}, has each pair of features {@code (2i, 2i+1)} turned by the angle
 * {@code pos_t * theta_i}, with {@code theta_i = 10000^(-2i/d)}. Because rotations compose by adding
 * angles, the score of a rotated query and key depends only on how far apart they are:
 * {@code <R_m q, R_n k> = <q, R_(n-m) k>}.
 *
 * <p>Everything is built from {@link #rotation}: {@link #rotate} applies it pair by pair, and
 * {@link #score} rotates both sides (through {@link #rotate}) and takes the dot product.
 *
 * <p>Known mistakes: {@code reference/known-wrong/08-rope/}.
 */
public final class RotaryEmbedding {

    /** The base of the frequencies, {@code theta_i = BASE^(-2i/d)}, as in RoFormer and the Transformer. */
    public static final double BASE = 10000.0;

    private RotaryEmbedding() {
    }

    /** The 2x2 rotation by {@code angle} radians, counter-clockwise: {@code [[cos, -sin], [sin, cos]]}. */
    public static Tensor rotation(double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return Tensor.matrix(new double[] {cos, -sin}, new double[] {sin, cos}); // (2, 2)
    }

    /** {@code theta_i = 10000^(-2i/d)}: pair 0 turns by 1 radian per position, the last pair slowest. */
    public static double frequency(int pair, int dim) {
        if (dim <= 0 || dim % 2 != 0) {
            throw new IllegalArgumentException("d = " + dim + ": RoPE rotates pairs of features (2i, 2i+1),"
                    + " so d must be positive and even");
        }
        if (pair < 0 || pair >= dim / 2) {
            throw new IllegalArgumentException("pair " + pair + " is out of range [0, " + dim / 2 + ") for d = "
                    + dim);
        }
        return Math.pow(BASE, -2.0 * pair / dim); // 2.0, not 2: an int -2 * i / d is 0 for every pair
    }

    /** Row {@code t} of {@code x}, pair {@code (2i, 2i+1)}, turned by {@code R(positions[t] * theta_i)}. */
    public static Tensor rotate(Tensor x, int[] positions) {
        Shapes.requireMatrix(x, "x");
        int seqLen = x.size(0);
        int dim = x.size(1);
        requireEven("x", x, dim);
        if (positions.length != seqLen) {
            throw new IllegalArgumentException("positions has " + positions.length + " entries, but x has shape "
                    + Shapes.of(x) + ": one position per row");
        }
        Tensor out = Tensor.zeros(seqLen, dim); // (T, d), fresh even where every angle is 0
        for (int t = 0; t < seqLen; t++) {
            for (int pair = 0; pair < dim / 2; pair++) {
                // The position of the row, not the row index t: a slice of a longer sequence starts later.
                Tensor turn = rotation(positions[t] * frequency(pair, dim)); // (2, 2)
                double even = x.get(t, 2 * pair);                       // interleaved: features 2i and 2i+1
                double odd = x.get(t, 2 * pair + 1);
                out.set(turn.get(0, 0) * even + turn.get(0, 1) * odd, t, 2 * pair);
                out.set(turn.get(1, 0) * even + turn.get(1, 1) * odd, t, 2 * pair + 1);
            }
        }
        return out;
    }

    /** {@code <R_m q, R_n k>}: both vectors rotated, the query at {@code m} and the key at {@code n}, unscaled. */
    public static double score(Tensor q, int m, Tensor k, int n) {
        Shapes.requireVector(q, "q");
        Shapes.requireSameShape(q, "q", k, "k");        // a query and a key of one width d: k a vector too
        requireEven("q", q, q.size(0));
        Tensor rotatedQuery = rotate(asRow(q), new int[] {m}); // (1, d)
        Tensor rotatedKey = rotate(asRow(k), new int[] {n});   // (1, d): rotating only q loses the cancellation
        double dot = 0.0;
        for (int j = 0; j < q.size(0); j++) {
            dot += rotatedQuery.get(0, j) * rotatedKey.get(0, j);
        }
        return dot;
    }

    /** The vector {@code (d)} seen as one row {@code (1, d)}: a view on its storage, any layout. */
    private static Tensor asRow(Tensor v) {
        return Tensor.strided(v.storage(), new int[] {1, v.size(0)}, new int[] {0, v.strides()[0]}, v.offset());
    }

    private static void requireEven(String name, Tensor t, int dim) {
        if (dim % 2 != 0) {
            throw new IllegalArgumentException(name + " has shape " + Shapes.of(t) + ": d = " + dim
                    + " is odd, but RoPE rotates pairs of features (2i, 2i+1), so d must be even");
        }
    }
}
