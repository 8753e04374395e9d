package kata.support;

import java.util.Arrays;

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
        requireMatrix("a", a);
        requireMatrix("b", b);
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("cannot multiply " + shape(a) + " by " + shape(b)
                    + ": the columns of a must equal the rows of b");
        }
        Tensor product = Tensor.zeros(a.size(0), b.size(1)); // (m, n)
        for (int i = 0; i < a.size(0); i++) {
            for (int j = 0; j < b.size(1); j++) {
                double sum = 0.0;
                for (int k = 0; k < a.size(1); k++) {
                    sum += a.get(i, k) * b.get(k, j);
                }
                product.set(sum, i, j);
            }
        }
        return product;
    }

    /**
     * The product with the second matrix transposed, {@code a b^T}: {@code (m, k) x (n, k) -> (m, n)}.
     * Attention scores are {@code Q K^T}: every query row against every key row.
     *
     * @throws IllegalArgumentException when a or b is not a matrix or the row lengths differ
     */
    public static Tensor matmulTransposed(Tensor a, Tensor b) {
        requireMatrix("a", a);
        requireMatrix("b", b);
        if (a.size(1) != b.size(1)) {
            throw new IllegalArgumentException("cannot multiply " + shape(a) + " by the transpose of "
                    + shape(b) + ": both need rows of the same length");
        }
        Tensor product = Tensor.zeros(a.size(0), b.size(0)); // (m, n)
        for (int i = 0; i < a.size(0); i++) {
            for (int j = 0; j < b.size(0); j++) {
                double sum = 0.0;
                for (int k = 0; k < a.size(1); k++) {
                    sum += a.get(i, k) * b.get(j, k);
                }
                product.set(sum, i, j);
            }
        }
        return product;
    }

    /**
     * A linear layer {@code x W + b}: {@code (T, d_in) x (d_in, d_out) + (d_out) -> (T, d_out)}.
     *
     * @throws IllegalArgumentException when the shapes do not fit together
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        Tensor out = matmul(x, weight); // (T, d_out)
        if (bias.rank() != 1 || bias.size(0) != out.size(1)) {
            throw new IllegalArgumentException("bias " + shape(bias) + " does not fit weight "
                    + shape(weight) + ": expected shape [" + out.size(1) + "]");
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

    private static void requireMatrix(String name, Tensor t) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix (rank 2), but has shape "
                    + shape(t));
        }
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
