package kata.decoding;

import kata.support.Tensor;

/**
 * A layer norm's parameters, {@code (d)} each: {@code gamma (x - mean) / sqrt(var + eps) + beta} per
 * row, with the biased variance and {@code eps = 1e-5} inside the square root (kata 04).
 */
public record NormWeights(Tensor gamma, Tensor beta) {
}
