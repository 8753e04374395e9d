package kata.backprop;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of an embedding lookup {@code out[t] = scale * table[ids[t]]}: the gradient of
 * the table scatters into the rows of the used ids, {@code dtable[ids[t]] += scale * dout[t]}, and
 * adds up for an id used twice. Rows of unused ids stay 0.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/13-backpropagation/}.
 */
public final class EmbeddingBackward {

    private EmbeddingBackward() {
    }

    /** dtable {@code (V, d)} of the lookup of {@code ids (T)} scaled by {@code scale}, from {@code dOutput (T, d)}. */
    public static Tensor backward(int[] ids, int vocabSize, double scale, Tensor dOutput) {
        Shapes.requireAtLeast(vocabSize, 0, "vocabSize");
        Shapes.requireMatrix(dOutput, "dOutput");
        if (dOutput.size(0) != ids.length) {
            throw new IllegalArgumentException("dOutput has shape " + Shapes.of(dOutput) + ", but there are "
                    + ids.length + " ids: one row per id");
        }
        int d = dOutput.size(1);
        Tensor dTable = Tensor.zeros(vocabSize, d);      // (V, d)
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] < 0 || ids[t] >= vocabSize) {
                throw new IllegalArgumentException("ids[" + t + "] = " + ids[t] + " is outside the vocabulary of vocabSize = "
                        + vocabSize);
            }
            for (int j = 0; j < d; j++) {
                dTable.set(dTable.get(ids[t], j) + scale * dOutput.get(t, j), ids[t], j);   // += for a repeated id
            }
        }
        return dTable;
    }
}
