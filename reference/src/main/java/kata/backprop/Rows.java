package kata.backprop;

import java.util.Arrays;
import kata.support.Tensor;

/** Row-wise access shared by the backward passes: a tensor {@code (..., n)} as rows of {@code n}. */
final class Rows {

    private Rows() {
    }

    /** The number of rows of a tensor {@code (..., n)}: the product of every axis but the last. */
    static int count(Tensor t) {
        int rows = 1;
        for (int axis = 0; axis < t.rank() - 1; axis++) {
            rows *= t.size(axis);
        }
        return rows;
    }

    /** The index of the first element of row {@code row} (rows in row-major order of the leading axes). */
    static int[] rowStart(int[] shape, int row) {
        return unravel(shape, row * shape[shape.length - 1]);
    }

    /** The index of the element at {@code ordinal} in row-major order. */
    static int[] unravel(int[] shape, int ordinal) {
        int[] index = new int[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = ordinal % shape[axis];
            ordinal /= shape[axis];
        }
        return index;
    }

    /** Row {@code row} of {@code t}, read through its layout. */
    static double[] read(Tensor t, int row) {
        int n = t.size(t.rank() - 1);
        double[] values = new double[n];
        if (n == 0) {
            return values;                               // an empty row has no index to start from
        }
        int[] index = rowStart(t.shape(), row);
        for (int k = 0; k < n; k++) {
            index[index.length - 1] = k;                 // only the last coordinate moves along a row
            values[k] = t.get(index);
        }
        return values;
    }

    /** Writes {@code values} into row {@code row} of {@code t}. */
    static void write(Tensor t, int row, double[] values) {
        if (values.length == 0) {
            return;
        }
        int[] index = rowStart(t.shape(), row);
        for (int k = 0; k < values.length; k++) {
            index[index.length - 1] = k;
            t.set(values[k], index);
        }
    }

    /** {@code t (..., n)} as a matrix {@code (rows, n)}: t itself when it is one, else its rows copied. */
    static Tensor matrix(Tensor t) {
        if (t.rank() == 2) {
            return t;
        }
        Tensor rows = Tensor.zeros(count(t), t.size(t.rank() - 1));
        for (int row = 0; row < rows.size(0); row++) {
            write(rows, row, read(t, row));
        }
        return rows;
    }

    /** The transpose of a matrix as a view: the same storage, strides swapped. */
    static Tensor transpose(Tensor m) {
        return Tensor.strided(m.storage(), new int[] {m.size(1), m.size(0)},
                new int[] {m.strides()[1], m.strides()[0]}, m.offset());
    }

    static void requireSameShape(String name, Tensor t, String otherName, Tensor other) {
        if (!Arrays.equals(t.shape(), other.shape())) {
            throw new IllegalArgumentException(name + " has shape " + shape(t) + ", but " + otherName
                    + " has shape " + shape(other) + ": they must match");
        }
    }

    static void requireRank(String name, Tensor t, int rank) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(name + " must have rank " + rank + ", but has shape " + shape(t));
        }
    }

    static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
