package kata.support.testing;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Fixed matrices and vectors in the layouts an example spec feeds to an operation, built without the
 * code under test: the same values stored column by column (a transpose's layout), at every other
 * storage position from offset 1 with NaN in between (a slice with a step), and one row repeated
 * with stride 0 (a broadcast view). Code that reads a position it should not reads NaN.
 */
public final class MatrixLayouts {

    private MatrixLayouts() {
    }

    /** The values of {@code rows}, stored column-major: strides {@code (1, rows)}, offset 0. */
    public static Tensor transposedLayout(double[][] rows) {
        int m = rows.length;
        int n = rows[0].length;
        double[] storage = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                storage[i + j * m] = rows[i][j];
            }
        }
        return Tensor.strided(storage, new int[] {m, n}, new int[] {1, m}, 0);
    }

    /** The values of {@code rows} at storage positions 1, 3, 5, ..., NaN elsewhere: strides {@code (2n, 2)}, offset 1. */
    public static Tensor steppedLayout(double[][] rows) {
        int m = rows.length;
        int n = rows[0].length;
        double[] storage = nans(2 * m * n + 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                storage[1 + 2 * n * i + 2 * j] = rows[i][j];
            }
        }
        return Tensor.strided(storage, new int[] {m, n}, new int[] {2 * n, 2}, 1);
    }

    /** A vector at storage positions 1, 3, 5, ..., NaN elsewhere: stride 2, offset 1. */
    public static Tensor steppedLayout(double[] values) {
        double[] storage = nans(2 * values.length + 1);
        for (int i = 0; i < values.length; i++) {
            storage[1 + 2 * i] = values[i];
        }
        return Tensor.strided(storage, new int[] {values.length}, new int[] {2}, 1);
    }

    /** {@code row} repeated {@code count} times with stride 0: shape {@code (count, row.length)}. */
    public static Tensor broadcastRow(double[] row, int count) {
        return Tensor.strided(row.clone(), new int[] {count, row.length}, new int[] {0, 1}, 0);
    }

    /** A deep copy of a boolean mask, to check afterwards that the code left it alone. */
    public static boolean[][] copy(boolean[][] mask) {
        return Arrays.stream(mask).map(boolean[]::clone).toArray(boolean[][]::new);
    }

    private static double[] nans(int length) {
        double[] storage = new double[length];
        Arrays.fill(storage, Double.NaN);
        return storage;
    }
}
