package kata.attention;

import kata.support.Tensor;

/**
 * The two results of scaled dot-product attention.
 *
 * @param output  {@code weights V}, shape {@code (T_q, d_v)}: row {@code i} is query {@code i}'s
 *     weighted average of the value rows
 * @param weights {@code softmax(Q K^T / sqrt(d_k) + mask)}, shape {@code (T_q, T_k)}: row {@code i}
 *     sums to 1, and a masked key gets exactly 0
 */
public record Attention(Tensor output, Tensor weights) {
}
