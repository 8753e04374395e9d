package kata.multihead;

import kata.support.Tensor;

/**
 * What one head returns.
 *
 * @param output  shape {@code (T_q, d_k)}
 * @param weights shape {@code (T_q, T_k)}, each row summing to 1
 */
public record HeadResult(Tensor output, Tensor weights) {
}
