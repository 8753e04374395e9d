package kata.support;

/**
 * The reshapes multi-head attention does around the attention itself (kata 03 teaches them and may
 * not use these; every later kata may). Head {@code i} owns columns {@code i d_k .. (i + 1) d_k - 1}
 * of every token, with {@code d_k = d / h}.
 */
public final class HeadViews {

    private HeadViews() {
    }

    /**
     * {@code (T, d) -> (h, T, d_k)}: element {@code [i, t, j]} is {@code x[t, i d_k + j]}, in a fresh
     * row-major tensor; x may be in any layout and is never modified.
     *
     * @throws IllegalArgumentException when x is not a matrix, numHeads is not positive, or d is not
     *     divisible by numHeads
     */
    public static Tensor split(Tensor x, int numHeads) {
        Shapes.requireMatrix(x, "x");
        if (numHeads < 1) {
            throw new IllegalArgumentException("numHeads must be at least 1, was " + numHeads);
        }
        int seqLen = x.size(0);
        int width = x.size(1);
        if (width % numHeads != 0) {
            throw new IllegalArgumentException("x has shape " + Shapes.of(x) + ": d = " + width
                    + " is not divisible by numHeads = " + numHeads);
        }
        int headDim = width / numHeads;
        Tensor heads = Tensor.zeros(numHeads, seqLen, headDim);                     // (h, T, d_k)
        for (int i = 0; i < numHeads; i++) {
            for (int t = 0; t < seqLen; t++) {
                for (int j = 0; j < headDim; j++) {
                    heads.set(x.get(t, i * headDim + j), i, t, j);
                }
            }
        }
        return heads;
    }

    /**
     * {@code (h, T, d_k) -> (T, h d_k)}: head {@code i} goes to columns {@code i d_k .. (i + 1) d_k - 1},
     * in a fresh row-major tensor. The inverse of {@link #split}.
     *
     * @throws IllegalArgumentException when heads does not have rank 3
     */
    public static Tensor merge(Tensor heads) {
        Shapes.requireRank(heads, 3, "heads");
        int numHeads = heads.size(0);
        int seqLen = heads.size(1);
        int headDim = heads.size(2);
        Tensor x = Tensor.zeros(seqLen, numHeads * headDim);                       // (T, d)
        for (int i = 0; i < numHeads; i++) {
            for (int t = 0; t < seqLen; t++) {
                for (int j = 0; j < headDim; j++) {
                    x.set(heads.get(i, t, j), t, i * headDim + j);
                }
            }
        }
        return x;
    }

    /**
     * Head {@code i} of {@code (h, T, d_k)} as a view {@code (T, d_k)}: it shares the storage, so a
     * write through it changes {@code heads}.
     *
     * @throws IllegalArgumentException when heads does not have rank 3 or i is not a head of it
     */
    public static Tensor head(Tensor heads, int i) {
        Shapes.requireRank(heads, 3, "heads");
        if (i < 0 || i >= heads.size(0)) {
            throw new IllegalArgumentException("head " + i + " is not a head of heads with shape " + Shapes.of(heads));
        }
        int[] strides = heads.strides();
        return Tensor.strided(heads.storage(), new int[] {heads.size(1), heads.size(2)},
                new int[] {strides[1], strides[2]}, heads.offset() + i * strides[0]);
    }

    /**
     * Matrices of one shape {@code (r, c)} stacked along a new first axis, {@code (n, r, c)}, in a fresh
     * row-major tensor: the outputs or weights of each head put side by side.
     *
     * @throws IllegalArgumentException when there is no matrix, one is not a matrix, or the shapes differ
     */
    public static Tensor stack(Tensor... matrices) {
        if (matrices.length == 0) {
            throw new IllegalArgumentException("stack needs at least one matrix");
        }
        for (int i = 0; i < matrices.length; i++) {
            Shapes.requireMatrix(matrices[i], "matrices[" + i + "]");
            Shapes.requireSameShape(matrices[i], "matrices[" + i + "]", matrices[0], "matrices[0]");
        }
        int rows = matrices[0].size(0);
        int columns = matrices[0].size(1);
        Tensor stacked = Tensor.zeros(matrices.length, rows, columns);             // (n, r, c)
        for (int i = 0; i < matrices.length; i++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    stacked.set(matrices[i].get(r, c), i, r, c);
                }
            }
        }
        return stacked;
    }
}
