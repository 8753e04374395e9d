package kata.positional;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import kata.support.Tensor;

/**
 * A token embedding table {@code (V, d)}: {@code embed} looks ids up and scales them by
 * {@code sqrt(d)}, {@code encode} adds the positions.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>no {@code sqrt(d)} scale: {@code PositionalSpec#embedLooksUpAndScalesBySqrtD};</li>
 *   <li>scaled by {@code d} instead of {@code sqrt(d)}: {@code PositionalSpec#embedLooksUpAndScalesBySqrtD};</li>
 *   <li>an N(0, 1) table (standard deviation 1, not {@code 1 / sqrt(d)}), whose scaled rows drown
 *       the positions: {@code PositionalSpec#initialiseHasStandardDeviationOneOverSqrtD};</li>
 *   <li>only ids above the vocabulary rejected, a negative id left to the support code's own error:
 *       {@code PositionalSpec#aNegativeIdIsRejected};</li>
 *   <li>rows read as if the table were row-major, ignoring its strides and offset:
 *       {@code PositionalSpec#embedReadsATableInAnyLayout},
 *       {@code PositionalProperties#embedPicksRowIdScaledBySqrtD};</li>
 *   <li>positions added from row 1 (or by id instead of by token index):
 *       {@code PositionalSpec#encodeAddsRowTToTokenT}.</li>
 * </ul>
 *
 * @param table the embeddings, shape {@code (V, d)}; a trainer may read and replace it
 */
public record TokenEmbedding(Tensor table) {

    /** A table of {@code N(0, 1) / sqrt(d)} values: scaled by {@code sqrt(d)}, rows of size about 1 per feature. */
    public static TokenEmbedding initialise(int vocabSize, int d, RandomGenerator random) {
        if (vocabSize < 0) {
            throw new IllegalArgumentException("vocabSize must be at least 0, but is vocabSize = " + vocabSize);
        }
        if (d <= 0) {
            throw new IllegalArgumentException("d must be at least 1, but is d = " + d);
        }
        Tensor table = Tensor.gaussian(random, vocabSize, d); // (V, d), standard deviation 1
        double scale = 1.0 / Math.sqrt(d);
        for (int id = 0; id < vocabSize; id++) {
            for (int j = 0; j < d; j++) {
                table.set(table.get(id, j) * scale, id, j);
            }
        }
        return new TokenEmbedding(table);
    }

    /** {@code out[t] = sqrt(d) * table[ids[t]]}: {@code (T) -> (T, d)}. */
    public Tensor embed(int... ids) {
        if (table.rank() != 2) {
            throw new IllegalArgumentException("table must have shape (V, d), but has shape " + shape(table));
        }
        int d = table.size(1);
        double scale = Math.sqrt(d);
        Tensor out = Tensor.zeros(ids.length, d); // (T, d)
        for (int t = 0; t < ids.length; t++) {
            requireInVocabulary(ids, t);
            for (int j = 0; j < d; j++) {
                out.set(scale * table.get(ids[t], j), t, j);
            }
        }
        return out;
    }

    /** {@code embed(ids) + positions[0:T]}: {@code (T, d) + (T, d) -> (T, d)}. */
    public Tensor encode(Tensor positions, int... ids) {
        if (positions.rank() != 2) {
            throw new IllegalArgumentException("positions must have shape (maxLen, d), but has shape "
                    + shape(positions));
        }
        Tensor out = embed(ids); // (T, d)
        if (ids.length > positions.size(0) || out.size(1) != positions.size(1)) {
            throw new IllegalArgumentException("ids of length " + ids.length + " embedded as " + shape(out)
                    + " need positions with at least " + ids.length + " rows of " + out.size(1)
                    + " features, but positions have shape " + shape(positions));
        }
        for (int t = 0; t < ids.length; t++) {
            for (int j = 0; j < out.size(1); j++) {
                out.set(out.get(t, j) + positions.get(t, j), t, j); // token t gets row t, whatever its id
            }
        }
        return out;
    }

    private void requireInVocabulary(int[] ids, int t) {
        if (ids[t] < 0 || ids[t] >= table.size(0)) {
            throw new IllegalArgumentException("ids[" + t + "] = " + ids[t] + " is outside the vocabulary 0 to "
                    + (table.size(0) - 1) + " of table " + shape(table));
        }
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
