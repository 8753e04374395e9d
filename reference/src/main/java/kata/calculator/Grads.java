package kata.calculator;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kata.support.RowMajor;
import kata.support.Tensor;

/** One gradient tensor per parameter, found by the parameter itself (identity, not equality). */
final class Grads {

    private final Map<Tensor, Tensor> byParameter = new IdentityHashMap<>();

    Grads(List<Tensor> parameters) {
        for (Tensor p : parameters) {
            byParameter.put(p, Tensor.zeros(p.shape()));
        }
    }

    /**
     * {@code d parameter += delta}: a parameter used many times (every position, every sequence) sums its
     * parts. In place, unlike {@code Elementwise.add}: an attention adds eight deltas per sequence, and a
     * fresh tensor for each would slow the training step down by half.
     */
    void add(Tensor parameter, Tensor delta) {
        double[] sum = byParameter.get(parameter).storage();      // fresh row-major: its storage in index order
        int[] shape = delta.shape();
        int[] index = new int[shape.length];
        for (int ordinal = 0; ordinal < sum.length; ordinal++, RowMajor.next(index, shape)) {
            sum[ordinal] += delta.get(index);
        }
    }

    /** The gradients in the order of {@code parameters}. */
    List<Tensor> of(List<Tensor> parameters) {
        List<Tensor> gradients = new ArrayList<>();
        for (Tensor p : parameters) {
            gradients.add(byParameter.get(p));
        }
        return gradients;
    }
}
