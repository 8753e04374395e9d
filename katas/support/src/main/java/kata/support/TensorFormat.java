package kata.support;

import java.util.Arrays;
import java.util.Locale;

/** Readable text for tensors and numbers, shared by {@link Tensor#toString()} and failure messages. */
public final class TensorFormat {

    /** Along each axis at most this many elements are printed; the rest become "...". */
    private static final int EDGE_ITEMS = 3;

    private TensorFormat() {
    }

    /** {@code shape [2, 3] [[1, 2, 3], [4, 5, 6]]}, with strides and offset when not a fresh layout. */
    public static String describe(Tensor tensor) {
        StringBuilder text = new StringBuilder("shape ").append(Arrays.toString(tensor.shape()));
        if (!isFreshLayout(tensor)) {
            text.append(", strides ").append(Arrays.toString(tensor.strides()))
                    .append(", offset ").append(tensor.offset());
        }
        text.append(' ');
        appendValues(tensor, new int[tensor.rank()], 0, text);
        return text.toString();
    }

    /** A number as a person would write it: {@code 2}, {@code -0.5}, {@code 1.2345679e-05}, {@code NaN}. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.8g", value);
        if (text.contains("e")) {
            return text.replaceFirst("\\.?0+e", "e");
        }
        return text.contains(".") ? text.replaceFirst("\\.?0+$", "") : text;
    }

    /** A number with every digit a double holds, for the one place where digits matter. */
    public static String exact(double value) {
        return Double.toString(value);
    }

    private static void appendValues(Tensor tensor, int[] index, int axis, StringBuilder text) {
        if (axis == tensor.rank()) {
            text.append(number(tensor.get(index)));
            return;
        }
        int size = tensor.size(axis);
        text.append('[');
        for (int i = 0; i < size; i++) {
            if (size > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                text.append("..., ");
                i = size - EDGE_ITEMS;
            }
            index[axis] = i;
            appendValues(tensor, index, axis + 1, text);
            if (i < size - 1) {
                text.append(", ");
            }
        }
        text.append(']');
    }

    /** Laid out as {@link Tensor#of} lays out a tensor of its shape, over storage of its own size. */
    private static boolean isFreshLayout(Tensor tensor) {
        return tensor.offset() == 0 && tensor.storage().length == tensor.elementCount()
                && Arrays.equals(tensor.strides(), Tensor.zeros(tensor.shape()).strides());
    }
}
