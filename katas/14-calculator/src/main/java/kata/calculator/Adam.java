package kata.calculator;

import java.util.List;
import kata.support.Tensor;

/**
 * Adam (Kingma and Ba), as the paper trains the Transformer: for every parameter element θ with
 * gradient g, at step {@code t = 1, 2, ...},
 * <pre>
 *   m = beta1 m + (1 - beta1) g                 first moment, starts at 0
 *   v = beta2 v + (1 - beta2) g^2               second moment, starts at 0
 *   mhat = m / (1 - beta1^t)                    bias correction: m and v start at 0,
 *   vhat = v / (1 - beta2^t)                    so early averages are too small
 *   θ = θ - rate * mhat / (sqrt(vhat) + eps)
 * </pre>
 * At {@code t = 1}, {@code mhat = g} and {@code vhat = g^2}, so every element with a gradient of size well
 * above eps moves by almost exactly {@code rate}, against its gradient's sign. The moments are kept
 * per element, one pair of tensors per parameter.
 */
public final class Adam {

    /**
     * An optimizer of {@code parameters}, whose tensors it updates in place.
     *
     * @param parameters the live parameter tensors, as {@link Model#parameters()} returns them; the list is
     *     not modified
     * @param beta1      the first moment's decay, in {@code [0, 1)}
     * @param beta2      the second moment's decay, in {@code [0, 1)}
     * @param eps        added to {@code sqrt(vhat)}, above 0
     * @throws IllegalArgumentException when beta1 or beta2 is outside {@code [0, 1)} or NaN, or eps is not
     *     above 0 (the message names the argument and its value, as {@code beta2 must be in [0, 1), was 1.0})
     */
    public Adam(List<Tensor> parameters, double beta1, double beta2, double eps) {
        throw new UnsupportedOperationException("TODO(14): zero moments of the parameters' shapes");
    }

    /** Adam with the paper's betas (0.9, 0.98) and eps 1e-9. */
    public static Adam paper(List<Tensor> parameters) {
        throw new UnsupportedOperationException("TODO(14): the paper's betas and eps");
    }

    /**
     * One update of every parameter, in place, with the moments and {@code t = steps() + 1}.
     * The gradients are not modified.
     *
     * @param gradients one gradient per parameter, in the same order and of the same shape
     * @param rate      the learning rate, at least 0
     * @throws IllegalArgumentException when the gradient list has another size (the message gives both
     *     sizes), when a gradient has another shape than its parameter (naming its index, as
     *     {@code gradient 3}, and both shapes, as {@code [2, 3]}), or when rate is negative or NaN
     *     (naming rate); a rejected step changes nothing
     */
    public void step(List<Tensor> gradients, double rate) {
        throw new UnsupportedOperationException("TODO(14): update the moments and the parameters");
    }

    /** The number of steps taken, 0 before the first. */
    public int steps() {
        throw new UnsupportedOperationException("TODO(14): the steps taken");
    }
}
