package kata.support;

/**
 * The row-major walk over the indices of a shape, the last axis changing fastest, as a counter
 * whose last digit turns first:
 * <pre>
 *   int[] index = new int[x.rank()];
 *   if (x.elementCount() > 0) {
 *       do {
 *           ... x.get(index) ...
 *       } while (RowMajor.next(index, x.shape()));
 *   }
 * </pre>
 * Katas 01-03 teach this walk and may not use it; every later kata may.
 */
public final class RowMajor {

    private RowMajor() {
    }

    /**
     * Moves {@code index} (modified in place) to the next index of {@code shape} in row-major order.
     *
     * @return {@code false} when {@code index} was the last one (it is then back at all zeros),
     *     {@code true} otherwise
     */
    public static boolean next(int[] index, int[] shape) {
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis]++;
            if (index[axis] < shape[axis]) {
                return true;
            }
            index[axis] = 0;                             // carry into the axis before
        }
        return false;
    }

    /**
     * Moves {@code index} to the first index of the next row: every axis but the last, in row-major
     * order (the last entry of {@code index} is left alone). Walks the rows of a {@code (..., d)}
     * tensor, one feature vector at a time.
     *
     * @return {@code false} after the last row
     */
    public static boolean nextRow(int[] index, int[] shape) {
        for (int axis = shape.length - 2; axis >= 0; axis--) {
            index[axis]++;
            if (index[axis] < shape[axis]) {
                return true;
            }
            index[axis] = 0;
        }
        return false;
    }
}
