package kata.contiguity;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Views: new shapes and strides over the same storage, and the one copy that makes a layout
 * row-major again.
 */
public final class Views {

    private Views() {
    }

    /** Counts a negative axis from the end, after checking it lies in [-rank, rank). */
    private static int axis(int axis, int[] shape, String what) {
        int rank = shape.length;
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException(what + " " + axis + " is outside [" + (-rank) + ", " + rank
                    + ") for shape " + Arrays.toString(shape));
        }
        return axis < 0 ? axis + rank : axis;
    }

    /** Swaps axes a and b, as a view. */
    public static Tensor transpose(Tensor x, int a, int b) {
        int[] shape = x.shape();
        int[] strides = x.strides();
        int i = axis(a, shape, "axis");
        int j = axis(b, shape, "axis");
        int size = shape[i];
        shape[i] = shape[j];
        shape[j] = size;
        int stride = strides[i];
        strides[i] = strides[j];
        strides[j] = stride;
        return Tensor.strided(x.storage(), shape, strides, x.offset());
    }

    /** Axis i of the result is axis order[i] of x, as a view. */
    public static Tensor permute(Tensor x, int... order) {
        int[] shape = x.shape();
        int[] strides = x.strides();
        int rank = shape.length;
        if (order.length != rank) {
            throw new IllegalArgumentException("order " + Arrays.toString(order) + " names " + order.length
                    + " axes, shape " + Arrays.toString(shape) + " has " + rank);
        }
        int[] axes = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int axis = order[i];
            if (axis < -rank || axis >= rank) {
                throw new IllegalArgumentException("order " + Arrays.toString(order) + " names axis " + axis
                        + ", outside [" + (-rank) + ", " + rank + ") for shape " + Arrays.toString(shape));
            }
            if (axis < 0) {
                axis += rank;
            }
            if (seen[axis]) {
                throw new IllegalArgumentException("order " + Arrays.toString(order) + " names axis " + axis
                        + " twice; it is not a permutation of the axes of shape " + Arrays.toString(shape));
            }
            seen[axis] = true;
            axes[i] = axis;
        }
        int[] newShape = new int[rank];
        int[] newStrides = new int[rank];
        for (int i = 0; i < rank; i++) {
            newShape[i] = shape[axes[i]];
            newStrides[i] = strides[axes[i]];
        }
        return Tensor.strided(x.storage(), newShape, newStrides, x.offset());
    }

    /** Indices start .. start + length - 1 of one axis, as a view. */
    public static Tensor narrow(Tensor x, int axis, int start, int length) {
        int[] shape = x.shape();
        int[] strides = x.strides();
        String call = "narrow(axis " + axis + ", start " + start + ", length " + length + ")";
        int ax = axis(axis, shape, call + ": axis");
        if (start < 0 || length < 0 || (long) start + length > shape[ax]) {
            throw new IllegalArgumentException(call + " is outside axis " + axis + " of shape "
                    + Arrays.toString(shape));
        }
        int offset = start * strides[ax];
        shape[ax] = length;
        return Tensor.strided(x.storage(), shape, strides, offset);
    }

    /** Whether x's elements, in row-major index order, sit at offset, offset + 1, ... */
    public static boolean isContiguous(Tensor x) {
        int[] shape = x.shape();
        int[] strides = x.strides();
        for (int size : shape) {
            if (size == 0) {
                return true;
            }
        }
        int expected = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (shape[axis] == 1) {
                continue;
            }
            if (strides[axis] != expected) {
                return false;
            }
            expected *= shape[axis];
        }
        return true;
    }

    /** x itself when contiguous, otherwise a fresh row-major copy. */
    public static Tensor contiguous(Tensor x) {
        if (isContiguous(x)) {
            return x;
        }
        int[] positions = Strides.positions(x);
        double[] storage = x.storage();
        double[] values = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            values[k] = storage[positions[k]];
        }
        return Tensor.of(x.shape(), values);
    }

    /** The same storage read in row-major order through a new shape. */
    public static Tensor view(Tensor x, int... shape) {
        int[] from = x.shape();
        long count = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative size "
                        + size + " (viewing shape " + Arrays.toString(from) + ")");
            }
            count = Math.min(count * size, Integer.MAX_VALUE + 1L);
        }
        if (count != x.elementCount()) {
            throw new IllegalArgumentException("cannot view shape " + Arrays.toString(from) + " ("
                    + x.elementCount() + " elements) as shape " + Arrays.toString(shape) + " (" + count
                    + " elements)");
        }
        if (!isContiguous(x)) {
            throw new IllegalArgumentException("view needs a contiguous tensor, but shape " + Arrays.toString(from)
                    + " with strides " + Arrays.toString(x.strides()) + " is not: call contiguous() first");
        }
        return Tensor.strided(x.storage(), shape, Strides.rowMajor(shape), x.offset());
    }
}
