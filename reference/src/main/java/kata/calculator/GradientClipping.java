package kata.calculator;

import java.util.List;
import kata.support.RowMajor;
import kata.support.Tensor;

/**
 * Clipping by global norm: the gradients of all parameters seen as one long vector g; when
 * {@code |g| > maxNorm}, every gradient is scaled by {@code maxNorm / |g|}. The direction of the
 * step is kept (unlike clipping each value, or each tensor by its own norm); only its length is capped.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** Scales the gradients in place so that their global norm is at most {@code maxNorm}; the norm before. */
    public static double clip(List<Tensor> gradients, double maxNorm) {
        if (!(maxNorm > 0.0)) {
            throw new IllegalArgumentException("maxNorm must be positive, was " + maxNorm);
        }
        double squares = 0.0;
        for (Tensor g : gradients) {
            int[] shape = g.shape();
            int[] index = new int[shape.length];
            for (int ordinal = 0; ordinal < g.elementCount(); ordinal++, RowMajor.next(index, shape)) {
                double value = g.get(index);
                squares += value * value;                        // in row-major order, tensor after tensor
            }
        }
        double norm = Math.sqrt(squares);
        if (norm > maxNorm) {
            double scale = maxNorm / norm;
            for (Tensor g : gradients) {
                int[] shape = g.shape();
                int[] index = new int[shape.length];
                for (int ordinal = 0; ordinal < g.elementCount(); ordinal++, RowMajor.next(index, shape)) {
                    g.set(g.get(index) * scale, index);
                }
            }
        }
        return norm;
    }
}
