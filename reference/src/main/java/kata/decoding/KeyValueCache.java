package kata.decoding;

import kata.support.Masks;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The keys and values one attention has already computed, {@code (t, d)} each, in storage reserved
 * for {@code maxLength} rows, and multi-head attention of projected queries over them:
 * <pre>
 *   head i (n, d_k) = softmax(Q_i K_i^T / sqrt(d_k), padded keys at -infinity) V_i
 *   result (n, d)   = concat(head 0, ..., head h-1)     head i owns columns i d_k .. (i+1) d_k - 1
 * </pre>
 * Mistakes learners make here are in {@code reference/known-wrong/16-decoding/}.
 */
public final class KeyValueCache {

    private final int maxLength;
    private final int dModel;
    private final double[] keys;                         // (maxLength, d), row-major; rows 0 .. length-1 in use
    private final double[] values;                       // (maxLength, d)
    private int length;

    /** An empty cache of at most {@code maxLength} rows of width {@code dModel}. */
    public KeyValueCache(int maxLength, int dModel) {
        Shapes.requireAtLeast(maxLength, 0, "maxLength");
        Shapes.requireAtLeast(dModel, 1, "dModel");
        this.maxLength = maxLength;
        this.dModel = dModel;
        this.keys = new double[maxLength * dModel];
        this.values = new double[maxLength * dModel];
    }

    /** Copies {@code n} rows of keys and values after the rows already there, or refuses to grow. */
    public void append(Tensor keys, Tensor values) {
        requireRows(keys, "keys");
        Shapes.requireSameShape(keys, "keys", values, "values");    // so values are (n, d) too
        int rows = keys.size(0);
        if (length + rows > maxLength) {                 // checked before any write: a refused append changes nothing
            throw new IllegalStateException("the cache holds at most maxLength = " + maxLength + " rows: it holds "
                    + length + " and cannot take " + rows + " more");
        }
        for (int t = 0; t < rows; t++) {
            for (int c = 0; c < dModel; c++) {
                this.keys[(length + t) * dModel + c] = keys.get(t, c);      // get(): any layout
                this.values[(length + t) * dModel + c] = values.get(t, c);
            }
        }
        length += rows;
    }

    public int length() {
        return length;
    }

    public int maxLength() {
        return maxLength;
    }

    /** A view of the first {@code length} rows: no copy per step. */
    public Tensor keys() {
        return Tensor.strided(keys, new int[] {length, dModel}, new int[] {dModel, 1}, 0);   // (t, d)
    }

    public Tensor values() {
        return Tensor.strided(values, new int[] {length, dModel}, new int[] {dModel, 1}, 0); // (t, d)
    }

    /** Empties the cache; the old rows are overwritten by the next appends. */
    public void reset() {
        length = 0;
    }

    /** Multi-head attention of projected {@code queries} over the cached rows, before the output projection. */
    public Tensor attend(Tensor queries, int numHeads, boolean[] padded) {
        requireRows(queries, "queries");
        if (numHeads < 1 || dModel % numHeads != 0) {
            throw new IllegalArgumentException("numHeads = " + numHeads + " must be at least 1 and divide d = " + dModel);
        }
        int count = queries.size(0);
        if (count > 0 && length == 0) {
            throw new IllegalArgumentException("the cache is empty: queries of shape " + Shapes.of(queries)
                    + " have no key to attend to");
        }
        boolean[] hidden = padded == null ? new boolean[length] : Masks.padding(padded, length, 1, "padded")[0];
        int headDim = dModel / numHeads;
        double scale = Math.sqrt(headDim);               // sqrt(d_k), the head's width, not sqrt(d)
        Tensor result = Tensor.zeros(count, dModel);     // (n, d)
        double[] weights = new double[length];           // one query's weights in one head, (t)
        for (int n = 0; n < count; n++) {
            for (int head = 0; head < numHeads; head++) {
                int from = head * headDim;
                // pass 1: scores and their max
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < length; j++) {
                    double dot = 0.0;
                    for (int c = from; c < from + headDim; c++) {
                        dot += queries.get(n, c) * keys[j * dModel + c];
                    }
                    weights[j] = hidden[j] ? Double.NEGATIVE_INFINITY : dot / scale;
                    max = Math.max(max, weights[j]);
                }
                // pass 2: exponentials shifted by the max, and their sum
                double sum = 0.0;
                for (int j = 0; j < length; j++) {
                    weights[j] = Math.exp(weights[j] - max);
                    sum += weights[j];
                }
                // pass 3: the weighted values, into this head's columns
                for (int c = from; c < from + headDim; c++) {
                    double out = 0.0;
                    for (int j = 0; j < length; j++) {
                        out += weights[j] / sum * values[j * dModel + c];
                    }
                    result.set(out, n, c);
                }
            }
        }
        return result;
    }

    private void requireRows(Tensor rows, String name) {
        Shapes.requireMatrix(rows, name);
        Shapes.requireLastAxis(rows, dModel, name);
    }
}
