package kata.decoding;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The keys and values one attention has already computed, {@code (t, d)} each, kept so that a new
 * query attends over them without computing them again.
 */
public final class KeyValueCache {

    private final int maxLength;
    private final int dModel;
    private final double[] keyRows;                      // (maxLength, d), row-major
    private final double[] valueRows;                    // (maxLength, d), row-major
    private int length;

    public KeyValueCache(int maxLength, int dModel) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be at least 0, was " + maxLength);
        }
        if (dModel < 1) {
            throw new IllegalArgumentException("dModel must be at least 1, was " + dModel);
        }
        this.maxLength = maxLength;
        this.dModel = dModel;
        this.keyRows = new double[maxLength * dModel];
        this.valueRows = new double[maxLength * dModel];
    }

    private void requireRows(Tensor t, String name) {
        Shapes.requireMatrix(t, name);
        Shapes.requireLastAxis(t, dModel, name);
    }

    public void append(Tensor keys, Tensor values) {
        requireRows(keys, "keys");
        requireRows(values, "values");
        if (keys.size(0) != values.size(0)) {
            throw new IllegalArgumentException("keys has shape " + Shapes.of(keys) + " but values has shape "
                    + Shapes.of(values) + ": one value row per key row");
        }
        int n = keys.size(0);
        if (n > maxLength - length) {
            throw new IllegalStateException("the cache holds " + length + " rows, " + n
                    + " more would exceed maxLength = " + maxLength);
        }
        for (int r = 0; r < n; r++) {
            int row = (length + r) * dModel;
            for (int c = 0; c < dModel; c++) {
                keyRows[row + c] = keys.get(r, c);
                valueRows[row + c] = values.get(r, c);
            }
        }
        length += n;
    }

    public int length() {
        return length;
    }

    public int maxLength() {
        return maxLength;
    }

    public Tensor keys() {
        return Tensor.strided(keyRows, new int[] {length, dModel}, new int[] {dModel, 1}, 0);
    }

    public Tensor values() {
        return Tensor.strided(valueRows, new int[] {length, dModel}, new int[] {dModel, 1}, 0);
    }

    public void reset() {
        length = 0;
    }

    public Tensor attend(Tensor queries, int numHeads, boolean[] padded) {
        Shapes.requireMatrix(queries, "queries");
        Shapes.requireLastAxis(queries, dModel, "queries");
        if (numHeads < 1 || dModel % numHeads != 0) {
            throw new IllegalArgumentException("numHeads must be at least 1 and divide d = " + dModel
                    + ", was " + numHeads);
        }
        int n = queries.size(0);
        if (padded != null) {
            if (padded.length != length) {
                throw new IllegalArgumentException("padded has length " + padded.length + ", but the cache holds "
                        + length + " rows: one flag per row");
            }
            boolean anyVisible = false;
            for (boolean p : padded) {
                anyVisible |= !p;
            }
            if (!anyVisible && n > 0) {
                throw new IllegalArgumentException("padded hides all " + length + " cached rows");
            }
        }
        if (length == 0 && n > 0) {
            throw new IllegalArgumentException("the cache is empty: " + n + " queries have no key to attend to");
        }
        int headDim = dModel / numHeads;
        double scale = Math.sqrt(headDim);
        double[] out = new double[n * dModel];
        double[] scores = new double[length];
        for (int i = 0; i < numHeads; i++) {
            int from = i * headDim;
            for (int r = 0; r < n; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < length; j++) {
                    if (padded != null && padded[j]) {
                        scores[j] = Double.NEGATIVE_INFINITY;
                        continue;
                    }
                    double dot = 0.0;
                    for (int c = 0; c < headDim; c++) {
                        dot += queries.get(r, from + c) * keyRows[j * dModel + from + c];
                    }
                    scores[j] = dot / scale;
                    max = Math.max(max, scores[j]);
                }
                double sum = 0.0;
                for (int j = 0; j < length; j++) {
                    scores[j] = Math.exp(scores[j] - max);
                    sum += scores[j];
                }
                for (int j = 0; j < length; j++) {
                    double w = scores[j] / sum;
                    for (int c = 0; c < headDim; c++) {
                        out[r * dModel + from + c] += w * valueRows[j * dModel + from + c];
                    }
                }
            }
        }
        return Tensor.of(new int[] {n, dModel}, out);
    }
}
