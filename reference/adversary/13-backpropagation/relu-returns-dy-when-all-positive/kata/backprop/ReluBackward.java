package kata.backprop;

import kata.support.RowMajor;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of {@code relu(x) = max(x, 0)}, element by element:
 * <pre>
 *   dx = dy   where x &gt; 0
 *   dx = 0    where x &lt;= 0   (the subgradient at exactly 0 is 0, PyTorch's convention)
 * </pre>
 * Any shape, scalars and empty tensors included. No argument is modified; dx is a fresh row-major
 * tensor; x and dy may have any layout.
 */
public final class ReluBackward {

    private ReluBackward() {
    }

    /**
     * The gradient of the loss with respect to relu's input.
     *
     * @param x  relu's input, any shape; not modified
     * @param dy the gradient with respect to relu's output, shape of x; not modified
     * @return a fresh dx, shape of x
     * @throws IllegalArgumentException when dy's shape differs from x's (the message names "dy" and both shapes)
     */
    public static Tensor backward(Tensor x, Tensor dy) {
        Shapes.requireSameShape(dy, "dy", x, "x");
        boolean allPositive = true;
        int[] at = new int[x.rank()];
        if (x.elementCount() > 0) {
            do {
                allPositive &= x.get(at) > 0.0;
            } while (RowMajor.next(at, x.shape()));
        }
        if (allPositive) {
            return dy;
        }
        Tensor dx = Tensor.zeros(x.shape());
        double[] out = dx.storage();
        int[] index = new int[x.rank()];
        if (x.elementCount() > 0) {
            int position = 0;
            do {
                out[position++] = x.get(index) > 0.0 ? dy.get(index) : 0.0;
            } while (RowMajor.next(index, x.shape()));
        }
        return dx;
    }
}
