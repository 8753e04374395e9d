package kata.backprop;

import kata.support.RowMajor;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of a row softmax {@code s = softmax(x)} over the last axis, from the saved output
 * {@code s}: {@code dx = s * (dy - sum(dy * s))}, the sum taken per row. Every output of a row
 * depends on every input of that row (they share the normalizer), hence the subtracted sum.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/13-backpropagation/}.
 */
public final class SoftmaxBackward {

    private SoftmaxBackward() {
    }

    /** dx of a row softmax whose saved output is {@code s}, shape {@code (..., n)}. */
    public static Tensor backward(Tensor s, Tensor dy) {
        if (s.rank() == 0) {
            throw new IllegalArgumentException("s must have at least one axis, but has shape " + Shapes.of(s));
        }
        Shapes.requireSameShape(dy, "dy", s, "s");
        Tensor dx = Tensor.zeros(s.shape());             // (..., n)
        if (dx.elementCount() == 0) {
            return dx;
        }
        int last = s.rank() - 1;
        int[] index = new int[s.rank()];                 // the row; index[last] walks along it
        do {
            double dot = 0.0;                            // sum(dy * s) over the row: how much of dy every output shares
            for (int k = 0; k < s.size(last); k++) {
                index[last] = k;
                dot += dy.get(index) * s.get(index);
            }
            for (int k = 0; k < s.size(last); k++) {
                index[last] = k;
                dx.set(s.get(index) * (dy.get(index) - dot), index);
            }
        } while (RowMajor.nextRow(index, s.shape()));
        return dx;
    }
}
