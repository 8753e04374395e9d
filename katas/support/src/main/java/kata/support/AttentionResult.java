package kata.support;

/**
 * What attention returns: its output and the weights that made it.
 *
 * @param output  the weighted values: {@code (T_q, d_v)} for one head, {@code (T_q, d)} for multi-head
 *     attention after its output projection
 * @param weights {@code softmax(Q K^T / sqrt(d_k) + mask)}: {@code (T_q, T_k)} for one head,
 *     {@code (h, T_q, T_k)} for multi-head attention (head {@code i}'s at index {@code i}); every row
 *     sums to 1 and a masked key gets exactly 0
 */
public record AttentionResult(Tensor output, Tensor weights) {
}
