package kata.backprop;

import java.util.Arrays;

import kata.support.Shapes;
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
        Shapes.requireMatrix(weight, "weight");
        int dIn = weight.size(0);
        int dOut = weight.size(1);
        if (x.rank() != 2 && x.rank() != 3) {
            throw new IllegalArgumentException("x must have shape (T, d_in) or (B, T, d_in), but has shape "
                    + Shapes.of(x));
        }
        Shapes.requireLastAxis(x, dIn, "x");
        int[] yShape = x.shape();
        yShape[yShape.length - 1] = dOut;
        if (!Arrays.equals(dy.shape(), yShape)) {
            throw new IllegalArgumentException("dy has shape " + Shapes.of(dy) + ", but y has shape "
                    + Arrays.toString(yShape));
        }
        int batches = x.rank() == 3 ? x.size(0) : 1;
        int steps = x.rank() == 3 ? x.size(1) : x.size(0);

        Tensor dx = Tensor.zeros(x.shape());
        Tensor dW = Tensor.zeros(dIn, dOut);
        Tensor db = Tensor.zeros(dOut);
        double[] dxs = dx.storage();
        double[] dWs = dW.storage();
        double[] dbs = db.storage();
        int row = 0;
        for (int b = 0; b < batches; b++) {
            for (int t = 0; t < steps; t++, row++) {
                for (int j = 0; j < dOut; j++) {
                    double g = read(dy, b, t, j);
                    dbs[j] += g;
                }
                for (int i = 0; i < dIn; i++) {
                    double xi = read(x, b, t, i);
                    double sum = 0.0;
                    for (int j = 0; j < dOut; j++) {
                        double g = read(dy, b, t, j);
                        sum += g * weight.get(i, j);
                        dWs[i * dOut + j] += xi * g;
                    }
                    dxs[row * dIn + i] = sum;
                }
            }
        }
        return new LinearGradients(dx, dW, db);
    }

    /** Element (b, t, c) of a (B, T, d) tensor, or (t, c) of a (T, d) one. */
    private static double read(Tensor a, int b, int t, int c) {
        return a.rank() == 3 ? a.get(b, t, c) : a.get(t, c);
    }
}
