package kata.backprop;

import kata.support.Tensor;

/**
 * The backward pass of {@code relu(x) = max(x, 0)}: {@code dx = dy} where {@code x > 0}, else 0
 * (the subgradient at 0 is 0 by convention, as in PyTorch).
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>A gradient of 1 at {@code x = 0}: {@code ActivationBackwardSpec#theGradientAtZeroIsZero}.</li>
 *   <li>Applying relu to x in place to read the sign of the output:
 *       {@code ActivationBackwardSpec#xAndDyAreNotModified}.</li>
 * </ul>
 */
public final class ReluBackward {

    private ReluBackward() {
    }

    /** dx of relu at x, shape of x. */
    public static Tensor backward(Tensor x, Tensor dy) {
        Rows.requireSameShape("dy", dy, "x", x);
        Tensor dx = Tensor.zeros(x.shape());
        for (int ordinal = 0; ordinal < x.elementCount(); ordinal++) {
            int[] index = Rows.unravel(x.shape(), ordinal);
            if (x.get(index) > 0.0) {
                dx.set(dy.get(index), index);
            }
        }
        return dx;
    }
}
