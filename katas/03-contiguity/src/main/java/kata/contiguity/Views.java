package kata.contiguity;

import kata.support.Tensor;

/**
 * Views: new shapes and strides over the same storage, and the one copy that makes a layout
 * row-major again.
 *
 * <p>A view (the noun) is a tensor that reads another tensor's storage array through a different
 * layout (build it with {@link Tensor#strided}). It costs nothing, whatever the size, and a write
 * through one is seen through the other. The method {@link #view} is one way to make a view: the
 * reshaping one. Conventions the specs hold you to:
 * <ul>
 *   <li>{@code transpose}, {@code permute}, {@code narrow} and {@code view} never copy: each returns
 *       a view, sharing x's storage;</li>
 *   <li>only a contiguous tensor can be reshaped by {@code view}; {@code contiguous} copies only
 *       when it must;</li>
 *   <li>negative axes count from the end, PyTorch style: -1 is the last axis;</li>
 *   <li>no method writes into its arguments: not into x's storage, not into an {@code int[]} such
 *       as a shape or an order;</li>
 *   <li>errors are {@link IllegalArgumentException}s whose message names the bad argument and
 *       the shape(s), printed as {@code [2, 3]}.</li>
 * </ul>
 */
public final class Views {

    private Views() {
    }

    /**
     * Swaps axes {@code a} and {@code b}, as a view. Negative axes count from the end: -1 is the
     * last axis, so {@code transpose(k, -2, -1)} turns {@code (h, T, d_k)} into {@code (h, d_k, T)}.
     * A (2, 3) tensor with strides (3, 1) becomes a (3, 2) tensor with strides (1, 3).
     *
     * @throws IllegalArgumentException when an axis is outside {@code [-rank, rank)} (a scalar has
     *     no axes); the message names the axis and the shape
     */
    public static Tensor transpose(Tensor x, int a, int b) {
        throw new UnsupportedOperationException("TODO(03): swap two axes without copying");
    }

    /**
     * Reorders the axes, as a view: axis {@code i} of the result is axis {@code order[i]} of x, so
     * {@code result.size(i) == x.size(order[i])}. Shape (2, 3, 4) with order (1, 2, 0) becomes
     * (3, 4, 2). The inverse permutation, {@code inverse[order[i]] = i}, undoes it. Negative entries
     * count from the end, as in {@link #transpose}: order (-1, 0, 1) is order (2, 0, 1), and
     * (0, -3, 2) repeats axis 0.
     *
     * @throws IllegalArgumentException when order is not a permutation of the axes (wrong length,
     *     an axis outside {@code [-rank, rank)}, or one axis named twice); the message names the
     *     order and the shape
     */
    public static Tensor permute(Tensor x, int... order) {
        throw new UnsupportedOperationException("TODO(03): reorder the axes without copying");
    }

    /**
     * Indices {@code start .. start + length - 1} of axis {@code axis}, as a view (PyTorch's
     * {@code narrow}): the result has x's shape but {@code length} on that axis, x's strides, and
     * its offset moved to where x's index {@code start} on that axis sits,
     * {@code x.offset() + start * x.strides()[axis]}. Narrowing (4, 3) to rows 2 .. 3 gives a (2, 3)
     * tensor; narrowing it to column 1 gives a (4, 1) tensor that is not contiguous. A length of 0
     * gives an empty axis; a negative axis counts from the end.
     *
     * @throws IllegalArgumentException when the axis is outside {@code [-rank, rank)}, when start
     *     or length is negative, or when {@code start + length} exceeds the size of the axis; the
     *     message names the axis, start, length and the shape
     */
    public static Tensor narrow(Tensor x, int axis, int start, int length) {
        throw new UnsupportedOperationException("TODO(03): keep a run of indices of one axis, without copying");
    }

    /**
     * Whether x is contiguous: its elements, taken in row-major index order, sit at consecutive
     * storage positions starting at the offset ({@code offset, offset + 1, offset + 2, ...}).
     *
     * <p>Mind three things: the offset may be anything (a block of whole rows further on in a
     * larger storage is contiguous); the stride of an axis of size 1 is never used to reach an
     * element, so it can be anything; and a tensor with no elements is contiguous.
     */
    public static boolean isContiguous(Tensor x) {
        throw new UnsupportedOperationException("TODO(03): decide whether the elements sit side by side in row-major order");
    }

    /**
     * A contiguous tensor with x's elements: x itself (the same object) when x is already
     * contiguous; otherwise a fresh row-major copy (offset 0, its own storage) holding the same
     * element at every index. A tensor with no elements is contiguous, so it comes back as it is.
     */
    public static Tensor contiguous(Tensor x) {
        throw new UnsupportedOperationException("TODO(03): return x when contiguous, else copy it into row-major order");
    }

    /**
     * The same elements read in row-major order through a new shape, as a view: it shares x's
     * storage, starts at x's offset and has the row-major strides of the new shape. Reshaping (2, 3)
     * by {@code view} to (6) reads the rows one after the other; (6) to (2, 3) cuts it into rows;
     * an empty (2, 0) can become (0, 5). Only a contiguous tensor can be reshaped by {@code view}.
     *
     * @throws IllegalArgumentException when a size of the new shape is negative (the message names
     *     it), when the shapes hold different numbers of elements, more or fewer (the message names
     *     both shapes), or when x is not contiguous (the message names x's shape and says to call
     *     {@code contiguous()} first)
     */
    public static Tensor view(Tensor x, int... shape) {
        throw new UnsupportedOperationException("TODO(03): read the same storage through a new shape");
    }
}
