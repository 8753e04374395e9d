package kata.dropout;

import java.util.random.RandomGenerator;
import kata.support.Tensor;

/**
 * Inverted dropout: in training each unit is dropped (set to 0) with probability p and each kept
 * unit is scaled by {@code 1 / (1 - p)}, so that the expected output equals the input and nothing
 * needs rescaling at inference, where dropout is the identity.
 *
 * <p>One walk over the indices of x in row-major order draws one {@code nextDouble()} per element
 * (in training only), decides drop or keep, and writes the mask and the output at that index.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>Forgetting the 1 / (1 - p) scale, so that the expected output shrinks to (1 - p) x:
 *       {@code DropoutSpec#keptUnitsAreScaledByOneOverOneMinusP},
 *       {@code DropoutProperties#theMeanOverManyMasksApproachesX}.</li>
 *   <li>Scaling by (1 - p) instead of dividing by it:
 *       {@code DropoutSpec#keptUnitsAreScaledByOneOverOneMinusP}.</li>
 *   <li>Dropping with probability 1 - p (keeping when the draw is below p):
 *       {@code DropoutSpec#aUnitIsDroppedWhenItsDrawIsBelowP},
 *       {@code DropoutProperties#theKeptFractionIsWithinFiveSigmaOfOneMinusP}.</li>
 *   <li>Dropping in evaluation mode too: {@code DropoutSpec#evaluationIsTheIdentity}.</li>
 *   <li>Writing the output into x: {@code DropoutSpec#neitherModeModifiesItsInput}.</li>
 *   <li>Dividing by 1 - p unconditionally, so that p = 1 gives 0 / 0 = NaN:
 *       {@code DropoutSpec#pOneDropsEverythingWithoutDividingByZero}.</li>
 *   <li>Returning x itself in evaluation mode: {@code DropoutSpec#neitherModeModifiesItsInput}.</li>
 *   <li>Reading x's storage in order instead of through {@code get}, so that the mask of a view
 *       meets the wrong elements: {@code DropoutSpec#theMaskFollowsTheIndicesOfAViewNotItsStorage}.</li>
 *   <li>Dropping on a draw equal to p ({@code u <= p}), which drops at p = 0:
 *       {@code DropoutSpec#aDrawEqualToPKeepsItsUnit}.</li>
 *   <li>A check {@code p < 0 || p > 1}, which lets NaN through:
 *       {@code DropoutSpec#aProbabilityOutsideZeroToOneIsRejected}.</li>
 * </ul>
 *
 * @param p the probability of dropping each unit, in [0, 1]; 0.1 in the paper
 */
public record Dropout(double p) {

    /** Checks that p is a probability. */
    public Dropout {
        if (!(p >= 0.0 && p <= 1.0)) {                  // written so that NaN fails it too
            throw new IllegalArgumentException("p = " + p + " is not a probability in [0, 1]");
        }
    }

    /** Drops and scales (training) or copies (evaluation) x, shape {@code (...)}, into fresh tensors. */
    public Dropped apply(Tensor x, Mode mode, RandomGenerator random) {
        int[] shape = x.shape();                        // (...): output and mask have x's shape
        Tensor output = Tensor.zeros(shape);
        Tensor mask = Tensor.zeros(shape);
        boolean training = mode == Mode.TRAINING;
        double kept = training ? 1.0 / (1.0 - p) : 1.0; // infinite at p = 1, but then no unit is kept
        int[] index = new int[shape.length];
        for (int i = 0; i < x.elementCount(); i++) {
            // Evaluation draws nothing; in training a draw below p drops the unit.
            double factor = training && random.nextDouble() < p ? 0.0 : kept;
            mask.set(factor, index);
            output.set(x.get(index) * factor, index);   // get() follows strides and offset: any layout
            advance(index, shape);
        }
        return new Dropped(output, mask);
    }

    /** Steps a row-major index to the next position of {@code shape} (the last coordinate fastest). */
    private static void advance(int[] index, int[] shape) {
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (++index[axis] < shape[axis]) {
                return;
            }
            index[axis] = 0;
        }
    }
}
