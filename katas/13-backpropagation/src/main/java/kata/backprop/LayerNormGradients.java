package kata.backprop;

import kata.support.Tensor;

/**
 * The gradients of layer norm {@code y = gamma * xhat + beta}.
 *
 * @param dx     shape of x {@code (..., d)}
 * @param dGamma shape {@code (d)}
 * @param dBeta  shape {@code (d)}
 */
public record LayerNormGradients(Tensor dx, Tensor dGamma, Tensor dBeta) {
}
