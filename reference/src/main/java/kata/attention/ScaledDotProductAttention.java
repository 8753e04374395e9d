package kata.attention;

import java.util.Arrays;
import kata.support.Matrices;
import kata.support.Tensor;

/**
 * Scaled dot-product attention, {@code softmax(Q K^T / sqrt(d_k) + mask) V}, in four passes:
 * scores, mask, row softmax, weighted values.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>softmax without subtracting the row max: {@code exp(1e4)} is infinity and the row becomes
 *       NaN: {@code AttentionSpec#softmaxOfLargeLogitsIsFinite};</li>
 *   <li>dividing the scores by {@code d_k}, or by {@code sqrt(d_v)}, instead of {@code sqrt(d_k)}:
 *       {@code AttentionSpec#goldenVectorOfFourWords}, {@code AttentionSpec#scaleUsesTheWidthOfQueriesAndKeys};</li>
 *   <li>softmax down the columns instead of along each row:
 *       {@code AttentionSpec#softmaxRowsSumToOne};</li>
 *   <li>masking after the softmax (zeroing weights, so the row no longer sums to 1):
 *       {@code AttentionSpec#causalMaskExample};</li>
 *   <li>{@code scores += masked(scores)}, which doubles every unmasked score:
 *       {@code AttentionSpec#causalMaskExample};</li>
 *   <li>a fully masked row left to become NaN (or uniform, with -1e9 as the mask value):
 *       {@code AttentionSpec#fullyMaskedRowIsRejected}.</li>
 * </ul>
 */
public final class ScaledDotProductAttention {

    private ScaledDotProductAttention() {
    }

    /** Softmax along each row of a matrix, shifted by the row max; -infinity gives exactly 0. */
    public static Tensor softmaxRows(Tensor scores) {
        requireMatrix("scores", scores, "(T_q, T_k)");
        int rows = scores.size(0);
        int columns = scores.size(1);
        Tensor weights = Tensor.zeros(rows, columns); // (T_q, T_k)
        for (int i = 0; i < rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < columns; j++) {
                max = Math.max(max, scores.get(i, j));
            }
            if (max == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("row " + i + " of scores " + shape(scores)
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
        requireMatrix("q", q, "(T_q, d_k)");
        requireMatrix("k", k, "(T_k, d_k)");
        if (q.size(1) != k.size(1)) {
            throw new IllegalArgumentException("q " + shape(q) + " and k " + shape(k)
                    + " need rows of the same length d_k");
        }
        if (q.size(1) == 0) {
            throw new IllegalArgumentException("d_k must be at least 1, but q has shape " + shape(q)
                    + " and k " + shape(k));
        }
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
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, was " + length);
        }
        boolean[][] masked = new boolean[length][length];
        for (int j = 1; j < length; j++) {
            for (int i = 0; i < j; i++) {
                masked[i][j] = true; // strictly above the diagonal: key j is in query i's future
            }
        }
        return masked;
    }

    /** Attention without a mask. */
    public static Attention attend(Tensor q, Tensor k, Tensor v) {
        Tensor scores = scaledScores(q, k); // (T_q, T_k)
        return weigh(scores, v);
    }

    /** Attention with a boolean mask, {@code true} = masked. */
    public static Attention attend(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
        Tensor scores = scaledScores(q, k); // (T_q, T_k)
        requireMaskShape(masked, scores);
        for (int i = 0; i < scores.size(0); i++) {
            for (int j = 0; j < scores.size(1); j++) {
                if (masked[i][j]) {
                    scores.set(Double.NEGATIVE_INFINITY, i, j); // before the softmax, so the row still sums to 1
                }
            }
        }
        return weigh(scores, v);
    }

    /** Attention with an additive mask, added to the scaled scores; -infinity masks. */
    public static Attention attendWithAdditiveMask(Tensor q, Tensor k, Tensor v, Tensor additiveMask) {
        Tensor scores = scaledScores(q, k); // (T_q, T_k)
        if (!Arrays.equals(additiveMask.shape(), scores.shape())) {
            throw new IllegalArgumentException("additiveMask has shape " + shape(additiveMask)
                    + ", expected [T_q, T_k] = " + shape(scores));
        }
        for (int i = 0; i < scores.size(0); i++) {
            for (int j = 0; j < scores.size(1); j++) {
                scores.set(scores.get(i, j) + additiveMask.get(i, j), i, j); // added once: scores + mask
            }
        }
        return weigh(scores, v);
    }

    /** Passes 3 and 4: the row softmax of the scores, then {@code weights V}. */
    private static Attention weigh(Tensor scores, Tensor v) {
        requireMatrix("v", v, "(T_k, d_v)");
        if (v.size(0) != scores.size(1)) {
            throw new IllegalArgumentException("k has " + scores.size(1) + " rows but v has shape "
                    + shape(v) + ": k and v need the same number of rows T_k");
        }
        Tensor weights = softmaxRows(scores);         // (T_q, T_k)
        Tensor output = Matrices.matmul(weights, v);  // (T_q, T_k) x (T_k, d_v) -> (T_q, d_v)
        return new Attention(output, weights);
    }

    private static void requireMaskShape(boolean[][] masked, Tensor scores) {
        if (masked == null) {
            throw new IllegalArgumentException("masked must not be null: call attend(q, k, v) for no mask");
        }
        boolean fits = masked.length == scores.size(0);
        for (int i = 0; fits && i < masked.length; i++) {
            fits = masked[i].length == scores.size(1);
        }
        if (!fits) {
            throw new IllegalArgumentException("masked must be a " + scores.size(0) + " x " + scores.size(1)
                    + " array, [T_q, T_k] = " + shape(scores) + ", one row per query and one column per key");
        }
    }

    private static void requireMatrix(String name, Tensor t, String expected) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix " + expected + ", but has shape "
                    + shape(t));
        }
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
