package kata.support;

import java.util.Arrays;

/**
 * Shape checks with one wording for every kata. Each check names the argument and prints shapes as
 * {@code Arrays.toString} does, {@code [2, 3]}, so a message reads "x must be a matrix (rank 2),
 * but has shape [2, 3, 4]". Every check throws {@link IllegalArgumentException} and returns
 * nothing: a kata calls it first and then reads the sizes it has made sure of.
 */
public final class Shapes {

    private Shapes() {
    }

    /** The shape as {@code Arrays.toString} prints it: {@code [2, 3]}. */
    public static String of(Tensor t) {
        return Arrays.toString(t.shape());
    }

    /** @throws IllegalArgumentException when {@code t} does not have the given rank */
    public static void requireRank(Tensor t, int rank, String name) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(name + " must have rank " + rank + ", but has shape " + of(t));
        }
    }

    /** @throws IllegalArgumentException when {@code t} is not a vector (rank 1) */
    public static void requireVector(Tensor t, String name) {
        if (t.rank() != 1) {
            throw new IllegalArgumentException(name + " must be a vector (rank 1), but has shape " + of(t));
        }
    }

    /** @throws IllegalArgumentException when {@code t} is not a matrix (rank 2) */
    public static void requireMatrix(Tensor t, String name) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix (rank 2), but has shape " + of(t));
        }
    }

    /** @throws IllegalArgumentException when {@code t} does not have exactly the shape {@code expected} */
    public static void requireShape(Tensor t, String name, int... expected) {
        if (!Arrays.equals(t.shape(), expected)) {
            throw new IllegalArgumentException(name + " must have shape " + Arrays.toString(expected)
                    + ", but has shape " + of(t));
        }
    }

    /** @throws IllegalArgumentException when {@code a} and {@code b} differ in shape */
    public static void requireSameShape(Tensor a, String aName, Tensor b, String bName) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(aName + " has shape " + of(a) + " but " + bName + " has shape "
                    + of(b) + ": they must have the same shape");
        }
    }

    /**
     * @throws IllegalArgumentException when {@code t} is a scalar or its last axis is not of the
     *     given size (a feature axis of width d, say)
     */
    public static void requireLastAxis(Tensor t, int size, String name) {
        if (t.rank() == 0 || t.size(t.rank() - 1) != size) {
            throw new IllegalArgumentException(name + " must have a last axis of size " + size
                    + ", but has shape " + of(t));
        }
    }

    /**
     * Checks an attention mask ({@code true} = masked) against the scores it will hide:
     * {@code null} (no mask) passes; otherwise it must have {@code queries} rows of {@code keys} entries.
     *
     * @throws IllegalArgumentException when the mask has another number of rows, or a row of another
     *     length (the message names the mask, the row and the expected {@code [T_q, T_k]})
     */
    public static void requireMask(boolean[][] mask, int queries, int keys, String name) {
        if (mask == null) {
            return;
        }
        String expected = Arrays.toString(new int[] {queries, keys});
        if (mask.length != queries) {
            throw new IllegalArgumentException(name + " has " + mask.length + " rows, but the scores have shape "
                    + expected + ": one row per query");
        }
        for (int i = 0; i < queries; i++) {
            if (mask[i] == null || mask[i].length != keys) {
                throw new IllegalArgumentException(name + " row " + i + " has length "
                        + (mask[i] == null ? "null" : mask[i].length) + ", but the scores have shape " + expected
                        + ": one entry per key");
            }
        }
    }

    /** @throws IllegalArgumentException when {@code value} is below {@code least} */
    public static void requireAtLeast(int value, int least, String name) {
        if (value < least) {
            throw new IllegalArgumentException(name + " must be at least " + least + ", was " + value);
        }
    }
}
