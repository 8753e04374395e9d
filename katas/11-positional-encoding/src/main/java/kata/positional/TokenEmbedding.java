package kata.positional;

import java.util.random.RandomGenerator;
import kata.support.Tensor;

/**
 * A token embedding: one learned row of {@code d} numbers per id of a vocabulary of {@code V} ids.
 *
 * <p>Embedding a sequence of ids looks up one row per id and scales it by {@code sqrt(d)}, as in
 * the paper; encoding adds the positional table's row {@code t} to token {@code t}:
 * <pre>
 *   embed(ids)[t, j]             = sqrt(d) * table[ids[t], j]               (T) -> (T, d)
 *   encode(positions, ids)[t, j] = embed(ids)[t, j] + positions[t, j]       (T) -> (T, d)
 * </pre>
 * The table starts with standard deviation {@code 1 / sqrt(d)}, so that the scaled embeddings
 * (about 1 per feature) and the positions (sin and cos, at most 1) are of the same size.
 *
 * @param table the embeddings, shape {@code (V, d)}, any layout; row {@code id} belongs to token
 *     {@code id}. A plain tensor that a trainer may read and replace; nothing here modifies it
 */
public record TokenEmbedding(Tensor table) {

    /**
     * A table of {@code vocabSize} rows of {@code d} values drawn from {@code N(0, 1 / d)} (mean 0,
     * standard deviation {@code 1 / sqrt(d)}).
     *
     * @param vocabSize {@code V}, at least 0 ({@code 0} gives a table of shape {@code (0, d)})
     * @param d         the model dimension, at least 1
     * @param random    where the values come from (the same seed gives the same table)
     * @return an embedding whose table is a fresh row-major tensor of shape {@code (V, d)}
     * @throws IllegalArgumentException when {@code vocabSize < 0} or {@code d < 1} (the message names the
     *     argument and its value)
     */
    public static TokenEmbedding initial(int vocabSize, int d, RandomGenerator random) {
        throw new UnsupportedOperationException("TODO(11): draw a (V, d) table with standard deviation 1 / sqrt(d)");
    }

    /**
     * Looks up row {@code ids[t]} of the table for every token {@code t} and scales it by {@code sqrt(d)}.
     *
     * @param ids token ids, each in {@code [0, V)}; none ({@code T = 0}) gives shape {@code (0, d)}; not modified
     * @return a fresh row-major tensor of shape {@code (T, d)}, sharing no storage with the table
     * @throws IllegalArgumentException when the table is not of rank 2 (the message names {@code table} and
     *     its shape), or when an id is negative or not below {@code V} (the message names the token and the
     *     id, as {@code ids[2] = 7}, and the table's shape, as {@code [5, 4]})
     */
    public Tensor embed(int... ids) {
        throw new UnsupportedOperationException("TODO(11): look up one row per id and scale it by sqrt(d)");
    }

    /**
     * {@code embed(ids)} plus the first {@code T} rows of a positional table: token {@code t} gets
     * row {@code t}, whatever its id.
     *
     * @param positions a positional table, shape {@code (maxLen, d)} with {@code maxLen >= T}, any
     *     layout (read it through its own strides and offset); not modified
     * @param ids       token ids, as for {@link #embed}; not modified
     * @return a fresh row-major tensor of shape {@code (T, d)}, sharing storage with neither table
     * @throws IllegalArgumentException as {@link #embed} does, when {@code positions} is not of rank 2
     *     (the message names {@code positions} and its shape), and when it has fewer than {@code T} rows
     *     or another {@code d} than the table (the message names the shapes of the embedded ids and of the
     *     positions)
     */
    public Tensor encode(Tensor positions, int... ids) {
        throw new UnsupportedOperationException("TODO(11): add positional row t to the embedding of token t");
    }
}
