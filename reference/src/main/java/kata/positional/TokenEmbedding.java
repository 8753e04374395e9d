package kata.positional;

import java.util.random.RandomGenerator;
import kata.support.Elementwise;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * A token embedding table {@code (V, d)}: {@code embed} looks ids up and scales them by
 * {@code sqrt(d)}, {@code encode} adds the positions.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/11-positional-encoding/}.
 *
 * @param table the embeddings, shape {@code (V, d)}; a trainer may read and replace it
 */
public record TokenEmbedding(Tensor table) {

    /** A table of {@code N(0, 1) / sqrt(d)} values: scaled by {@code sqrt(d)}, rows of size about 1 per feature. */
    public static TokenEmbedding initial(int vocabSize, int d, RandomGenerator random) {
        Shapes.requireAtLeast(vocabSize, 0, "vocabSize");
        Shapes.requireAtLeast(d, 1, "d");
        Tensor table = Tensor.gaussian(random, vocabSize, d); // (V, d), fresh row-major, standard deviation 1
        double scale = 1.0 / Math.sqrt(d);
        double[] values = table.storage();
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return new TokenEmbedding(table);
    }

    /** {@code out[t] = sqrt(d) * table[ids[t]]}: {@code (T) -> (T, d)}. */
    public Tensor embed(int... ids) {
        Shapes.requireMatrix(table, "table");
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
        Shapes.requireMatrix(positions, "positions");
        Tensor embedded = embed(ids); // (T, d)
        int seqLen = ids.length;
        int d = embedded.size(1);
        if (seqLen > positions.size(0) || d != positions.size(1)) {
            throw new IllegalArgumentException("ids of length " + seqLen + " embedded as " + Shapes.of(embedded)
                    + " need positions with at least " + seqLen + " rows of " + d + " features, but positions have"
                    + " shape " + Shapes.of(positions));
        }
        // The first T rows, read through the positions' own strides: token t gets row t, whatever its id.
        Tensor firstRows = Tensor.strided(positions.storage(), new int[] {seqLen, d}, positions.strides(),
                positions.offset()); // (T, d) view
        return Elementwise.add(embedded, firstRows);
    }

    private void requireInVocabulary(int[] ids, int t) {
        if (ids[t] < 0 || ids[t] >= table.size(0)) {
            throw new IllegalArgumentException("ids[" + t + "] = " + ids[t] + " has no row in table " + Shapes.of(table)
                    + ": ids run from 0 to V - 1");
        }
    }
}
