package kata.multihead;

import java.util.random.RandomGenerator;
import kata.support.AttentionResult;
import kata.support.Tensor;

/**
 * Multi-head attention: {@code h} attentions side by side, each on its own slice of learned
 * projections.
 * <pre>
 *   Q = query W_Q + b_Q      (T_q, d)        K = key W_K + b_K      (T_k, d)
 *   V = value W_V + b_V      (T_k, d)        d_k = d / h
 *   head_i = Attention(Q_i, K_i, V_i, mask)  (T_q, d_k)   Q_i = columns i d_k .. (i + 1) d_k - 1 of Q
 *   output = concat(head_0, ..., head_{h-1}) W_O + b_O    (T_q, d)
 * </pre>
 * Each head attends with the scale {@code 1 / sqrt(d_k)} of its own width (the {@link HeadAttention}
 * applies it). Self-attention passes one sequence as query, key and value; cross-attention takes
 * the queries from one sequence ({@code T_q} rows) and keys and values from another ({@code T_k} rows).
 * {@link kata.support.HeadViews} splits a projection {@code (T, d)} into heads {@code (h, T, d_k)},
 * gives one head as a view, stacks the heads' results and merges them back (kata 03 taught these).
 *
 * <p>The parameters are plain tensors in a {@link MultiHeadWeights} record, read with
 * {@link #weights()} and replaced with {@link #setWeights}: a trainer computes their gradients and
 * updates them, a spec sets PyTorch's. Every tensor argument may have any layout (read it with
 * {@code get}) and is never modified; every result is fresh and row-major.
 */
public final class MultiHeadAttention {

    /**
     * A layer of {@code numHeads} heads over a model width {@code dModel}, its weights drawn by
     * {@link #initial} from {@code random}, each head computed by {@code head}.
     *
     * @throws IllegalArgumentException when {@code dModel} or {@code numHeads} is less than 1 (the
     *     message names it), or when {@code dModel} is not divisible by {@code numHeads} (the message
     *     names both numbers)
     */
    public MultiHeadAttention(int dModel, int numHeads, RandomGenerator random, HeadAttention head) {
        throw new UnsupportedOperationException("TODO(07): check d and h, draw the weights, keep the head");
    }

    /**
     * Fresh weights for a model width {@code d}: every entry of the four weights {@code (d, d)} and
     * the four biases {@code (d)} drawn uniformly from {@code [-1/sqrt(d), 1/sqrt(d))} with
     * {@code random.nextDouble(-bound, bound)}, the default of PyTorch's {@code nn.Linear}. Every entry
     * is a draw of its own, so no two of the eight tensors are equal; the order of the draws is yours.
     *
     * @return fresh row-major tensors; the same seed gives the same weights
     */
    public static MultiHeadWeights initial(int dModel, RandomGenerator random) {
        throw new UnsupportedOperationException("TODO(07): uniform in [-1/sqrt(d), 1/sqrt(d)) for all eight tensors");
    }

    /** The current parameters, the very tensors the layer computes with (no copies). */
    public MultiHeadWeights weights() {
        throw new UnsupportedOperationException("TODO(07): return the current weights");
    }

    /**
     * Replaces every parameter; the layer computes with these tensors (kept, not copied) from now on.
     *
     * @throws IllegalArgumentException when a weight is not {@code (d, d)} or a bias not {@code (d)};
     *     the message names the record component (e.g. "valueBias") and its shape
     */
    public void setWeights(MultiHeadWeights weights) {
        throw new UnsupportedOperationException("TODO(07): check the eight shapes, keep the weights");
    }

    /** The number of parameters: {@code 4 d^2 + 4 d}, whatever the number of heads. */
    public long parameterCount() {
        throw new UnsupportedOperationException("TODO(07): count the elements of the eight tensors");
    }

    /**
     * Multi-head attention of {@code query} on {@code key} and {@code value}.
     *
     * @param query  shape {@code (T_q, d)}; not modified
     * @param key    shape {@code (T_k, d)}; not modified
     * @param value  shape {@code (T_k, d)}; not modified
     * @param masked {@code [T_q][T_k]}, {@code true} = masked, given unchanged to every head; or
     *     {@code null} for no mask
     * @return the output {@code (T_q, d)} and every head's weights {@code (h, T_q, T_k)}, head {@code i}'s
     *     at index {@code i}
     * @throws IllegalArgumentException when {@code query}, {@code key} or {@code value} is not a matrix
     *     with {@code d} columns, or {@code value} has not as many rows as {@code key} (the message
     *     names the argument and its shape), or when {@code masked} is not {@code T_q x T_k} (the
     *     message names "masked" and {@code [T_q, T_k]})
     */
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, boolean[][] masked) {
        throw new UnsupportedOperationException("TODO(07): project, split into heads, attend per head, merge, project");
    }
}
