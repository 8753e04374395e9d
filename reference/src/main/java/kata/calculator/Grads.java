package kata.calculator;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kata.support.Tensor;

/** One gradient tensor per parameter, found by the parameter itself (identity, not equality). */
final class Grads {

    private final Map<Tensor, Tensor> byParameter = new IdentityHashMap<>();

    Grads(List<Tensor> parameters) {
        for (Tensor p : parameters) {
            byParameter.put(p, Tensor.zeros(p.shape()));
        }
    }

    /** {@code d parameter += delta}: a parameter used many times (every position, every sequence) sums its parts. */
    void add(Tensor parameter, Tensor delta) {
        Tensors.accumulate(byParameter.get(parameter), delta);
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
