package kata.contiguity;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * The arithmetic of a strided layout: row-major strides, and where an element sits in storage.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>column-major strides, {@code (1, 2)} for shape {@code (2, 3)}: the first index changing
 *       fastest is Fortran's order, not the one {@code Tensor.of} and PyTorch use
 *       ({@code ContiguitySpec#rowMajorStridesOfAMatrix});</li>
 *   <li>multiplying by a size of 0, which makes the earlier strides 0
 *       ({@code ContiguitySpec#rowMajorStridesTreatASizeOfZeroAsOne});</li>
 *   <li>reading the strides off a tensor built for the purpose: that allocates a whole tensor to
 *       answer a question about the shape, and fails for shapes too large to allocate
 *       ({@code ContiguitySpec#rowMajorStridesNeedNoStorage});</li>
 *   <li>writing the strides over the caller's shape array and returning it
 *       ({@code ContiguityProperties#rowMajorLeavesTheShapeUntouched});</li>
 *   <li>no check for negative sizes ({@code ContiguityErrorsSpec#rowMajorRejectsANegativeSize});</li>
 *   <li>{@code position} without the check that shape and strides have one entry per axis, or
 *       checking coordinates against the size but not against 0
 *       ({@code ContiguityErrorsSpec#positionRejectsShapeAndStridesOfDifferentLengths},
 *       {@code ContiguityErrorsSpec#positionRejectsANegativeCoordinate});</li>
 *   <li>{@code positions} as a do-while odometer, which lists index (0, ..., 0) of a tensor with no
 *       elements ({@code ContiguitySpec#positionsOfATensorWithNoElementsAreNone}).</li>
 * </ul>
 */
public final class Strides {

    private Strides() {
    }

    /**
     * Row-major strides: the stride of an axis is the product of the sizes after it (a size of 0
     * counts as 1). Shape (2, 3, 4) -> strides (12, 4, 1).
     *
     * @throws IllegalArgumentException when a size is negative
     */
    public static int[] rowMajor(int... shape) {
        int[] strides = new int[shape.length];
        int step = 1; // how far apart in storage two neighbours along the current axis are
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] < 0) {
                throw new IllegalArgumentException("sizes must not be negative: shape " + Arrays.toString(shape));
            }
            strides[axis] = step;
            step *= Math.max(shape[axis], 1); // an empty axis must not zero the strides before it
        }
        return strides;
    }

    /**
     * The storage position of {@code index}: {@code offset + sum(index[i] * strides[i])}.
     *
     * @throws IllegalArgumentException when shape, strides and index differ in length, or a
     *     coordinate is outside {@code [0, size)}
     */
    public static int position(int[] shape, int[] strides, int offset, int... index) {
        if (strides.length != shape.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " differ in length");
        }
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has " + index.length
                    + " coordinates, but shape " + Arrays.toString(shape) + " has rank " + shape.length);
        }
        int position = offset;
        for (int axis = 0; axis < shape.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IllegalArgumentException("index " + Arrays.toString(index)
                        + " is out of range for shape " + Arrays.toString(shape));
            }
            position += index[axis] * strides[axis];
        }
        return position;
    }

    /**
     * The storage position of {@code index} in {@code x}'s own layout.
     *
     * @throws IllegalArgumentException when the index has the wrong length or is out of range
     */
    public static int position(Tensor x, int... index) {
        return position(x.shape(), x.strides(), x.offset(), index);
    }

    /**
     * The storage positions of every element of {@code x}, in row-major index order (the last
     * coordinate changing fastest): element {@code k} of the result is where the {@code k}-th
     * element sits. An empty tensor has no positions.
     */
    public static int[] positions(Tensor x) {
        int[] shape = x.shape();
        int[] positions = new int[x.elementCount()];
        int[] index = new int[shape.length]; // starts at (0, ..., 0)
        for (int k = 0; k < positions.length; k++) {
            positions[k] = position(x, index);
            advance(index, shape);
        }
        return positions;
    }

    /** Moves {@code index} to the next one in row-major order, like an odometer. */
    private static void advance(int[] index, int[] shape) {
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis]++;
            if (index[axis] < shape[axis]) {
                return;
            }
            index[axis] = 0; // carry into the axis before
        }
    }
}
