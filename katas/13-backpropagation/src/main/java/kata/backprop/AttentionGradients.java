package kata.backprop;

import kata.support.Tensor;

/**
 * The gradients of scaled dot-product attention {@code O = softmax(Q K^T / sqrt(d_k) + mask) V}.
 *
 * @param dq shape {@code (T_q, d_k)}
 * @param dk shape {@code (T_k, d_k)}
 * @param dv shape {@code (T_k, d_v)}
 */
public record AttentionGradients(Tensor dq, Tensor dk, Tensor dv) {
}
