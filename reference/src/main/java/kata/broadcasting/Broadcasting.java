package kata.broadcasting;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import kata.support.Tensor;

/**
 * Broadcasting: shapes lined up from the last axis, size 1 stretched, missing leading axes of size 1,
 * and the stretching done by stride 0 rather than by copying.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>lining the shapes up from the first axis instead of the last, so that {@code (3)} meets the 2
 *       of {@code (2, 3)}: {@code BroadcastingSpec#missingLeadingAxesCountAsOne},
 *       {@code BroadcastingSpec#aVectorLinesUpWithTheLastAxis};</li>
 *   <li>accepting any two sizes and keeping the larger, so that {@code (3)} with {@code (4)} "works":
 *       {@code BroadcastingSpec#differentSizesAboveOneDoNotBroadcast},
 *       {@code BroadcastingProperties#sizesThatDifferWithNeitherOneAreRejected};</li>
 *   <li>broadcasting to a shape both ways, so that {@code (2, 3)} "becomes" {@code (3)} or
 *       {@code (2, 1)}: {@code BroadcastingSpec#broadcastToNeverDropsAnAxis},
 *       {@code BroadcastingSpec#broadcastToNeverShrinksAnAxis};</li>
 *   <li>copying the repeated values instead of building a view:
 *       {@code BroadcastingSpec#broadcastToIsAViewWithStrideZeroOnNewAxes},
 *       {@code BroadcastingSpec#writesToTheSourceShowThroughTheView};</li>
 *   <li>keeping the stride of a stretched size-1 axis instead of setting it to 0:
 *       {@code BroadcastingSpec#broadcastToRepeatsAColumnWithStrideZero},
 *       {@code BroadcastingProperties#broadcastToIsAViewThatRepeatsElements};</li>
 *   <li>reading operands by walking their storage array as if row-major, ignoring strides and offset:
 *       {@code BroadcastingSpec#elementwiseReadsOperandsThroughTheirStrides},
 *       {@code BroadcastingProperties#addEqualsTheExplicitLoop};</li>
 *   <li>checking the sizes but keeping the larger with {@code Math.max}, so that 1 with 0 gives 1
 *       instead of 0: {@code BroadcastingSpec#oneBroadcastWithZeroGivesZero};</li>
 *   <li>stretching a size 1 only to larger sizes, so that {@code (1)} cannot become {@code (0)}:
 *       {@code BroadcastingSpec#broadcastToStretchesSizeOneToZero};</li>
 *   <li>reversing the caller's shape arrays in place to line them up from the front:
 *       {@code BroadcastingSpec#broadcastShapeLeavesItsArgumentsAlone};</li>
 *   <li>returning one of the argument arrays when the shapes are equal:
 *       {@code BroadcastingSpec#broadcastShapeReturnsANewArray};</li>
 *   <li>writing the result into {@code a} when it already has the broadcast shape ({@code a += b}):
 *       {@code BroadcastingSpec#elementwiseReturnsAFreshTensor},
 *       {@code BroadcastingProperties#elementwiseLeavesBothOperandsAloneAndReturnsAFreshTensor}.</li>
 * </ul>
 */
public final class Broadcasting {

    private Broadcasting() {
    }

    /** The broadcast shape: sizes compared from the last axis, a missing axis counting as size 1. */
    public static int[] broadcastShape(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] result = new int[rank];
        // Walk from the end: axis -1 of a meets axis -1 of b, whatever the ranks.
        for (int fromEnd = 1; fromEnd <= rank; fromEnd++) {
            int sizeA = sizeFromEnd(a, fromEnd);
            int sizeB = sizeFromEnd(b, fromEnd);
            if (sizeA != sizeB && sizeA != 1 && sizeB != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and "
                        + Arrays.toString(b) + " do not broadcast: at axis -" + fromEnd + " the sizes "
                        + sizeA + " and " + sizeB + " differ and neither is 1");
            }
            // Not Math.max: a size 1 gives way to the other size, even to 0 (an empty axis).
            result[rank - fromEnd] = sizeA == 1 ? sizeB : sizeA;
        }
        return result;
    }

    /** A view of {@code x} with the target shape: same storage and offset, stride 0 where it repeats. */
    public static Tensor broadcastTo(Tensor x, int... shape) {
        int[] from = x.shape();
        if (from.length > shape.length) {
            throw new IllegalArgumentException("cannot broadcast shape " + Arrays.toString(from) + " to "
                    + Arrays.toString(shape) + ": a view cannot drop axes, the target needs at least "
                    + from.length);
        }
        int newAxes = shape.length - from.length;
        int[] fromStrides = x.strides();
        int[] strides = new int[shape.length]; // zeros: a new leading axis repeats all of x
        for (int axis = 0; axis < from.length; axis++) {
            int target = shape[newAxes + axis];
            if (from[axis] == target) {
                strides[newAxes + axis] = fromStrides[axis]; // unchanged axis: walk it as x does
            } else if (from[axis] == 1) {
                strides[newAxes + axis] = 0; // stretched: every index reads x's one element
            } else {
                throw new IllegalArgumentException("cannot broadcast shape " + Arrays.toString(from)
                        + " to " + Arrays.toString(shape) + ": at axis -" + (from.length - axis)
                        + " size " + from[axis] + " would have to become " + target
                        + ", and only a size 1 can change");
            }
        }
        return Tensor.strided(x.storage(), shape, strides, x.offset());
    }

    /** {@code op(a, b)} at every index of the broadcast shape, into a fresh row-major tensor. */
    public static Tensor elementwise(Tensor a, Tensor b, DoubleBinaryOperator op) {
        int[] shape = broadcastShape(a.shape(), b.shape()); // the error names both shapes
        Tensor left = broadcastTo(a, shape);                // views: nothing is copied
        Tensor right = broadcastTo(b, shape);
        Tensor out = Tensor.zeros(shape);
        int[] index = new int[shape.length];
        for (int ordinal = 0; ordinal < out.elementCount(); ordinal++) {
            // get() goes through each view's strides and offset: never index a storage array directly.
            out.set(op.applyAsDouble(left.get(index), right.get(index)), index);
            advance(index, shape);
        }
        return out;
    }

    /** {@code a + b} with broadcasting. */
    public static Tensor add(Tensor a, Tensor b) {
        return elementwise(a, b, Double::sum);
    }

    /** {@code a * b} with broadcasting. */
    public static Tensor multiply(Tensor a, Tensor b) {
        return elementwise(a, b, (x, y) -> x * y);
    }

    private static int sizeFromEnd(int[] shape, int fromEnd) {
        int axis = shape.length - fromEnd;
        return axis >= 0 ? shape[axis] : 1; // a missing leading axis counts as size 1
    }

    /** Moves {@code index} to the next one in row-major order (the last coordinate fastest). */
    private static void advance(int[] index, int[] shape) {
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (++index[axis] < shape[axis]) {
                return;
            }
            index[axis] = 0;
        }
    }
}
