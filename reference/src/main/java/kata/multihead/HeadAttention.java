package kata.multihead;

import kata.support.AttentionResult;
import kata.support.Tensor;

/**
 * Single-head scaled dot-product attention, as multi-head attention uses it once per head: kata 06's
 * {@code ScaledDotProductAttention::attend} is one implementation, a spec's stand-in another.
 */
@FunctionalInterface
public interface HeadAttention {

    /**
     * {@code softmax(q k^T / sqrt(d_k), masked) v}.
     *
     * @param q      one head's queries, shape {@code (T_q, d_k)}
     * @param k      one head's keys, shape {@code (T_k, d_k)}
     * @param v      one head's values, shape {@code (T_k, d_k)}
     * @param masked {@code [T_q][T_k]}, {@code true} = masked, or {@code null} for no mask
     * @return the head's output {@code (T_q, d_k)} and weights {@code (T_q, T_k)}
     */
    AttentionResult attend(Tensor q, Tensor k, Tensor v, boolean[][] masked);
}
