package kata.backprop;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of kata 11's embedding lookup, {@code out[t] = scale * table[ids[t]]}
 * ({@code scale = sqrt(d)} in kata 11, 1 for a plain lookup):
 * <pre>
 *   table  (V, d),  ids (T),  out (T, d)
 *   given dout (T, d), return dtable (V, d)
 * </pre>
 * Only the rows of ids that occur receive a gradient; the others stay 0.
 *
 * <p>No argument is modified; dOutput may have any layout; dtable is a fresh row-major tensor.
 * No ids ({@code T = 0}) give a table of zeros.
 */
public final class EmbeddingBackward {

    private EmbeddingBackward() {
    }

    /**
     * The gradient of the loss with respect to the embedding table.
     *
     * @param ids       the looked-up ids, each in {@code [0, V)}; not modified
     * @param vocabSize V, at least 0
     * @param scale     the factor the lookup multiplied each row by
     * @param dOutput   dout, shape {@code (T, d)}; not modified
     * @return a fresh dtable of shape {@code (V, d)}
     * @throws IllegalArgumentException when vocabSize is negative (naming "vocabSize"), when dOutput is
     *     not a matrix or has not one row per id (naming "dOutput" and its shape), or when an id is
     *     outside {@code [0, V)} (naming it, as {@code ids[2] = 7})
     */
    public static Tensor backward(int[] ids, int vocabSize, double scale, Tensor dOutput) {
        Shapes.requireAtLeast(vocabSize, 1, "vocabSize");
        if (dOutput.rank() != 2 || dOutput.size(0) != ids.length) {
            throw new IllegalArgumentException("dOutput must have shape (T, d) with T = " + ids.length
                    + " (one row per id), but has shape " + Shapes.of(dOutput));
        }
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] < 0 || ids[t] >= vocabSize) {
                throw new IllegalArgumentException("ids[" + t + "] = " + ids[t] + " is outside [0, " + vocabSize + ")");
            }
        }
        int d = dOutput.size(1);
        Tensor dTable = Tensor.zeros(vocabSize, d);
        double[] out = dTable.storage();
        for (int t = 0; t < ids.length; t++) {
            int row = ids[t];
            for (int c = 0; c < d; c++) {
                out[row * d + c] += scale * dOutput.get(t, c);
            }
        }
        return dTable;
    }
}
