package kata.backprop;

import kata.support.Tensor;

/**
 * The backward pass of a linear layer {@code y = x W + b}, with W stored {@code (d_in, d_out)} as in
 * {@code kata.support.Matrices.linear}.
 * <pre>
 *   y  = x W + b        (T, d_in) x (d_in, d_out) + (d_out) -> (T, d_out)
 *   given dy = dL/dy    (T, d_out)
 *   dx = dL/dx          (T, d_in)
 *   dW = dL/dW          (d_in, d_out)
 *   db = dL/db          (d_out)
 * </pre>
 * A batch {@code (B, T, d_in)} is {@code B * T} rows that all use the same W and b.
 *
 * <p>No argument is modified; every tensor argument may have any layout (read it with {@code get});
 * every gradient is a fresh row-major tensor. Empty axes as in PyTorch: no rows give a dx of the
 * same empty shape and dW, db of zeros.
 */
public final class LinearBackward {

    private LinearBackward() {
    }

    /**
     * The gradients of {@code y = x W + b} with respect to x, W and b.
     *
     * @param x      the layer's input, shape {@code (T, d_in)} or {@code (B, T, d_in)}; not modified
     * @param weight W, shape {@code (d_in, d_out)}; not modified (b is not needed: y is linear in it)
     * @param dy     the gradient of the loss with respect to y, shape of y {@code (..., d_out)}; not modified
     * @return fresh dx (shape of x), dW {@code (d_in, d_out)} and db {@code (d_out)}
     * @throws IllegalArgumentException when weight is not a matrix (the message names "weight" and
     *     its shape), when x is not of rank 2 or 3 or its last axis is not {@code d_in} (naming "x"
     *     and its shape), or when dy's shape is not y's (naming "dy", its shape and y's)
     */
    public static LinearGradients backward(Tensor x, Tensor weight, Tensor dy) {
        throw new UnsupportedOperationException("TODO(13): dx, dW and db of y = x W + b");
    }
}
