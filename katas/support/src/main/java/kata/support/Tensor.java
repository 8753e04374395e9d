package kata.support;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An n-dimensional array of doubles: a flat {@code storage} array read through a {@code shape},
 * {@code strides} and an {@code offset}.
 *
 * <p>The element at index {@code (i_0, ..., i_{n-1})} lives at
 * {@code storage[offset + i_0 * strides[0] + ... + i_{n-1} * strides[n-1]]}.
 * A tensor of rank 0 is a scalar: shape {@code []}, one element at {@code storage[offset]}.
 *
 * <p>This class only holds and reads elements. Every operation on tensors (reductions, broadcasting,
 * views, norms, attention...) is what the katas ask you to write. Two tensors may share one storage
 * array: that is what a view is, and writes through one are visible through the other.
 * Strides are never negative; a stride of 0 repeats one element along that axis.
 */
public final class Tensor {

    private final double[] storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    private Tensor(double[] storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /**
     * A tensor reading {@code storage} (not copied) through the given layout.
     *
     * @throws IllegalArgumentException when shape and strides differ in length, a size or stride is
     *     negative, the offset is negative, or the layout reaches past the end of the storage
     */
    public static Tensor strided(double[] storage, int[] shape, int[] strides, int offset) {
        if (storage == null || shape == null || strides == null) {
            throw new IllegalArgumentException("storage, shape and strides must not be null");
        }
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " must have the same length");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        long last = offset;
        boolean empty = false;
        for (int axis = 0; axis < shape.length; axis++) {
            if (shape[axis] < 0 || strides[axis] < 0) {
                throw new IllegalArgumentException("sizes and strides must not be negative: shape "
                        + Arrays.toString(shape) + ", strides " + Arrays.toString(strides));
            }
            empty |= shape[axis] == 0;
            last += (long) (shape[axis] - 1) * strides[axis];
        }
        if (!empty && last >= storage.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " with strides "
                    + Arrays.toString(strides) + " and offset " + offset + " reaches position " + last
                    + ", past the end of a storage of length " + storage.length);
        }
        return new Tensor(storage, shape.clone(), strides.clone(), offset);
    }

    /** A fresh tensor of zeros with the given shape, laid out row-major. */
    public static Tensor zeros(int... shape) {
        return of(shape, new double[checkedCount(shape)]);
    }

    /**
     * A fresh tensor with the given shape holding {@code values} in row-major order (the last index
     * changes fastest). The values are copied.
     *
     * @throws IllegalArgumentException when the number of values does not match the shape
     */
    public static Tensor of(int[] shape, double... values) {
        int count = checkedCount(shape);
        if (values.length != count) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " values, but " + values.length + " were given");
        }
        // Lay the axes out one inside the other: each axis's step is the extent of one of its
        // entries, what is left of the whole block once the axes before it are divided out
        // (an empty axis is laid out as if it had one entry, so that no step becomes 0).
        int[] steps = new int[shape.length];
        long extent = 1;
        for (int size : shape) {
            extent *= Math.max(size, 1);
        }
        for (int axis = 0; axis < shape.length; axis++) {
            extent /= Math.max(shape[axis], 1);
            steps[axis] = (int) extent;
        }
        return new Tensor(values.clone(), shape.clone(), steps, 0);
    }

    /** A rank-0 tensor holding one value. */
    public static Tensor scalar(double value) {
        return of(new int[0], value);
    }

    /** A rank-1 tensor, shape {@code (n)}. */
    public static Tensor vector(double... values) {
        return of(new int[] {values.length}, values);
    }

    /**
     * A rank-2 tensor, shape {@code (rows, columns)}.
     *
     * @throws IllegalArgumentException when the rows differ in length
     */
    public static Tensor matrix(double[]... rows) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] values = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length
                        + " values, row 0 has " + columns);
            }
            System.arraycopy(rows[r], 0, values, r * columns, columns);
        }
        return of(new int[] {rows.length, columns}, values);
    }

    /** A fresh tensor of values drawn uniformly from [-1, 1). */
    public static Tensor uniform(RandomGenerator random, int... shape) {
        double[] values = new double[checkedCount(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-1.0, 1.0);
        }
        return of(shape, values);
    }

    /** A fresh tensor of values drawn from the standard normal distribution (mean 0, variance 1). */
    public static Tensor gaussian(RandomGenerator random, int... shape) {
        double[] values = new double[checkedCount(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return of(shape, values);
    }

    /** The number of axes: 0 for a scalar, 2 for a matrix. */
    public int rank() {
        return shape.length;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The size of one axis, counted from 0 (no negative axes here: that convention belongs to the
     * operations that take an axis).
     *
     * @throws IllegalArgumentException when the axis is not in [0, rank); the message is this
     *     class's own, not the one an operation is asked to give for a bad axis
     */
    public int size(int axis) {
        if (axis < 0 || axis >= shape.length) {
            throw new IllegalArgumentException("Tensor.size(" + axis + "): a tensor of rank " + shape.length
                    + " has " + shape.length + " sizes, numbered from 0");
        }
        return shape[axis];
    }

    /** A copy of the strides. */
    public int[] strides() {
        return strides.clone();
    }

    /** The storage position of the first element. */
    public int offset() {
        return offset;
    }

    /** The storage array itself, not a copy: tensors that share it are views of one another. */
    public double[] storage() {
        return storage;
    }

    /** The number of elements: the product of the sizes (1 for a scalar). */
    public int elementCount() {
        return checkedCount(shape);
    }

    /** Whether both tensors read the same storage array. */
    public boolean sharesStorageWith(Tensor other) {
        return storage == other.storage;
    }

    /**
     * The element at {@code index}.
     *
     * @throws IllegalArgumentException when the index has the wrong length or is out of range
     */
    public double get(int... index) {
        return storage[locate(index)];
    }

    /** {@link #get(int...)} of a vector, without the index array: the same element and errors, faster. */
    public double get(int i) {
        if (shape.length == 1 && i >= 0 && i < shape[0]) {
            return storage[offset + i * strides[0]];
        }
        return get(new int[] {i});
    }

    /** {@link #get(int...)} of a matrix, without the index array: the same element and errors, faster. */
    public double get(int i, int j) {
        if (shape.length == 2 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1]) {
            return storage[offset + i * strides[0] + j * strides[1]];
        }
        return get(new int[] {i, j});
    }

    /** {@link #get(int...)} of a rank-3 tensor, without the index array: the same element and errors, faster. */
    public double get(int i, int j, int k) {
        if (shape.length == 3 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1] && k >= 0 && k < shape[2]) {
            return storage[offset + i * strides[0] + j * strides[1] + k * strides[2]];
        }
        return get(new int[] {i, j, k});
    }

    /**
     * Writes {@code value} at {@code index}, visible through every view of the same storage.
     *
     * @throws IllegalArgumentException when the index has the wrong length or is out of range
     */
    public void set(double value, int... index) {
        storage[locate(index)] = value;
    }

    /** {@link #set(double, int...)} of a vector, without the index array. */
    public void set(double value, int i) {
        if (shape.length == 1 && i >= 0 && i < shape[0]) {
            storage[offset + i * strides[0]] = value;
        } else {
            set(value, new int[] {i});
        }
    }

    /** {@link #set(double, int...)} of a matrix, without the index array. */
    public void set(double value, int i, int j) {
        if (shape.length == 2 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1]) {
            storage[offset + i * strides[0] + j * strides[1]] = value;
        } else {
            set(value, new int[] {i, j});
        }
    }

    /** {@link #set(double, int...)} of a rank-3 tensor, without the index array. */
    public void set(double value, int i, int j, int k) {
        if (shape.length == 3 && i >= 0 && i < shape[0] && j >= 0 && j < shape[1] && k >= 0 && k < shape[2]) {
            storage[offset + i * strides[0] + j * strides[1] + k * strides[2]] = value;
        } else {
            set(value, new int[] {i, j, k});
        }
    }

    private int locate(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has "
                    + index.length + " coordinates, shape " + Arrays.toString(shape) + " has rank "
                    + shape.length);
        }
        int at = offset;
        for (int axis = 0; axis < index.length; axis++) {
            if (index[axis] < 0 || index[axis] >= shape[axis]) {
                throw new IllegalArgumentException("index " + Arrays.toString(index)
                        + " is out of range for shape " + Arrays.toString(shape));
            }
            at += index[axis] * strides[axis];
        }
        return at;
    }

    /** Reads like {@code shape [2, 3] [[1, 2, 3], [4, 5, 6]]}, plus strides and offset for views. */
    @Override
    public String toString() {
        return TensorFormat.describe(this);
    }

    private static int checkedCount(int[] shape) {
        long count = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("sizes must not be negative: shape "
                        + Arrays.toString(shape));
            }
            count *= size;
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape)
                        + " has more elements than an array can hold");
            }
        }
        return (int) count;
    }
}
