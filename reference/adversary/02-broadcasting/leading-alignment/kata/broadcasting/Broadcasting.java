package kata.broadcasting;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import kata.support.Tensor;

/**
 * Broadcasting: combining tensors of different shapes element by element, as if the smaller one had
 * been repeated to the larger shape, without ever copying it.
 *
 * <p>The rule, for two shapes {@code a} and {@code b}:
 * <ul>
 *   <li>line the shapes up from their <em>last</em> axis (trailing alignment), and walk towards the
 *       first; the shorter shape is treated as if it had extra leading axes of size 1;</li>
 *   <li>at each position the two sizes are compatible when they are equal or when one of them is 1;
 *       a size 1 gives way to the other size, whatever it is: 1 with 0 gives 0 (an empty axis, as
 *       in NumPy and PyTorch), and 0 meets only 0 or 1;</li>
 *   <li>the result has as many axes as the longer shape.</li>
 * </ul>
 * <pre>
 *   (8, 1, 6, 1) with    (7, 1, 5)  -> (8, 7, 6, 5)
 *   (4, 3)       with       (3)     -> (4, 3)        layer norm's gamma (d) against (T, d)
 *   (2, 5, 5)    with    (1, 5)     -> (2, 5, 5)     a mask (1, T) against scores (h, T, T)
 *   ()           with    (2, 3)     -> (2, 3)        a scalar has no axes and fits every shape
 *   (2, 1)       with       (0)     -> (2, 0)        a tensor with no elements: the 1 gives way to 0
 *   (3)          with    (4)        -> error
 *   (5, 2)       with    (5)        -> error         (5) lines up with the 2, not with the 5
 * </pre>
 *
 * <p>Conventions the specs hold you to:
 * <ul>
 *   <li>an axis in an error message is counted from the end, as broadcasting counts it: {@code -1}
 *       is the last axis, {@code -2} the one before it; every error is an
 *       {@link IllegalArgumentException} whose message names both shapes, as
 *       {@link java.util.Arrays#toString(int[])} prints them (e.g. {@code [5, 2]} and {@code [5]}),
 *       and the clashing axis (e.g. {@code axis -1});</li>
 *   <li>inputs may be any layout (strides, offset): read them with {@link Tensor#get}, never by
 *       walking their storage array;</li>
 *   <li>inputs are never modified: neither tensors nor {@code int[]} shapes.</li>
 * </ul>
 */
public final class Broadcasting {

    private Broadcasting() {
    }

    /**
     * The shape two tensors of shapes {@code a} and {@code b} broadcast to, as a new array. Neither
     * argument is modified, and neither is returned.
     *
     * @throws IllegalArgumentException when at some axis the sizes differ and neither is 1; the message
     *     names both shapes and that axis counted from the end (e.g. {@code axis -2})
     */
    public static int[] broadcastShape(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] result = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            int fromEnd = rank - axis;
            int sizeA = axis < a.length ? a[axis] : 1;
            int sizeB = axis < b.length ? b[axis] : 1;
            int size;
            if (sizeA == sizeB || sizeB == 1) {
                size = sizeA;
            } else if (sizeA == 1) {
                size = sizeB;
            } else {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " do not broadcast: sizes " + sizeA + " and " + sizeB + " clash at axis -" + fromEnd);
            }
            result[axis] = size;
        }
        return result;
    }

    /**
     * {@code x} seen with the larger shape {@code shape}: a view, not a copy.
     *
     * <p>The result reads the same storage array as {@code x}, with the same offset. An axis that
     * {@code x} already has at the target size keeps its stride; an axis where {@code x} has size 1
     * but the target is larger, and every new leading axis, gets stride 0, so that moving along it
     * reads the same elements again. Writing into {@code x} afterwards shows through the view.
     *
     * <p>Broadcasting to a shape goes one way only: {@code (3)} can become {@code (2, 3)} or
     * {@code (3, 3)}, but {@code (2, 3)} cannot become {@code (3)} (axes are never dropped) nor
     * {@code (2, 1)} (a size other than 1 never changes). A size 1 may become 0: {@code (2, 1)} seen
     * as {@code (2, 0)} is a view with no elements. Neither {@code x} nor {@code shape} is modified.
     *
     * @throws IllegalArgumentException when {@code x} cannot be broadcast to {@code shape}; the message
     *     names the shape of {@code x}, the target shape and, when one clashes, the axis counted from
     *     the end
     */
    public static Tensor broadcastTo(Tensor x, int... shape) {
        int[] source = x.shape();
        if (source.length > shape.length) {
            throw new IllegalArgumentException("cannot broadcast shape " + Arrays.toString(source) + " to "
                    + Arrays.toString(shape) + ": broadcasting never drops an axis");
        }
        int[] sourceStrides = x.strides();
        int lead = 0;
        int[] strides = new int[shape.length];
        for (int k = 0; k < source.length; k++) {
            int target = shape[k + lead];
            if (source[k] == target) {
                strides[k + lead] = sourceStrides[k];
            } else if (source[k] == 1) {
                strides[k + lead] = 0;
            } else {
                throw new IllegalArgumentException("cannot broadcast shape " + Arrays.toString(source) + " to "
                        + Arrays.toString(shape) + ": size " + source[k] + " cannot become " + target
                        + " at axis -" + (shape.length - k));
            }
        }
        return Tensor.strided(x.storage(), shape, strides, x.offset());
    }

    /**
     * Applies {@code op} element by element after broadcasting both operands to
     * {@link #broadcastShape their common shape}: the element at {@code index} of the result is
     * {@code op(a', b')} where {@code a'} and {@code b'} are the elements of the broadcast views of
     * {@code a} and {@code b} at {@code index} ({@code a}'s element is always the first argument).
     * When the broadcast shape has an axis of size 0 the result is empty, and {@code op} is never
     * called.
     *
     * @return a fresh row-major tensor of the broadcast shape, sharing storage with neither input
     * @throws IllegalArgumentException when the shapes do not broadcast; the message names both shapes
     */
    public static Tensor elementwise(Tensor a, Tensor b, DoubleBinaryOperator op) {
        int[] shape = broadcastShape(a.shape(), b.shape());
        Tensor left = broadcastTo(a, shape);
        Tensor right = broadcastTo(b, shape);
        Tensor result = Tensor.zeros(shape);
        int count = result.elementCount();
        int[] index = new int[shape.length];
        for (int n = 0; n < count; n++) {
            result.set(op.applyAsDouble(left.get(index), right.get(index)), index);
            next(index, shape);
        }
        return result;
    }

    /**
     * {@code a + b} with broadcasting (see {@link #elementwise}).
     *
     * @throws IllegalArgumentException when the shapes do not broadcast
     */
    public static Tensor add(Tensor a, Tensor b) {
        return elementwise(a, b, (x, y) -> x + y);
    }

    /**
     * {@code a * b}, element by element, with broadcasting (see {@link #elementwise}).
     *
     * @throws IllegalArgumentException when the shapes do not broadcast
     */
    public static Tensor multiply(Tensor a, Tensor b) {
        return elementwise(a, b, (x, y) -> x * y);
    }

    /** Moves {@code index} to the next position of {@code shape} in row-major order. */
    private static void next(int[] index, int[] shape) {
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis]++;
            if (index[axis] < shape[axis]) {
                return;
            }
            index[axis] = 0;
        }
    }
}
