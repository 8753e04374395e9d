package kata.compute;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The matrix product computed in tiles. The naive triple loop walks a whole column of {@code b}
 * for every output; for large matrices those columns no longer fit in the cache and every read
 * goes to memory. Working on {@code block x block} tiles reuses each tile of {@code a}, {@code b}
 * and the result many times while it is cached:
 * <pre>
 *   for each tile row i0, each tile k0, each tile column j0 (steps of block):
 *       out[i0.., j0..] += a[i0.., k0..] b[k0.., j0..]        (tiles at the edges may be smaller)
 * </pre>
 * The result is the same product as {@code Matrices.matmul}, up to rounding.
 */
public final class BlockedMatmul {

    private BlockedMatmul() {
    }

    /**
     * {@code a b} in tiles of {@code block x block}.
     *
     * @param a     shape {@code (m, k)}, any layout; not modified
     * @param b     shape {@code (k, n)}, any layout; not modified
     * @param block the tile size, at least 1; it need not divide {@code m}, {@code k} or {@code n}
     * @return a fresh row-major tensor of shape {@code (m, n)}; {@code k = 0} gives zeros
     * @throws IllegalArgumentException when {@code a} or {@code b} is not a matrix (the message names it
     *     and its shape), when the inner sizes differ (the message names both shapes), or when
     *     {@code block < 1} (the message names {@code block} and its value)
     */
    public static Tensor multiply(Tensor a, Tensor b, int block) {
        Shapes.requireMatrix(a, "a");
        Shapes.requireMatrix(b, "b");
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("cannot multiply a " + Shapes.of(a) + " by b " + Shapes.of(b)
                    + ": the columns of a must equal the rows of b");
        }
        Shapes.requireAtLeast(block, 1, "block");
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        double[] out = new double[m * n];
        for (int i0 = 0; i0 < m; i0 += block) {
            int iEnd = Math.min(i0 + block, m);
            for (int k0 = 0; k0 < k; k0 += block) {
                int kEnd = Math.min(k0 + block, k);
                for (int j0 = 0; j0 < n; j0 += block) {
                    int jEnd = Math.min(j0 + block, n);
                    for (int i = i0; i < iEnd; i++) {
                        for (int kk = k0; kk < kEnd; kk++) {
                            double aik = a.get(i, kk);
                            for (int j = j0; j < jEnd; j++) {
                                out[i * n + j] += aik * b.get(kk, j);
                            }
                        }
                    }
                }
            }
        }
        return Tensor.of(new int[] {m, n}, out);
    }
}
