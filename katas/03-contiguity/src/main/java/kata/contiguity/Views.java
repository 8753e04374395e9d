package kata.contiguity;

import kata.support.Tensor;

/**
 * Views: new shapes and strides over the same storage, and the one copy that makes a layout
 * row-major again.
 *
 * <p>A view is a tensor that reads another tensor's storage array through a different layout
 * (build it with {@link Tensor#strided}). It costs nothing, whatever the size, and a write through
 * one is seen through the other. Conventions the specs hold you to:
 * <ul>
 *   <li>{@code transpose} and {@code permute} never copy: they share storage with x and keep its
 *       offset;</li>
 *   <li>{@code view} never copies either, and refuses a tensor that is not contiguous;</li>
 *   <li>{@code contiguous} copies only when it must;</li>
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
     * (3, 4, 2). The inverse permutation, {@code inverse[order[i]] = i}, undoes it.
     *
     * @throws IllegalArgumentException when order is not a permutation of {@code 0 .. rank-1} (wrong
     *     length, an axis out of range or repeated); the message names the order and the shape
     */
    public static Tensor permute(Tensor x, int... order) {
        throw new UnsupportedOperationException("TODO(03): reorder the axes without copying");
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
     * element at every index.
     */
    public static Tensor contiguous(Tensor x) {
        throw new UnsupportedOperationException("TODO(03): return x when contiguous, else copy it into row-major order");
    }

    /**
     * The same elements read in row-major order through a new shape, as a view: it shares x's
     * storage and starts at x's offset. Viewing (2, 3) as (6) reads the rows one after the other;
     * viewing (6) as (2, 3) cuts it into rows.
     *
     * @throws IllegalArgumentException when the shapes hold different numbers of elements (the
     *     message names both shapes), or when x is not contiguous (the message says to call
     *     {@code contiguous()} first)
     */
    public static Tensor view(Tensor x, int... shape) {
        throw new UnsupportedOperationException("TODO(03): read the same storage through a new shape");
    }
}
