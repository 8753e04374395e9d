package kata.layernorm;

import java.util.Arrays;
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
        requireSameShape(x, update);
        return Elementwise.add(x, update);
    }

    public static Tensor postNorm(Tensor x, LayerNorm norm, TensorFunction sublayer) {
        Tensor update = sublayer.apply(x);
        requireSameShape(x, update);
        return norm.apply(Elementwise.add(x, update));
    }

    private static void requireSameShape(Tensor x, Tensor update) {
        if (!Arrays.equals(x.shape(), update.shape())) {
            throw new IllegalArgumentException("the sublayer returned shape " + Arrays.toString(update.shape())
                    + " for x of shape " + Arrays.toString(x.shape()) + ": it must keep the shape");
        }
    }
}
