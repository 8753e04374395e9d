package kata.attention;

import kata.support.AttentionResult;
import kata.support.Matrices;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Scaled dot-product attention, {@code softmax(Q K^T / sqrt(d_k) + mask) V}, in four passes:
 * scores, mask, row softmax, weighted values.
 *
 * <p>Known mistakes: {@code reference/known-wrong/06-scaled-attention/}.
 */
public final class ScaledDotProductAttention {

    private ScaledDotProductAttention() {
    }

    /** Softmax along each row of a matrix, shifted by the row max; -infinity gives exactly 0. */
    public static Tensor softmaxRows(Tensor scores) {
        Shapes.requireMatrix(scores, "scores");
        int rows = scores.size(0);
        int columns = scores.size(1);
        Tensor weights = Tensor.zeros(rows, columns); // (T_q, T_k)
        for (int i = 0; i < rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < columns; j++) {
                max = Math.max(max, scores.get(i, j));
            }
            if (max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("row " + i + " of scores " + Shapes.of(scores)
                        + " has no finite score (every key masked, or no keys): its softmax is undefined");
            }
            double sum = 0.0;
            for (int j = 0; j < columns; j++) {
                double e = Math.exp(scores.get(i, j) - max); // <= 1: no overflow at logits of 1e4
                weights.set(e, i, j);
                sum += e;
            }
            for (int j = 0; j < columns; j++) {
                weights.set(weights.get(i, j) / sum, i, j);
            }
        }
        return weights;
    }

    /** {@code Q K^T / sqrt(d_k)}: {@code (T_q, d_k) x (T_k, d_k) -> (T_q, T_k)}. */
    public static Tensor scaledScores(Tensor q, Tensor k) {
        Shapes.requireMatrix(q, "q");
        Shapes.requireMatrix(k, "k");
        Shapes.requireLastAxis(k, q.size(1), "k");     // keys as wide as the queries: d_k
        Shapes.requireAtLeast(q.size(1), 1, "d_k");    // 1 / sqrt(0) is no scale
        Tensor scores = Matrices.matmulTransposed(q, k); // (T_q, T_k)
        double scale = 1.0 / Math.sqrt(q.size(1));     // sqrt of d_k, the width of q and k (not of v)
        for (int i = 0; i < scores.size(0); i++) {
            for (int j = 0; j < scores.size(1); j++) {
                scores.set(scores.get(i, j) * scale, i, j);
            }
        }
        return scores;
    }

    /** {@code masked[i][j] = j > i}: query {@code i} sees keys {@code 0..i}, itself included. */
    public static boolean[][] causalMask(int length) {
        Shapes.requireAtLeast(length, 0, "length");
        boolean[][] masked = new boolean[length][length];
        for (int j = 1; j < length; j++) {
            for (int i = 0; i < j; i++) {
                masked[i][j] = true; // strictly above the diagonal: key j is in query i's future
            }
        }
        return masked;
    }

    /** Attention without a mask. */
    public static AttentionResult attend(Tensor q, Tensor k, Tensor v) {
        return attend(q, k, v, null);
    }

    /** Attention with a boolean mask, {@code true} = masked; {@code null} masks nothing. */
    public static AttentionResult attend(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
        Tensor scores = scaledScores(q, k); // (T_q, T_k)
        Shapes.requireMask(masked, scores.size(0), scores.size(1), "masked");
        if (masked != null) {
            for (int i = 0; i < scores.size(0); i++) {
                for (int j = 0; j < scores.size(1); j++) {
                    if (masked[i][j]) {
                        scores.set(Double.NEGATIVE_INFINITY, i, j); // before the softmax, so the row still sums to 1
                    }
                }
            }
        }
        return weigh(scores, v);
    }

    /** Attention with an additive mask, added to the scaled scores; -infinity masks. */
    public static AttentionResult attendWithAdditiveMask(Tensor q, Tensor k, Tensor v, Tensor additiveMask) {
        Tensor scores = scaledScores(q, k); // (T_q, T_k)
        Shapes.requireShape(additiveMask, "additiveMask", scores.shape());
        for (int i = 0; i < scores.size(0); i++) {
            for (int j = 0; j < scores.size(1); j++) {
                scores.set(scores.get(i, j) + additiveMask.get(i, j), i, j); // added once: scores + mask
            }
        }
        return weigh(scores, v);
    }

    /** Passes 3 and 4: the row softmax of the scores, then {@code weights V}. */
    private static AttentionResult weigh(Tensor scores, Tensor v) {
        Shapes.requireMatrix(v, "v");
        Shapes.requireShape(v, "v", scores.size(1), v.size(1)); // one value row per key: T_k rows
        Tensor weights = softmaxRows(scores);         // (T_q, T_k)
        Tensor output = Matrices.matmul(weights, v);  // (T_q, T_k) x (T_k, d_v) -> (T_q, d_v)
        return new AttentionResult(output, weights);
    }
}
