package kata.backprop;

import kata.support.Tensor;

/**
 * The backward pass of a row softmax {@code s = softmax(x)} over the last axis, from the saved output
 * {@code s}: {@code dx = s * (dy - sum(dy * s))}, the sum taken per row. Every output of a row
 * depends on every input of that row (they share the normalizer), hence the subtracted sum.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>Without the subtracted sum, {@code dx = s * dy}:
 *       {@code ActivationBackwardSpec#aSoftmaxOfTwoLogitsHasHandComputedGradients}.</li>
 *   <li>The sum over the whole tensor, not per row: {@code ActivationBackwardSpec#eachRowUsesItsOwnSum}.</li>
 * </ul>
 */
public final class SoftmaxBackward {

    private SoftmaxBackward() {
    }

    /** dx of a row softmax whose saved output is {@code s}, shape {@code (..., n)}. */
    public static Tensor backward(Tensor s, Tensor dy) {
        if (s.rank() == 0) {
            throw new IllegalArgumentException("s must have at least one axis, but has shape " + Rows.shape(s));
        }
        Rows.requireSameShape("dy", dy, "s", s);
        Tensor dx = Tensor.zeros(s.shape());             // (..., n)
        for (int row = 0; row < Rows.count(s); row++) {
            double[] sRow = Rows.read(s, row);           // (n)
            double[] dyRow = Rows.read(dy, row);         // (n)
            double dot = 0.0;                            // sum(dy * s): how much of dy every output shares
            for (int k = 0; k < sRow.length; k++) {
                dot += dyRow[k] * sRow[k];
            }
            double[] dxRow = new double[sRow.length];
            for (int k = 0; k < sRow.length; k++) {
                dxRow[k] = sRow[k] * (dyRow[k] - dot);
            }
            Rows.write(dx, row, dxRow);
        }
        return dx;
    }
}
