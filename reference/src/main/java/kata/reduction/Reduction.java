package kata.reduction;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Reductions over one axis of a tensor: sum, mean, max, argmax and (biased) variance.
 *
 * <p>Every reduction here is the same walk. Fix every coordinate except {@code a}: the
 * {@code s_a} elements left form a <em>lane</em>. The result holds one number per lane, and each
 * public method only says how a lane becomes that number ({@link #sumOf}, {@link #meanOf},
 * {@link #maxOf}, {@link #argmaxOf}, {@link #varianceOf}). Shapes, negative axes, layouts and
 * errors are handled once, in {@link #reduce} and the two axis checks.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>Dividing the variance by {@code n - 1} (the unbiased estimator of statistics textbooks and
 *       of {@code torch.var}'s default): {@code ReductionSpec#varianceDividesByTheLaneLength}.</li>
 *   <li>Ignoring {@code keepDim} and always dropping the axis:
 *       {@code ReductionSpec#keepDimKeepsTheAxisWithSizeOne}.</li>
 *   <li>Rejecting negative axes, or reading {@code -1} as axis 1 (right for a matrix by luck, wrong
 *       for rank 3): {@code ReductionSpec#negativeAxisCountsFromTheEnd},
 *       {@code ReductionSpec#negativeAxesOfA2x3x4TensorCountFromTheEnd}.</li>
 *   <li>Letting a later equal element take over the argmax ({@code >=} instead of {@code >}):
 *       {@code ReductionSpec#argmaxTiesGoToTheFirstPosition}.</li>
 *   <li>Starting the running max at 0: {@code ReductionSpec#maxOfNegativeRowsIsNegative}.</li>
 *   <li>Reading {@code storage()[i]} as if every tensor were fresh and row-major:
 *       {@code ReductionSpec#sumReadsATransposedViewThroughItsStrides},
 *       {@code ReductionSpec#sumReadsAViewThroughItsOffsetAndStep}.</li>
 *   <li>Dividing the mean by the number of elements in the whole tensor instead of the lane length:
 *       {@code ReductionSpec#meanIsTheSumDividedByTheLaneLength}.</li>
 *   <li>Letting an empty lane through, so that the mean is 0 / 0 = NaN and the max reads past the
 *       end: {@code ReductionSpec#reductionsOfAnEmptyAxisAreRejectedExceptSum}.</li>
 *   <li>Rejecting every tensor with no elements instead of only an empty lane (the mean over axis 0
 *       of a (2, 0) tensor is the empty tensor of shape (0)):
 *       {@code ReductionSpec#reducingAnotherAxisOfAnEmptyTensorGivesAnEmptyResult}.</li>
 *   <li>The one-pass variance {@code E[x^2] - E[x]^2}, which cancels when the mean is large:
 *       {@code ReductionSpec#varianceOfLargeValuesWithASmallSpread},
 *       {@code ReductionSpec#varianceOfAConstantLaneOfLargeValuesIsExactlyZero},
 *       {@code ReductionProperties#varianceDoesNotChangeWhenALargeConstantIsAdded}.</li>
 *   <li>Centring the input in place to compute the variance, destroying the caller's data:
 *       {@code ReductionSpec#reductionsLeaveTheirInputUntouched},
 *       {@code ReductionProperties#reductionsNeverModifyTheirInput}.</li>
 *   <li>Returning the input itself when the axis has size 1 and keepDim is set:
 *       {@code ReductionSpec#reducingAnAxisOfSizeOneStillGivesAFreshTensor}.</li>
 *   <li>Not checking the axis range, trusting the tensor to complain (it does not speak for you):
 *       {@code ReductionSpec#anAxisPastTheLastIsRejected},
 *       {@code ReductionSpec#everyReductionRejectsAnAxisOutOfRange}.</li>
 * </ul>
 *
 * <p>Each of these has a known-wrong implementation under
 * {@code reference/known-wrong/01-tensor-reduction/}, identical to this class but for the mistake.
 */
public final class Reduction {

    /** How one reduction turns a lane, the {@code s_a} values along the axis in order, into a number. */
    @FunctionalInterface
    private interface LaneReducer {
        double reduce(double[] lane);
    }

    private Reduction() {
    }

    /**
     * The sum of each lane: shape {@code (s_0, ..., s_{r-1})} becomes that shape without {@code s_a},
     * or with 1 in its place when {@code keepDim} is true.
     */
    public static Tensor sum(Tensor x, int axis, boolean keepDim) {
        return reduce(x, normalizeAxis(x, axis), keepDim, Reduction::sumOf);
    }

    /** The sum divided by the lane length {@code s_a}; same shapes as {@link #sum}. */
    public static Tensor mean(Tensor x, int axis, boolean keepDim) {
        return reduce(x, nonEmptyAxis("mean", x, axis), keepDim, Reduction::meanOf);
    }

    /** The largest element of each lane; same shapes as {@link #sum}. */
    public static Tensor max(Tensor x, int axis, boolean keepDim) {
        return reduce(x, nonEmptyAxis("max", x, axis), keepDim, Reduction::maxOf);
    }

    /** Where the largest element of each lane is, first position on a tie; same shapes as {@link #sum}. */
    public static Tensor argmax(Tensor x, int axis, boolean keepDim) {
        return reduce(x, nonEmptyAxis("argmax", x, axis), keepDim, Reduction::argmaxOf);
    }

    /** The biased variance {@code (1/n) sum (x_i - mean)^2} of each lane; same shapes as {@link #sum}. */
    public static Tensor variance(Tensor x, int axis, boolean keepDim) {
        return reduce(x, nonEmptyAxis("variance", x, axis), keepDim, Reduction::varianceOf);
    }

    /**
     * Collapses every lane along axis {@code a} (already normalized to {@code [0, rank)}) to one value.
     * The result is a fresh row-major tensor; {@code x} is only read.
     */
    private static Tensor reduce(Tensor x, int a, boolean keepDim, LaneReducer reducer) {
        int[] kept = x.shape();                         // (s_0, ..., s_a, ..., s_{r-1})
        int laneLength = kept[a];
        kept[a] = 1;                                    // (s_0, ..., 1, ..., s_{r-1}): one slot per lane
        double[] values = new double[elementCount(kept)];
        double[] lane = new double[laneLength];         // (s_a)
        int[] index = new int[kept.length];             // walks the kept shape, index[a] = 0 between lanes
        for (int slot = 0; slot < values.length; slot++) {
            for (int k = 0; k < laneLength; k++) {
                index[a] = k;
                lane[k] = x.get(index);                 // get() follows strides and offset: any layout works
            }
            index[a] = 0;
            values[slot] = reducer.reduce(lane);
            advance(index, kept);
        }
        // Removing a size-1 axis does not change row-major order, so both shapes take the same values.
        return Tensor.of(keepDim ? kept : withoutAxis(kept, a), values);
    }

    private static double sumOf(double[] lane) {
        double sum = 0.0;                               // the empty sum is 0: a size-0 axis is fine here
        for (double value : lane) {
            sum += value;
        }
        return sum;
    }

    private static double meanOf(double[] lane) {
        return sumOf(lane) / lane.length;               // n is the lane length s_a, not x.elementCount()
    }

    private static double maxOf(double[] lane) {
        double max = lane[0];                           // not 0: a lane of negatives has a negative max
        for (double value : lane) {
            if (value > max) {
                max = value;
            }
        }
        return max;
    }

    private static double argmaxOf(double[] lane) {
        int best = 0;
        for (int k = 1; k < lane.length; k++) {
            if (lane[k] > lane[best]) {                 // strictly greater: on a tie the first position stays
                best = k;
            }
        }
        return best;
    }

    /**
     * Two passes, the mean first and then the squared deviations from it. The one-pass
     * {@code E[x^2] - E[x]^2} is the same in exact arithmetic, but in doubles it cancels badly when
     * the mean is large next to the spread, and can even come out slightly negative.
     */
    private static double varianceOf(double[] lane) {
        double mean = meanOf(lane);
        double squares = 0.0;
        for (double value : lane) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return squares / lane.length;                   // biased: divide by n as layer norm does, not n - 1
    }

    /** The axis as an index in {@code [0, rank)}; negative axes count from the end (-1 is the last). */
    private static int normalizeAxis(Tensor x, int axis) {
        int rank = x.rank();
        if (axis < -rank || axis >= rank) {             // a scalar (rank 0) has no axis at all
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape "
                    + Arrays.toString(x.shape()));
        }
        return axis < 0 ? axis + rank : axis;
    }

    /** Like {@link #normalizeAxis}, and the axis must hold at least one element. */
    private static int nonEmptyAxis(String reduction, Tensor x, int axis) {
        int a = normalizeAxis(x, axis);
        if (x.size(a) == 0) {
            throw new IllegalArgumentException("the " + reduction + " over axis " + axis + " of shape "
                    + Arrays.toString(x.shape()) + " is undefined: the axis has size 0");
        }
        return a;
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

    private static int[] withoutAxis(int[] shape, int a) {
        int[] dropped = new int[shape.length - 1];
        System.arraycopy(shape, 0, dropped, 0, a);
        System.arraycopy(shape, a + 1, dropped, a, shape.length - a - 1);
        return dropped;
    }

    private static int elementCount(int[] shape) {
        int count = 1;
        for (int size : shape) {
            count *= size;
        }
        return count;
    }
}
