package kata.broadcasting;

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
     * @param x     a batch, shape {@code (B, T, d)}, any layout; not modified
     * @param table positional vectors, shape {@code (maxLen, d)}, any layout; not modified
     * @return a fresh row-major tensor of shape {@code (B, T, d)}
     * @throws IllegalArgumentException when {@code x} is not of rank 3 or {@code table} not of rank 2,
     *     when {@code T > maxLen} (the table has no row for the later positions), or when the feature
     *     sizes {@code d} differ; the message names both shapes
     */
    public static Tensor addPositions(Tensor x, Tensor table) {
        throw new UnsupportedOperationException("TODO(02): add the first T rows of the table to every sample");
    }
}
