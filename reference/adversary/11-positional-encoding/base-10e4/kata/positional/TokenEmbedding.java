package kata.positional;

import java.util.random.RandomGenerator;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * A token embedding: one learned row of {@code d} numbers per id of a vocabulary of {@code V} ids.
 *
 * @param table the embeddings, shape {@code (V, d)}, any layout
 */
public record TokenEmbedding(Tensor table) {

    public static TokenEmbedding initial(int vocabSize, int d, RandomGenerator random) {
        if (vocabSize < 0) {
            throw new IllegalArgumentException("vocabSize must be at least 0, was " + vocabSize);
        }
        if (d < 1) {
            throw new IllegalArgumentException("d must be at least 1, was " + d);
        }
        Tensor table = Tensor.gaussian(random, vocabSize, d);
        double scale = 1.0 / Math.sqrt(d);
        double[] values = table.storage();
        for (int k = 0; k < values.length; k++) {
            values[k] *= scale;
        }
        return new TokenEmbedding(table);
    }

    public Tensor embed(int... ids) {
        Shapes.requireMatrix(table, "table");
        int vocab = table.size(0);
        int d = table.size(1);
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] < 0 || ids[t] >= vocab) {
                throw new IllegalArgumentException("ids[" + t + "] = " + ids[t]
                        + " is not an id of a table of shape " + Shapes.of(table));
            }
        }
        double scale = Math.sqrt(d);
        Tensor out = Tensor.zeros(ids.length, d);
        for (int t = 0; t < ids.length; t++) {
            for (int j = 0; j < d; j++) {
                out.set(scale * table.get(ids[t], j), t, j);
            }
        }
        return out;
    }

    public Tensor encode(Tensor positions, int... ids) {
        Shapes.requireMatrix(positions, "positions");
        Tensor out = embed(ids);
        int tokens = out.size(0);
        int d = out.size(1);
        if (positions.size(0) < tokens || positions.size(1) != d) {
            throw new IllegalArgumentException("the embedded ids have shape " + Shapes.of(out)
                    + " but positions have shape " + Shapes.of(positions) + ": they need at least "
                    + tokens + " rows of " + d);
        }
        for (int t = 0; t < tokens; t++) {
            for (int j = 0; j < d; j++) {
                out.set(out.get(t, j) + positions.get(t, j), t, j);
            }
        }
        return out;
    }
}
