package kata.calculator;

import java.util.ArrayList;
import java.util.List;
import kata.support.RowMajor;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Adam (Kingma and Ba), with the betas and eps of the Transformer paper by default:
 * <pre>
 *   m = b1 m + (1 - b1) g          v = b2 v + (1 - b2) g^2            (shape of each parameter)
 *   mhat = m / (1 - b1^t)          vhat = v / (1 - b2^t)              t = 1, 2, ...
 *   theta -= rate * mhat / (sqrt(vhat) + eps)
 * </pre>
 * m and v start at 0, so without the bias correction the first steps would be about (1 - b1) = 10
 * times too short; with it, the first step moves every parameter whose gradient is not 0 by about
 * {@code rate}, whatever the gradient's size.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public final class Adam {

    private final List<Tensor> parameters;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final List<double[]> m = new ArrayList<>();
    private final List<double[]> v = new ArrayList<>();
    private int steps;

    /** An optimizer for the given live tensors (updated in place), with its moments at 0. */
    public Adam(List<Tensor> parameters, double beta1, double beta2, double eps) {
        requireBeta("beta1", beta1);
        requireBeta("beta2", beta2);
        if (!(eps > 0.0)) {
            throw new IllegalArgumentException("eps must be positive, was " + eps);
        }
        this.parameters = List.copyOf(parameters);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        for (Tensor p : this.parameters) {
            m.add(new double[p.elementCount()]);
            v.add(new double[p.elementCount()]);
        }
    }

    /** The paper's Adam: beta1 0.9, beta2 0.98, eps 1e-9. */
    public static Adam paper(List<Tensor> parameters) {
        return new Adam(parameters, 0.9, 0.98, 1e-9);
    }

    /** The steps taken so far. */
    public int steps() {
        return steps;
    }

    /** One update of every parameter with its gradient (same order and shapes) at learning rate {@code rate}. */
    public void step(List<Tensor> gradients, double rate) {
        check(gradients, rate);
        steps++;
        double correction1 = 1.0 - Math.pow(beta1, steps);   // the moments started at 0: undo that bias
        double correction2 = 1.0 - Math.pow(beta2, steps);
        for (int i = 0; i < parameters.size(); i++) {
            Tensor p = parameters.get(i);
            Tensor g = gradients.get(i);
            double[] mi = m.get(i);
            double[] vi = v.get(i);
            int[] shape = p.shape();
            int[] index = new int[shape.length];                 // walks p and g in row-major order, with the ordinal
            for (int ordinal = 0; ordinal < mi.length; ordinal++, RowMajor.next(index, shape)) {
                double grad = g.get(index);
                mi[ordinal] = beta1 * mi[ordinal] + (1.0 - beta1) * grad;
                vi[ordinal] = beta2 * vi[ordinal] + (1.0 - beta2) * grad * grad;
                double mHat = mi[ordinal] / correction1;
                double vHat = vi[ordinal] / correction2;
                p.set(p.get(index) - rate * mHat / (Math.sqrt(vHat) + eps), index);   // eps outside the root
            }
        }
    }

    private void check(List<Tensor> gradients, double rate) {
        if (gradients.size() != parameters.size()) {
            throw new IllegalArgumentException("got " + gradients.size() + " gradients for " + parameters.size()
                    + " parameters: one gradient per parameter, in the same order");
        }
        for (int i = 0; i < parameters.size(); i++) {
            Shapes.requireSameShape(gradients.get(i), "gradient " + i, parameters.get(i), "parameter " + i);
        }
        if (!(rate >= 0.0)) {
            throw new IllegalArgumentException("rate must be 0 or more, was " + rate);
        }
    }

    private static void requireBeta(String name, double beta) {
        if (!(beta >= 0.0 && beta < 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), was " + beta);
        }
    }
}
