package kata.decoding;

import kata.support.Tensor;

/**
 * The feed-forward network's parameters: {@code FFN(x) = max(0, x W1 + b1) W2 + b2} with W1
 * {@code (d, d_ff)}, b1 {@code (d_ff)}, W2 {@code (d_ff, d)}, b2 {@code (d)} (kata 09).
 */
public record FeedForwardWeights(Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
}
