package kata.layernorm;

import kata.support.Elementwise;
import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * The two ways a Transformer wraps a sublayer F with a residual connection and a layer norm LN.
 */
public final class Residual {

    private Residual() {
    }

    public static Tensor preNorm(Tensor x, LayerNorm norm, TensorFunction sublayer) {
        Tensor normed = norm.apply(x);
        Tensor update = sublayer.apply(normed);
        return Elementwise.add(x, update);
    }

    public static Tensor postNorm(Tensor x, LayerNorm norm, TensorFunction sublayer) {
        Tensor update = sublayer.apply(x);
        return norm.apply(Elementwise.add(x, update));
    }
}
