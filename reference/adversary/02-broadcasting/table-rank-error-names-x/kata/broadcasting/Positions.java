package kata.broadcasting;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Adding a positional table to a batch of embedded sequences: the first place in a Transformer
 * where broadcasting does the work.
 *
 * <p>A batch {@code x} has shape {@code (B, T, d)}: {@code B} samples, each {@code T} tokens of
 * {@code d} features. The table has shape {@code (maxLen, d)}: row {@code t} is the vector for
 * position {@code t}, for positions {@code 0} to {@code maxLen - 1}. Token {@code t} of every
 * sample {@code b} gets row {@code t}:
 * <pre>
 *   out[b, t, :] = x[b, t, :] + table[t, :]      for every b in [0, B), t in [0, T)
 * </pre>
 * The table does not depend on the sample: the same {@code T} rows are added to all {@code B}
 * samples.
 */
public final class Positions {

    private Positions() {
    }

    /**
     * {@code x + table[0:T]}, every sample getting the first {@code T} rows of the table.
     *
     * <p>An empty batch ({@code B = 0}) or sequence ({@code T = 0}) gives an empty result of shape
     * {@code (B, T, d)}.
     *
     * @param x     a batch, shape {@code (B, T, d)}, any layout; not modified
     * @param table positional vectors, shape {@code (maxLen, d)}, any layout (a slice of a longer
     *     table, a transpose, a broadcast row: read it through its own strides and offset); not
     *     modified
     * @return a fresh row-major tensor of shape {@code (B, T, d)}, sharing storage with neither input
     * @throws IllegalArgumentException when {@code x} is not of rank 3 (the message names {@code x}'s
     *     shape) or {@code table} not of rank 2 (the message names the table's shape), when
     *     {@code T > maxLen} (the table has no row for the later positions), or when the feature
     *     sizes {@code d} differ; those two messages name both shapes
     */
    public static Tensor addPositions(Tensor x, Tensor table) {
        if (x.rank() != 3) {
            throw new IllegalArgumentException("x must have shape (B, T, d), got " + Arrays.toString(x.shape()));
        }
        if (table.rank() != 2) {
            throw new IllegalArgumentException("the table must have shape (maxLen, d), got "
                    + Arrays.toString(x.shape()));
        }
        int length = x.size(1);
        int features = x.size(2);
        int maxLen = table.size(0);
        if (table.size(1) != features) {
            throw new IllegalArgumentException("x " + Arrays.toString(x.shape()) + " and table "
                    + Arrays.toString(table.shape()) + " have different feature sizes d");
        }
        if (length > maxLen) {
            throw new IllegalArgumentException("x " + Arrays.toString(x.shape()) + " has " + length
                    + " positions, the table " + Arrays.toString(table.shape()) + " only " + maxLen);
        }
        Tensor rows = Tensor.strided(table.storage(), new int[] {length, features}, table.strides(), table.offset());
        return Broadcasting.add(x, rows);
    }
}
