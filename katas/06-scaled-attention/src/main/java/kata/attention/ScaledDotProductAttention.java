package kata.attention;

import kata.support.AttentionResult;
import kata.support.Tensor;

/**
 * Scaled dot-product attention: every query row asks every key row how well they match, and takes
 * that much of the key's value row.
 * <pre>
 *   scores  = Q K^T / sqrt(d_k) + mask      (T_q, d_k) x (T_k, d_k) -> (T_q, T_k)
 *   weights = softmax of each row of scores (T_q, T_k), each row sums to 1
 *   output  = weights V                     (T_q, T_k) x (T_k, d_v) -> (T_q, d_v)
 * </pre>
 * {@code d_k} is the width of the queries and keys; the values may have another width {@code d_v}.
 *
 * <p>Masks: a boolean mask holds {@code true} where a query must NOT look (the PyTorch convention
 * of {@code attn_mask}); an additive mask is added to the scaled scores. Either way a masked score
 * is {@code -infinity} before the softmax, so its weight is exactly 0 and the row still sums to 1.
 * A query row with no key left to look at has no softmax: that is an error, never a row of NaN.
 *
 * <p>Every tensor argument may have any layout (offsets, transposed strides, steps, stride-0
 * broadcast axes): read it with {@code get}. No argument is modified; every result is a fresh
 * row-major tensor.
 */
public final class ScaledDotProductAttention {

    private ScaledDotProductAttention() {
    }

    /**
     * Softmax along each row: {@code weights[i][j] = exp(s[i][j] - m_i) / sum_j' exp(s[i][j'] - m_i)}
     * with {@code m_i} the largest score of row {@code i}. Subtracting the row max changes nothing
     * mathematically and keeps {@code exp} at most 1, so logits of {@code 1e4} give no infinity and
     * no NaN. A score of {@code -infinity} gets weight exactly 0. Zero rows give a result of shape
     * {@code (0, T_k)}.
     *
     * @param scores shape {@code (T_q, T_k)}; entries finite or {@code -infinity}; not modified
     * @return a fresh row-major tensor of shape {@code (T_q, T_k)}, each row summing to 1
     * @throws IllegalArgumentException when {@code scores} is not a matrix (the message names its
     *     shape), or when a row has no finite score (all {@code -infinity}, or {@code T_k = 0}); the
     *     message names that row, e.g. "row 2"
     */
    public static Tensor softmaxRows(Tensor scores) {
        throw new UnsupportedOperationException("TODO(06): softmax of each row, shifted by the row max");
    }

    /**
     * The scaled scores {@code Q K^T / sqrt(d_k)}: entry {@code (i, j)} is the dot product of query
     * row {@code i} with key row {@code j}, divided by the square root of their width {@code d_k}.
     *
     * @param q queries, shape {@code (T_q, d_k)}; not modified
     * @param k keys, shape {@code (T_k, d_k)}; not modified
     * @return a fresh row-major tensor of shape {@code (T_q, T_k)}
     * @throws IllegalArgumentException when {@code q} or {@code k} is not a matrix (the message names
     *     it and its shape), when the rows of {@code k} are not as long as those of {@code q} (the
     *     message names {@code k} and its shape), or when {@code d_k = 0} (the message names "d_k")
     */
    public static Tensor scaledScores(Tensor q, Tensor k) {
        throw new UnsupportedOperationException("TODO(06): Q K^T divided by sqrt(d_k)");
    }

    /**
     * The causal mask of a sequence of {@code length} tokens: {@code masked[i][j]} is {@code true}
     * exactly when {@code j > i}, so that position {@code i} sees positions {@code 0..i} (itself
     * included) and none after it. {@code length = 0} gives an empty array.
     *
     * @return a fresh {@code length x length} array, {@code true} = masked
     * @throws IllegalArgumentException when {@code length} is negative (the message names "length")
     */
    public static boolean[][] causalMask(int length) {
        throw new UnsupportedOperationException("TODO(06): true strictly above the diagonal");
    }

    /**
     * Attention without a mask: {@code softmax(Q K^T / sqrt(d_k)) V}. {@code T_q = 0} gives an output
     * of shape {@code (0, d_v)} and weights of shape {@code (0, T_k)}; {@code d_v = 0} an output of
     * shape {@code (T_q, 0)}.
     *
     * @param q queries, shape {@code (T_q, d_k)}; not modified
     * @param k keys, shape {@code (T_k, d_k)}; not modified
     * @param v values, shape {@code (T_k, d_v)}; not modified
     * @return fresh row-major output {@code (T_q, d_v)} and weights {@code (T_q, T_k)}
     * @throws IllegalArgumentException as {@link #scaledScores} for {@code q} and {@code k}; when
     *     {@code v} is not a matrix or has not {@code T_k} rows (the message names {@code v} and its
     *     shape); as
     *     {@link #softmaxRows} when {@code T_k = 0} and {@code T_q > 0}
     */
    public static AttentionResult attend(Tensor q, Tensor k, Tensor v) {
        throw new UnsupportedOperationException("TODO(06): scaled scores, row softmax, weights times V");
    }

    /**
     * Attention with a boolean mask: where {@code masked[i][j]} is {@code true}, score {@code (i, j)}
     * becomes {@code -infinity} before the softmax, so query {@code i} gives key {@code j} weight
     * exactly 0 and the rest of its row still sums to 1.
     *
     * @param masked shape {@code [T_q][T_k]}, {@code true} = masked, or {@code null} for no mask (as
     *     {@link #attend(Tensor, Tensor, Tensor)}); not modified
     * @throws IllegalArgumentException as {@link #attend(Tensor, Tensor, Tensor)}; when {@code masked}
     *     is not {@code T_q x T_k} (the message names "masked" and {@code [T_q, T_k]} as
     *     {@code Arrays.toString} prints it); when a query row is masked at every key (the message
     *     names the row, e.g. "row 2")
     */
    public static AttentionResult attend(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
        throw new UnsupportedOperationException("TODO(06): masked scores become -infinity before the softmax");
    }

    /**
     * Attention with an additive mask: {@code softmax(Q K^T / sqrt(d_k) + additiveMask) V}, the mask
     * added once to the scaled scores. An entry of {@code -infinity} masks (weight exactly 0), 0
     * leaves the score alone, any other finite value shifts it.
     *
     * @param additiveMask shape {@code (T_q, T_k)}, finite or {@code -infinity}, any layout; not modified
     * @throws IllegalArgumentException as {@link #attend(Tensor, Tensor, Tensor)}; when
     *     {@code additiveMask} does not have shape {@code (T_q, T_k)} (the message names
     *     "additiveMask", its shape and the expected one); when a query row is masked at every key
     *     (the message names the row)
     */
    public static AttentionResult attendWithAdditiveMask(Tensor q, Tensor k, Tensor v, Tensor additiveMask) {
        throw new UnsupportedOperationException("TODO(06): add the mask to the scaled scores, then softmax");
    }
}
