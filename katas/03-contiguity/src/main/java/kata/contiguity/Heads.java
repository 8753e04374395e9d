package kata.contiguity;

import kata.support.Tensor;

/**
 * Splitting T vectors of width d into h heads of width {@code d_k = d / h}, and merging them back:
 * the two reshapes multi-head attention does around the attention itself.
 *
 * <p>Head {@code i} owns columns {@code i * d_k .. i * d_k + d_k - 1} of every token. Build both
 * directions from {@link Views}: a split is a view followed by a transpose, so its result is a view
 * of x that is not contiguous; a merge has to undo the transpose, and then make the tensor
 * contiguous before it can view it as {@code (T, d)}.
 */
public final class Heads {

    private Heads() {
    }

    /**
     * {@code (T, d) -> (h, T, d_k)} with {@code h = numHeads}: element {@code [i, t, j]} is
     * {@code x[t, i * d_k + j]}. When x is contiguous the result is a view of x (shares its storage,
     * is not contiguous when h > 1 and T > 1); x may also be in any other layout.
     *
     * @throws IllegalArgumentException when x is not a matrix, numHeads is not positive, or d is not
     *     divisible by numHeads (the message names d and numHeads)
     */
    public static Tensor split(Tensor x, int numHeads) {
        throw new UnsupportedOperationException("TODO(03): split every token's d columns into h heads of d_k");
    }

    /**
     * {@code (h, T, d_k) -> (T, d)} with {@code d = h * d_k}: element {@code [t, i * d_k + j]} is
     * {@code heads[i, t, j]}. The inverse of {@link #split}. The heads may be in any layout.
     *
     * @throws IllegalArgumentException when heads does not have rank 3
     */
    public static Tensor merge(Tensor heads) {
        throw new UnsupportedOperationException("TODO(03): put the heads' columns back side by side");
    }
}
