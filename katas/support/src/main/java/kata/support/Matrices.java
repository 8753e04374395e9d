package kata.support;

/**
 * Small matrix helpers for the later katas, on rank-2 tensors {@code (rows, columns)}.
 * Every result is a fresh row-major tensor; the inputs are never modified.
 *
 * <p>Convention: a weight matrix is stored {@code (d_in, d_out)} and applied as {@code x W + b},
 * as in the paper. (PyTorch's {@code nn.Linear} stores the transpose, {@code (d_out, d_in)}.)
 */
public final class Matrices {

    private Matrices() {
    }

    /**
     * The matrix product {@code a b}: {@code (m, k) x (k, n) -> (m, n)}.
     *
     * @throws IllegalArgumentException when a or b is not a matrix or the inner sizes differ
     */
    public static Tensor matmul(Tensor a, Tensor b) {
        Shapes.requireMatrix(a, "a");
        Shapes.requireMatrix(b, "b");
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("cannot multiply " + Shapes.of(a) + " by " + Shapes.of(b)
                    + ": the columns of a must equal the rows of b");
        }
        int m = a.size(0);
        int n = b.size(1);
        int inner = a.size(1);
        double[] as = a.storage();
        double[] bs = b.storage();
        int[] sa = a.strides();
        int[] sb = b.strides();
        double[] product = new double[m * n];            // (m, n), row-major
        // Row i of the product gathers a[i][k] times row k of b, k in order: each sum is added up in
        // the same order as a dot product would, and the inner loop runs along rows, not columns.
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = as[a.offset() + i * sa[0] + k * sa[1]];
                int bRow = b.offset() + k * sb[0];
                int out = i * n;
                if (sb[1] == 1) {                        // a row of b in one piece: the loop the JIT vectorizes
                    for (int j = 0; j < n; j++) {
                        product[out + j] += aik * bs[bRow + j];
                    }
                } else {
                    for (int j = 0; j < n; j++) {
                        product[out + j] += aik * bs[bRow + j * sb[1]];
                    }
                }
            }
        }
        return rowMajor(product, m, n);
    }

    /**
     * The product with the second matrix transposed, {@code a b^T}: {@code (m, k) x (n, k) -> (m, n)}.
     * Attention scores are {@code Q K^T}: every query row against every key row.
     *
     * @throws IllegalArgumentException when a or b is not a matrix or the row lengths differ
     */
    public static Tensor matmulTransposed(Tensor a, Tensor b) {
        Shapes.requireMatrix(a, "a");
        Shapes.requireMatrix(b, "b");
        if (a.size(1) != b.size(1)) {
            throw new IllegalArgumentException("cannot multiply " + Shapes.of(a) + " by the transpose of "
                    + Shapes.of(b) + ": both need rows of the same length");
        }
        // b^T copied once into a row-major (k, n) array, then the same row-wise loop as matmul: every
        // sum is still added up in the order of k, as the dot product of a row of a and a row of b.
        int n = b.size(0);
        int inner = b.size(1);
        double[] transposed = new double[inner * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < inner; k++) {
                transposed[k * n + j] = b.get(j, k);
            }
        }
        return matmul(a, rowMajor(transposed, inner, n));
    }

    /**
     * A linear layer {@code x W + b}: {@code (T, d_in) x (d_in, d_out) + (d_out) -> (T, d_out)}.
     *
     * @throws IllegalArgumentException when the shapes do not fit together
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        Tensor out = matmul(x, weight); // (T, d_out)
        if (bias.rank() != 1 || bias.size(0) != out.size(1)) {
            throw new IllegalArgumentException("bias " + Shapes.of(bias) + " does not fit weight "
                    + Shapes.of(weight) + ": expected shape [" + out.size(1) + "]");
        }
        for (int t = 0; t < out.size(0); t++) {
            for (int j = 0; j < out.size(1); j++) {
                out.set(out.get(t, j) + bias.get(j), t, j);
            }
        }
        return out;
    }

    /** The {@code n x n} identity matrix. */
    public static Tensor identity(int n) {
        Tensor eye = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            eye.set(1.0, i, i);
        }
        return eye;
    }

    /** Wraps a fresh row-major array as an {@code (m, n)} tensor, without copying it. */
    private static Tensor rowMajor(double[] values, int m, int n) {
        return Tensor.strided(values, new int[] {m, n}, new int[] {n, 1}, 0);
    }
}
