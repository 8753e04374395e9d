package kata.contiguity;

import kata.support.Tensor;

/**
 * The arithmetic of a strided layout: row-major strides, and where an element sits in storage.
 *
 * <p>A layout is a shape {@code (s_0, ..., s_{n-1})}, strides {@code (r_0, ..., r_{n-1})} and an
 * offset. The element at index {@code (i_0, ..., i_{n-1})} sits at storage position
 * <pre>
 *   offset + i_0 * r_0 + ... + i_{n-1} * r_{n-1}
 * </pre>
 * The stride of an axis is how far apart in storage two elements are whose indices differ by 1 on
 * that axis and agree everywhere else.
 *
 * <p>Row-major order (C order, the order of {@code Tensor.of} and PyTorch) walks the indices like
 * an odometer: the last coordinate changes fastest. For shape (2, 3) it is
 * (0,0) (0,1) (0,2) (1,0) (1,1) (1,2).
 *
 * <p>Compute strides from the shape alone, as arithmetic on its sizes: a spec asks for the strides
 * of a shape far too large to allocate. No method here writes into its arguments: the shape,
 * strides and index arrays, and x, are as they were after the call.
 */
public final class Strides {

    private Strides() {
    }

    /**
     * The row-major strides of {@code shape}: the elements of a row-major layout sit at consecutive
     * positions in row-major index order. Examples: (2, 3) -> (3, 1); (2, 3, 4) -> (12, 4, 1);
     * a scalar, shape (), has strides ().
     *
     * <p>Convention: a size of 0 counts as 1 when it decides another axis's stride, so that every
     * stride stays positive (as PyTorch does): (2, 0, 3) -> (3, 3, 1).
     *
     * @throws IllegalArgumentException when a size is negative; the message names the shape
     */
    public static int[] rowMajor(int... shape) {
        throw new UnsupportedOperationException("TODO(03): compute the row-major strides of the shape");
    }

    /**
     * The storage position of {@code index} in the layout {@code (shape, strides, offset)}:
     * {@code offset + sum(index[i] * strides[i])}. A scalar's only element, index (), sits at the
     * offset.
     *
     * @throws IllegalArgumentException when shape and strides differ in length (the message names
     *     both), the index has not one coordinate per axis, or a coordinate is outside
     *     {@code [0, size)}, negative or too large (the message names the index and the shape)
     */
    public static int position(int[] shape, int[] strides, int offset, int... index) {
        throw new UnsupportedOperationException("TODO(03): find where the index sits in storage");
    }

    /**
     * The storage position of {@code index} in {@code x}'s own layout (its shape, strides and
     * offset).
     *
     * @throws IllegalArgumentException as {@link #position(int[], int[], int, int...)}
     */
    public static int position(Tensor x, int... index) {
        throw new UnsupportedOperationException("TODO(03): find where the index sits in x's storage");
    }

    /**
     * The storage positions of every element of {@code x}, in row-major index order: element
     * {@code k} of the result is the position of the {@code k}-th index. For a (3, 2) tensor with
     * strides (1, 3) and offset 0: [0, 3, 1, 4, 2, 5]. A tensor with no elements (a size of 0
     * anywhere in its shape) has no positions: the result is empty. A scalar has one, its offset.
     */
    public static int[] positions(Tensor x) {
        throw new UnsupportedOperationException("TODO(03): list the position of every index in row-major order");
    }
}
