package kata.backprop;

import kata.support.Tensor;

/**
 * The backward pass of kata 06's scaled dot-product attention:
 * <pre>
 *   S = Q K^T / sqrt(d_k) + mask     (T_q, d_k) x (T_k, d_k) -> (T_q, T_k)
 *   P = softmax of each row of S     (T_q, T_k), the weights the forward pass saved
 *   O = P V                          (T_q, T_k) x (T_k, d_v) -> (T_q, d_v)
 * </pre>
 * Given dO {@code (T_q, d_v)}, return dQ {@code (T_q, d_k)}, dK {@code (T_k, d_k)} and dV
 * {@code (T_k, d_v)}. The mask is constant: it reaches the backward pass only through P, whose
 * masked entries are exactly 0, so a masked key gets exactly no gradient from that query.
 *
 * <p>No argument is modified; every tensor may have any layout; the gradients are fresh row-major tensors.
 */
public final class AttentionBackward {

    private AttentionBackward() {
    }

    /**
     * The gradients of attention with respect to its queries, keys and values.
     *
     * @param q       queries, shape {@code (T_q, d_k)}; not modified
     * @param k       keys, shape {@code (T_k, d_k)}; not modified
     * @param v       values, shape {@code (T_k, d_v)}; not modified
     * @param weights P from the forward pass, shape {@code (T_q, T_k)}; not modified
     * @param dOutput dO, shape {@code (T_q, d_v)}; not modified
     * @return fresh dQ, dK and dV, shapes of q, k and v
     * @throws IllegalArgumentException when q, k or v is not a matrix (the message names it and its
     *     shape), when k's rows are not of q's length d_k (naming "k" and its shape), when v has not
     *     T_k rows (naming "v" and both shapes), or when weights or dOutput has the wrong shape (naming
     *     it, its shape and the expected one)
     */
    public static AttentionGradients backward(Tensor q, Tensor k, Tensor v, Tensor weights, Tensor dOutput) {
        throw new UnsupportedOperationException("TODO(13): dV, then dP, dS through the softmax, dQ and dK");
    }
}
