package kata.contiguity;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * The arithmetic of a strided layout: row-major strides, and where an element sits in storage.
 */
public final class Strides {

    private Strides() {
    }

    /** The row-major strides of {@code shape}; a size of 0 counts as 1 in the products. */
    public static int[] rowMajor(int... shape) {
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative size " + size);
            }
        }
        int[] strides = new int[shape.length];
        int step = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = step;
            step *= Math.max(shape[axis], 1);
        }
        return strides;
    }

    /** {@code offset + sum(index[i] * strides[i])}, after checking the index against the shape. */
    public static int position(int[] shape, int[] strides, int offset, int... index) {
        if (index.length == 0) {
            return offset; // a scalar: its one element sits at the offset
        }
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " have different lengths");
        }
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has " + index.length
                    + " coordinates, shape " + Arrays.toString(shape) + " has " + shape.length + " axes");
        }
        int at = offset;
        for (int axis = 0; axis < shape.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IllegalArgumentException("index " + Arrays.toString(index)
                        + " is out of range for shape " + Arrays.toString(shape) + " on axis " + axis);
            }
            at += index[axis] * strides[axis];
        }
        return at;
    }

    /** The position of {@code index} in x's own layout. */
    public static int position(Tensor x, int... index) {
        return position(x.shape(), x.strides(), x.offset(), index);
    }

    /** Every element's storage position, in row-major index order (last coordinate fastest). */
    public static int[] positions(Tensor x) {
        int[] shape = x.shape();
        int[] strides = x.strides();
        int count = x.elementCount();
        int[] result = new int[count];
        if (count == 0) {
            return result;
        }
        int[] index = new int[shape.length];
        for (int k = 0; k < count; k++) {
            int at = x.offset();
            for (int axis = 0; axis < shape.length; axis++) {
                at += index[axis] * strides[axis];
            }
            result[k] = at;
            // odometer: add 1 to the last coordinate, carry into the one before when it wraps
            int axis = shape.length - 1;
            while (axis >= 0) {
                index[axis]++;
                if (index[axis] < shape[axis]) {
                    break;
                }
                index[axis] = 0;
                axis--;
            }
        }
        return result;
    }
}
