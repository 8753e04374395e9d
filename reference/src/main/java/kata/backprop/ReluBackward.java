package kata.backprop;

import kata.support.RowMajor;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of {@code relu(x) = max(x, 0)}: {@code dx = dy} where {@code x > 0}, else 0
 * (the subgradient at 0 is 0 by convention, as in PyTorch).
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/13-backpropagation/}.
 */
public final class ReluBackward {

    private ReluBackward() {
    }

    /** dx of relu at x, shape of x. */
    public static Tensor backward(Tensor x, Tensor dy) {
        Shapes.requireSameShape(dy, "dy", x, "x");
        Tensor dx = Tensor.zeros(x.shape());
        if (x.elementCount() == 0) {
            return dx;
        }
        int[] index = new int[x.rank()];
        do {
            if (x.get(index) > 0.0) {
                dx.set(dy.get(index), index);
            }
        } while (RowMajor.next(index, x.shape()));
        return dx;
    }
}
