package kata.rope;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Rotary position embedding (RoPE, from RoFormer): instead of adding a position vector to a token,
 * turn the token's features by an angle that grows with its position.
 *
 * <p>Pair {@code i} of a row is features {@code (2i, 2i+1)}; it turns by
 * {@code R(pos_t * theta_i)} with {@code theta_i = 10000^(-2i/d)}.
 */
public final class RotaryEmbedding {

    /** The base of the frequencies, {@code theta_i = BASE^(-2i/d)}, as in RoFormer and the Transformer. */
    public static final double BASE = 10000.0;

    private RotaryEmbedding() {
    }

    /**
     * The 2x2 rotation by {@code angle} radians, counter-clockwise:
     * {@code [[cos angle, -sin angle], [sin angle, cos angle]]}.
     *
     * @return a fresh row-major tensor of shape {@code (2, 2)}
     */
    public static Tensor rotation(double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return Tensor.matrix(
                new double[] {cos, -sin},
                new double[] {sin, cos});
    }

    /**
     * The speed of pair {@code i} in radians per position: {@code theta_i = 10000^(-2i/d)}.
     */
    public static double frequency(int pair, int dim) {
        if (dim <= 0 || dim % 2 != 0) {
            throw new IllegalArgumentException("d = " + dim + ": d must be positive and even");
        }
        if (pair < 0 || pair >= dim / 2) {
            throw new IllegalArgumentException("pair " + pair + " is outside [0, " + dim / 2 + ")");
        }
        return Math.pow(BASE, -2.0 * pair / dim);
    }

    /**
     * RoPE applied to every row of {@code x}: pair {@code (2i, 2i+1)} of row {@code t} turned by
     * {@code R(positions[t] * theta_i)}.
     */
    public static Tensor rotate(Tensor x, int[] positions) {
        Shapes.requireMatrix(x, "x");
        int rows = x.size(0);
        int dim = x.size(1);
        if (dim % 2 != 0) {
            throw new IllegalArgumentException("x has shape " + Shapes.of(x) + ": d = " + dim + " must be even");
        }
        if (positions == null || positions.length != rows) {
            throw new IllegalArgumentException("positions has length "
                    + (positions == null ? "null" : positions.length) + ", but x has shape " + Shapes.of(x)
                    + ": one position per row");
        }
        Tensor out = Tensor.zeros(rows, dim);
        for (int t = 0; t < rows; t++) {
            int half = dim / 2;
            for (int i = 0; i < half; i++) {
                double angle = positions[t] * frequency(i, dim);
                double cos = Math.cos(angle);
                double sin = Math.sin(angle);
                double a = x.get(t, i);
                double b = x.get(t, i + half);
                out.set(cos * a - sin * b, t, i);
                out.set(sin * a + cos * b, t, i + half);
            }
        }
        return out;
    }

    /**
     * The attention score of query {@code q} at position {@code m} and key {@code k} at position
     * {@code n}, both rotated: {@code <R_m q, R_n k>}, not scaled.
     */
    public static double score(Tensor q, int m, Tensor k, int n) {
        Shapes.requireVector(q, "q");
        Shapes.requireVector(k, "k");
        Shapes.requireSameShape(q, "q", k, "k");
        int dim = q.size(0);
        if (dim % 2 != 0) {
            throw new IllegalArgumentException("q has shape " + Shapes.of(q) + ": d = " + dim + " must be even");
        }
        Tensor rq = rotate(asRow(q), new int[] {m});
        Tensor rk = rotate(asRow(k), new int[] {n});
        double sum = 0.0;
        for (int j = 0; j < dim; j++) {
            sum += rq.get(0, j) * rk.get(0, j);
        }
        return sum;
    }

    /** A vector (d) seen as a (1, d) row, without copying. */
    private static Tensor asRow(Tensor v) {
        return Tensor.strided(v.storage(), new int[] {1, v.size(0)}, new int[] {0, v.strides()[0]}, v.offset());
    }
}
