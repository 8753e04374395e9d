package kata.multihead;

import kata.support.Tensor;

/**
 * What multi-head attention returns.
 *
 * @param output  {@code concat(head_0, ..., head_{h-1}) W_O + b_O}, shape {@code (T_q, d)}
 * @param weights every head's attention weights, shape {@code (h, T_q, T_k)}: {@code weights[i]} is
 *     head {@code i}'s (PyTorch's {@code need_weights=True, average_attn_weights=False})
 */
public record MultiHeadResult(Tensor output, Tensor weights) {
}
