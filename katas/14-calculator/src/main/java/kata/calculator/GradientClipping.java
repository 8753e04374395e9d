package kata.calculator;

import java.util.List;
import kata.support.Tensor;

/**
 * Clipping by global norm: all gradients together form one vector, whose L2 norm
 * <pre>
 *   norm = sqrt(sum over every gradient tensor and every element of g^2)
 * </pre>
 * is limited to {@code maxNorm} by scaling every gradient by the same {@code maxNorm / norm}, so that the
 * update keeps its direction (clipping each tensor by its own norm would change it).
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /**
     * Scales every gradient in place by {@code maxNorm / norm} when {@code norm > maxNorm}, and leaves them
     * untouched otherwise ({@code maxNorm = Double.POSITIVE_INFINITY} never clips).
     *
     * @param gradients the gradients, any layouts; scaled in place; the list itself is not modified
     * @param maxNorm   the largest allowed global norm, above 0
     * @return the global norm before clipping
     * @throws IllegalArgumentException when maxNorm is not above 0 or is NaN (the message names maxNorm)
     */
    public static double clip(List<Tensor> gradients, double maxNorm) {
        throw new UnsupportedOperationException("TODO(14): the global norm, and scale every gradient above it");
    }
}
