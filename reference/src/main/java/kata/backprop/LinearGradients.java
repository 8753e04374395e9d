package kata.backprop;

import kata.support.Tensor;

/**
 * The gradients of a linear layer {@code y = x W + b}.
 *
 * @param dx      the gradient with respect to the input, shape of x {@code (..., d_in)}
 * @param dWeight the gradient with respect to W, shape {@code (d_in, d_out)}
 * @param dBias   the gradient with respect to b, shape {@code (d_out)}
 */
public record LinearGradients(Tensor dx, Tensor dWeight, Tensor dBias) {
}
