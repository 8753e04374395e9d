package kata.contiguity;

import kata.support.Tensor;

/**
 * Splitting T vectors of width d into h heads of width {@code d_k = d / h}, and merging them back:
 * the two reshapes multi-head attention does around the attention itself.
 *
 * <p>Head {@code i} owns columns {@code i * d_k .. i * d_k + d_k - 1} of every token. Build both
 * directions from {@link Views}: a split is a reshape by {@code view} followed by a transpose, so
 * its result is a view of x that is not contiguous; a merge has to undo the transpose, and then
 * make the tensor contiguous before {@code view} can reshape it to {@code (T, d)}.
 */
public final class Heads {

    private Heads() {
    }

    /**
     * {@code (T, d) -> (h, T, d_k)} with {@code h = numHeads}: element {@code [i, t, j]} is
     * {@code x[t, i * d_k + j]}. When x is contiguous the result is a view of x (shares its storage,
     * is not contiguous when h > 1 and T > 1); x may also be in any other layout, and is never
     * written to. With T = 0 the result is {@code (h, 0, d_k)}; with d = 0 it is {@code (h, T, 0)}.
     *
     * @throws IllegalArgumentException when x is not a matrix (the message names its shape), when
     *     numHeads is not positive (the message names numHeads and x's shape), or when d is not
     *     divisible by numHeads (the message names d and numHeads)
     */
    public static Tensor split(Tensor x, int numHeads) {
        throw new UnsupportedOperationException("TODO(03): split every token's d columns into h heads of d_k");
    }

    /**
     * {@code (h, T, d_k) -> (T, d)} with {@code d = h * d_k}: element {@code [t, i * d_k + j]} is
     * {@code heads[i, t, j]}. The inverse of {@link #split}. The heads may be in any layout and are
     * never written to. The result is a view of the heads when no copy is needed, as for the split
     * of a contiguous x ({@code merge(split(x, h))} shares x's storage), and a fresh copy otherwise
     * (for fresh (h, T, d_k) heads with h > 1 and T > 1).
     *
     * @throws IllegalArgumentException when heads does not have rank 3 (the message names its shape)
     */
    public static Tensor merge(Tensor heads) {
        throw new UnsupportedOperationException("TODO(03): put the heads' columns back side by side");
    }
}
