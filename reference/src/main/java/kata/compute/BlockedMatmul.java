package kata.compute;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * A matrix product computed tile by tile, so that each tile of {@code a}, {@code b} and the result
 * is reused while it is still in the cache.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/12-compute/}.
 */
public final class BlockedMatmul {

    private BlockedMatmul() {
    }

    /** {@code a b}, {@code (m, k)(k, n) -> (m, n)}, in {@code block x block} tiles. */
    public static Tensor multiply(Tensor a, Tensor b, int block) {
        Shapes.requireMatrix(a, "a");
        Shapes.requireMatrix(b, "b");
        if (a.size(1) != b.size(0)) {
            throw new IllegalArgumentException("a " + Shapes.of(a) + " and b " + Shapes.of(b)
                    + " must be (m, k) and (k, n)");
        }
        Shapes.requireAtLeast(block, 1, "block");
        int m = a.size(0);
        int k = a.size(1);
        int n = b.size(1);
        double[] out = new double[m * n]; // (m, n), row-major
        for (int i0 = 0; i0 < m; i0 += block) {
            for (int p0 = 0; p0 < k; p0 += block) {
                for (int j0 = 0; j0 < n; j0 += block) {
                    tile(a, b, out, new int[] {i0, p0, j0}, block);
                }
            }
        }
        return Tensor.of(new int[] {m, n}, out);
    }

    /** Adds tile {@code a[i0.., p0..] b[p0.., j0..]} into {@code out}; the last tiles may be smaller. */
    private static void tile(Tensor a, Tensor b, double[] out, int[] corner, int block) {
        int n = b.size(1);
        int iEnd = Math.min(corner[0] + block, a.size(0));
        int pEnd = Math.min(corner[1] + block, a.size(1));
        int jEnd = Math.min(corner[2] + block, n);
        for (int i = corner[0]; i < iEnd; i++) {
            for (int p = corner[1]; p < pEnd; p++) {
                double aip = a.get(i, p);
                for (int j = corner[2]; j < jEnd; j++) {
                    out[i * n + j] += aip * b.get(p, j); // accumulates over every tile of k
                }
            }
        }
    }
}
