package kata.contiguity;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Views: new shapes and strides over the same storage, and the one copy that makes a layout
 * row-major again.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>{@code isContiguous} as "strides are non-increasing": every other column of a matrix,
 *       strides (6, 2), passes that test and is not contiguous
 *       ({@code ContiguitySpec#everyOtherColumnIsNotContiguous});</li>
 *   <li>{@code isContiguous} requiring offset 0: a block of whole rows further on in storage is
 *       contiguous ({@code ContiguitySpec#wholeRowsAtAnOffsetAreContiguous});</li>
 *   <li>{@code isContiguous} comparing every stride with the row-major ones: the stride of a
 *       size-1 axis is never used to reach an element
 *       ({@code ContiguitySpec#theStrideOfASizeOneAxisDoesNotMatter});</li>
 *   <li>{@code contiguous} that always copies, or never does
 *       ({@code ContiguitySpec#contiguousReturnsTheSameTensorWhenAlreadyContiguous},
 *       {@code ContiguitySpec#contiguousCopiesATransposeIntoRowMajorOrder});</li>
 *   <li>{@code view} that starts at position 0 instead of the offset
 *       ({@code ContiguitySpec#viewKeepsTheOffset});</li>
 *   <li>{@code view} without the contiguity check: it silently reads storage in the wrong order
 *       ({@code ContiguityErrorsSpec#viewRefusesATensorThatIsNotContiguous});</li>
 *   <li>{@code transpose} that copies ({@code ContiguitySpec#transposeIsAViewOfTheSameStorage});</li>
 *   <li>{@code permute} that sends axis {@code i} to place {@code order[i]} instead of taking axis
 *       {@code order[i]} into place {@code i} ({@code ContiguitySpec#permuteTakesAxisOrderIIntoPlaceI});</li>
 *   <li>{@code permute} that rejects negative axes, or counts them from the end by writing into the
 *       caller's order ({@code ContiguitySpec#permuteAcceptsNegativeAxes},
 *       {@code ContiguityProperties#transposePermuteAndNarrowLeaveTheirArgumentsUntouched});</li>
 *   <li>{@code permute} that checks repeats but not the range or the length of the order
 *       ({@code ContiguityErrorsSpec#permuteRejectsAnAxisOutOfRange},
 *       {@code ContiguityErrorsSpec#permuteRejectsAnIncompleteOrder});</li>
 *   <li>{@code transpose} that leaves its range check to {@code Tensor.size}, whose message is not
 *       about the caller's axis ({@code ContiguityErrorsSpec#transposeRejectsAnAxisOutOfRange});</li>
 *   <li>{@code narrow} that copies, that starts from position 0 instead of x's offset, or that
 *       moves by {@code start} positions instead of {@code start} strides
 *       ({@code ContiguitySpec#narrowIsAViewOfTheSameStorage}, {@code ContiguitySpec#narrowAddsToTheOffset},
 *       {@code ContiguitySpec#narrowKeepsARunOfRows});</li>
 *   <li>{@code narrow} that leaves its bounds to {@code Tensor.strided}, which accepts any run the
 *       storage has room for ({@code ContiguityErrorsSpec#narrowRejectsARunPastTheEndOfTheAxis});</li>
 *   <li>{@code view} that only rejects shapes with more elements
 *       ({@code ContiguityErrorsSpec#viewRejectsFewerElements}).</li>
 * </ul>
 */
public final class Views {

    private Views() {
    }

    /**
     * Swaps axes {@code a} and {@code b} (negative axes count from the end) without copying.
     *
     * @throws IllegalArgumentException when an axis is outside {@code [-rank, rank)}
     */
    public static Tensor transpose(Tensor x, int a, int b) {
        int first = axis(x, a);
        int second = axis(x, b);
        int[] shape = x.shape();
        int[] strides = x.strides();
        swap(shape, first, second);
        swap(strides, first, second); // the elements stay where they are: only the way to reach them changes
        return Tensor.strided(x.storage(), shape, strides, x.offset());
    }

    /**
     * Reorders the axes without copying: axis {@code i} of the result is axis {@code order[i]} of x.
     * Negative entries count from the end, as in {@link #transpose}.
     *
     * @throws IllegalArgumentException when order is not a permutation of the axes
     */
    public static Tensor permute(Tensor x, int... order) {
        int[] axes = permutation(x, order); // a fresh array: the caller's order stays as it was
        int[] oldShape = x.shape();
        int[] oldStrides = x.strides();
        int[] shape = new int[axes.length];
        int[] strides = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            shape[i] = oldShape[axes[i]]; // take axis order[i] into place i
            strides[i] = oldStrides[axes[i]];
        }
        return Tensor.strided(x.storage(), shape, strides, x.offset());
    }

    /**
     * Indices {@code start .. start + length - 1} of one axis, as a view: the same strides, one
     * size made smaller, and the offset moved to where index {@code start} sits.
     *
     * @throws IllegalArgumentException when the axis is outside {@code [-rank, rank)}, or start and
     *     length do not pick a run of indices inside the axis
     */
    public static Tensor narrow(Tensor x, int axis, int start, int length) {
        int along = axis(x, axis);
        int[] shape = x.shape();
        if (start < 0 || length < 0 || (long) start + length > shape[along]) {
            throw new IllegalArgumentException("cannot narrow axis " + axis + " of shape " + Arrays.toString(shape)
                    + " to start " + start + ", length " + length + ": the run must fit in [0, "
                    + shape[along] + ")");
        }
        int[] strides = x.strides();
        shape[along] = length;
        // Index start along the axis is start strides further on in storage; the other axes keep theirs.
        return Tensor.strided(x.storage(), shape, strides, x.offset() + start * strides[along]);
    }

    /**
     * Whether the elements in row-major index order sit at consecutive storage positions starting
     * at the offset.
     */
    public static boolean isContiguous(Tensor x) {
        if (x.elementCount() == 0) {
            return true; // no element can be out of place
        }
        int[] strides = x.strides();
        int expected = 1; // the row-major stride of the axis being checked
        for (int axis = x.rank() - 1; axis >= 0; axis--) {
            int size = x.size(axis);
            if (size == 1) {
                continue; // only index 0 exists, so this stride never moves anywhere
            }
            if (strides[axis] != expected) {
                return false;
            }
            expected *= size;
        }
        return true; // the offset is where element (0, ..., 0) sits, whatever its value
    }

    /** {@code x} itself when it is contiguous, otherwise a fresh row-major copy of its elements. */
    public static Tensor contiguous(Tensor x) {
        if (isContiguous(x)) {
            return x; // the whole point: no copy when none is needed
        }
        int[] positions = Strides.positions(x);
        double[] values = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            values[k] = x.storage()[positions[k]]; // gather in row-major index order
        }
        return Tensor.of(x.shape(), values);
    }

    /**
     * The same elements, in row-major order, read through a new shape, sharing storage.
     *
     * @throws IllegalArgumentException when a size is negative, the element counts differ or x is
     *     not contiguous
     */
    public static Tensor view(Tensor x, int... shape) {
        int[] strides = Strides.rowMajor(shape); // rejects a negative size, naming the shape
        if (count(shape) != x.elementCount()) {
            throw new IllegalArgumentException("cannot view shape " + Arrays.toString(x.shape()) + " ("
                    + x.elementCount() + " elements) as shape " + Arrays.toString(shape) + " ("
                    + count(shape) + " elements)");
        }
        if (!isContiguous(x)) {
            throw new IllegalArgumentException("cannot view shape " + Arrays.toString(x.shape())
                    + " with strides " + Arrays.toString(x.strides()) + " as shape " + Arrays.toString(shape)
                    + ": it is not contiguous, call contiguous() first");
        }
        // Row-major strides over the same run of storage: the run starts at the offset, not at 0.
        return Tensor.strided(x.storage(), shape, strides, x.offset());
    }

    private static long count(int[] shape) {
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        return count;
    }

    private static int axis(Tensor x, int axis) {
        if (axis < -x.rank() || axis >= x.rank()) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape "
                    + Arrays.toString(x.shape()));
        }
        return axis < 0 ? axis + x.rank() : axis;
    }

    /** The order with negative axes counted from the end, checked to be a permutation of x's axes. */
    private static int[] permutation(Tensor x, int[] order) {
        int rank = x.rank();
        if (order.length != rank) {
            throw notAPermutation(x, order);
        }
        int[] axes = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int axis = order[i] < 0 ? order[i] + rank : order[i];
            if (axis < 0 || axis >= rank || seen[axis]) {
                throw notAPermutation(x, order); // out of range, or repeated (-1 and rank - 1 are one axis)
            }
            seen[axis] = true;
            axes[i] = axis;
        }
        return axes;
    }

    private static IllegalArgumentException notAPermutation(Tensor x, int[] order) {
        return new IllegalArgumentException("order " + Arrays.toString(order)
                + " is not a permutation of the axes of shape " + Arrays.toString(x.shape()));
    }

    private static void swap(int[] values, int i, int j) {
        int kept = values[i];
        values[i] = values[j];
        values[j] = kept;
    }
}
