package kata.attention;

import kata.support.AttentionResult;
import kata.support.Matrices;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Scaled dot-product attention: every query row asks every key row how well they match, and takes
 * that much of the key's value row.
 * <pre>
 *   scores  = Q K^T / sqrt(d_k) + mask      (T_q, d_k) x (T_k, d_k) -> (T_q, T_k)
 *   weights = softmax of each row of scores (T_q, T_k), each row sums to 1
 *   output  = weights V                     (T_q, T_k) x (T_k, d_v) -> (T_q, d_v)
 * </pre>
 */
public final class ScaledDotProductAttention {

    private ScaledDotProductAttention() {
    }

    /** Softmax along each row, shifted by the row max; a row with no finite score is an error. */
    public static Tensor softmaxRows(Tensor scores) {
        Shapes.requireMatrix(scores, "scores");
        int rows = scores.size(0);
        int cols = scores.size(1);
        double[] out = new double[rows * cols];            // (rows, cols), row-major
        for (int i = 0; i < rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, scores.get(i, j));
            }
            double sum = 0.0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(scores.get(i, j) - max);
                out[i * cols + j] = e;
                sum += e;
            }
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] /= sum;
            }
        }
        return Tensor.of(new int[] {rows, cols}, out);
    }

    /** Q K^T / sqrt(d_k). */
    public static Tensor scaledScores(Tensor q, Tensor k) {
        Shapes.requireMatrix(q, "q");
        Shapes.requireMatrix(k, "k");
        int dk = q.size(1);
        if (k.size(1) != dk) {
            throw new IllegalArgumentException("k must have rows of length " + dk + " like q " + Shapes.of(q)
                    + ", but has shape " + Shapes.of(k));
        }
        if (dk == 0) {
            throw new IllegalArgumentException("d_k must be positive: q " + Shapes.of(q) + " and k "
                    + Shapes.of(k) + " have rows of length 0, and there is no scale 1 / sqrt(0)");
        }
        Tensor scores = Matrices.matmulTransposed(q, k);    // (T_q, T_k), fresh
        double scale = 1.0 / Math.sqrt(dk);
        for (int i = 0; i < scores.size(0); i++) {
            for (int j = 0; j < scores.size(1); j++) {
                scores.set(scores.get(i, j) * scale, i, j);
            }
        }
        return scores;
    }

    /** true exactly when j > i. */
    public static boolean[][] causalMask(int length) {
        Shapes.requireAtLeast(length, 0, "length");
        boolean[][] masked = new boolean[length][length];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < length; j++) {
                masked[i][j] = j > i;
            }
        }
        return masked;
    }

    /** softmax(Q K^T / sqrt(d_k)) V. */
    public static AttentionResult attend(Tensor q, Tensor k, Tensor v) {
        Tensor scores = scaledScores(q, k);
        requireValues(v, k);
        return weigh(scores, v);
    }

    /** Masked scores become -infinity before the softmax. */
    public static AttentionResult attend(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
        Tensor scores = scaledScores(q, k);
        requireValues(v, k);
        int tq = scores.size(0);
        int tk = scores.size(1);
        Shapes.requireMask(masked, tq, tk, "masked");
        if (masked != null) {
            for (int i = 0; i < tq; i++) {
                for (int j = 0; j < tk; j++) {
                    if (masked[i][j]) {
                        scores.set(Double.NEGATIVE_INFINITY, i, j);
                    }
                }
            }
        }
        return weigh(scores, v);
    }

    /** softmax(Q K^T / sqrt(d_k) + additiveMask) V. */
    public static AttentionResult attendWithAdditiveMask(Tensor q, Tensor k, Tensor v, Tensor additiveMask) {
        Tensor scores = scaledScores(q, k);
        requireValues(v, k);
        int tq = scores.size(0);
        int tk = scores.size(1);
        Shapes.requireShape(additiveMask, "additiveMask", tq, tk);
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j < tk; j++) {
                scores.set(scores.get(i, j) + additiveMask.get(i, j), i, j);
            }
        }
        return weigh(scores, v);
    }

    private static void requireValues(Tensor v, Tensor k) {
        Shapes.requireMatrix(v, "v");
        if (v.size(0) != k.size(0)) {
            throw new IllegalArgumentException("v must have one row per key, " + k.size(0) + " rows, but has shape "
                    + Shapes.of(v));
        }
    }

    /** Passes 3 and 4: softmax of the final scores, then weights times V. */
    private static AttentionResult weigh(Tensor scores, Tensor v) {
        Tensor weights = softmaxRows(scores);              // (T_q, T_k)
        Tensor output = Matrices.matmul(weights, v);       // (T_q, d_v)
        return new AttentionResult(output, weights);
    }
}
