package kata.support;

/**
 * Element-wise sums of two tensors of one shape, into a fresh row-major tensor; the inputs may be in
 * any layout and are never modified. Broadcasting (kata 02) is not done here: the shapes must be
 * equal. Katas 01-03 teach these loops and may not use them; every later kata may.
 */
public final class Elementwise {

    private Elementwise() {
    }

    /**
     * {@code a + b}, element by element.
     *
     * @throws IllegalArgumentException when the shapes differ
     */
    public static Tensor add(Tensor a, Tensor b) {
        return addScaled(a, 1.0, b);
    }

    /**
     * {@code a + scale * b}, element by element: a residual sum with {@code scale = 1}, a gradient
     * step with {@code scale = -rate}.
     *
     * @throws IllegalArgumentException when the shapes differ
     */
    public static Tensor addScaled(Tensor a, double scale, Tensor b) {
        Shapes.requireSameShape(a, "a", b, "b");
        Tensor sum = Tensor.zeros(a.shape());
        if (sum.elementCount() == 0) {
            return sum;
        }
        double[] out = sum.storage();
        int[] shape = a.shape();                         // a copy: read it once, not per element
        int[] index = new int[shape.length];
        int position = 0;                                // row-major: the positions of sum in order
        do {
            out[position++] = a.get(index) + scale * b.get(index);
        } while (RowMajor.next(index, shape));
        return sum;
    }
}
