package kata.backprop;

import kata.support.RowMajor;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of a softmax over the last axis, {@code s_i = exp(x_i) / sum_j exp(x_j)} per row.
 * It needs the forward pass's saved output {@code s}, not x:
 * <pre>
 *   ds_i/dx_j = s_i (delta_ij - s_j)
 *   dx_j      = sum_i dy_i ds_i/dx_j        per row of n values: (..., n) -> (..., n)
 * </pre>
 * Simplify the sum before you code it: the Jacobian never needs to be built.
 *
 * <p>No argument is modified; dx is a fresh row-major tensor; s and dy may have any layout. Rows of
 * no values ({@code n = 0}) and no rows give an empty dx of the same shape.
 */
public final class SoftmaxBackward {

    private SoftmaxBackward() {
    }

    /**
     * The gradient of the loss with respect to the softmax's input.
     *
     * @param s  the softmax's output, shape {@code (..., n)}, each row summing to 1; not modified
     * @param dy the gradient with respect to s, shape of s; not modified
     * @return a fresh dx, shape of s
     * @throws IllegalArgumentException when s is a scalar (the message names "s" and its shape) or
     *     dy's shape differs from s's (naming "dy" and both shapes)
     */
    public static Tensor backward(Tensor s, Tensor dy) {
        if (s.rank() == 0) {
            throw new IllegalArgumentException("s must have at least one axis, but has shape " + Shapes.of(s));
        }
        Shapes.requireSameShape(dy, "dy", s, "s");
        int[] shape = s.shape();
        int last = shape.length - 1;
        int n = shape[last];
        int rows = s.elementCount() / n;
        Tensor dx = Tensor.zeros(shape);
        if (rows == 0) {
            return dx;
        }
        double[] out = dx.storage();
        int[] index = new int[shape.length];
        for (int row = 0; row < rows; row++) {
            double dot = 0.0;
            for (int j = 0; j < n; j++) {
                index[last] = j;
                dot += dy.get(index) * s.get(index);
            }
            for (int j = 0; j < n; j++) {
                index[last] = j;
                out[row * n + j] = s.get(index) * (dy.get(index) - dot);
            }
            index[last] = 0;
            RowMajor.nextRow(index, shape);
        }
        return dx;
    }
}
