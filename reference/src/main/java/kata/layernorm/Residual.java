package kata.layernorm;

import kata.support.Elementwise;
import kata.support.Shapes;
import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * The two residual wirings of a Transformer sublayer F with a layer norm LN.
 * <pre>
 *   Post-LN (the original paper):  y = LN(x + F(x))
 *   Pre-LN  (GPT-2 and most since): y = x + F(LN(x))
 * </pre>
 * Post-LN normalizes the sum, so every output row has mean 0 and variance near 1. Pre-LN leaves
 * the residual path {@code x} untouched from the first layer to the last (its gradient flows
 * straight through), so its output is not normalized and a Pre-LN stack ends with one more LN.
 *
 * <p>Known mistakes: {@code reference/known-wrong/04-layer-norm/}.
 */
public final class Residual {

    private Residual() {
    }

    /** Pre-LN, {@code x + F(LN(x))}: shape {@code (..., d)} in, the same shape out, a fresh row-major tensor. */
    public static Tensor preNorm(Tensor x, LayerNorm norm, TensorFunction sublayer) {
        Tensor update = sublayer.apply(norm.apply(x));   // (..., d)
        return add(x, update);                           // the raw x is the residual path, not LN(x)
    }

    /** Post-LN, {@code LN(x + F(x))}: shape {@code (..., d)} in, the same shape out, a fresh row-major tensor. */
    public static Tensor postNorm(Tensor x, LayerNorm norm, TensorFunction sublayer) {
        Tensor update = sublayer.apply(x);               // (..., d)
        return norm.apply(add(x, update));               // normalize the sum, not the update alone
    }

    /** {@code x + update} into a fresh tensor: the update may be {@code x} itself or a view of it. */
    private static Tensor add(Tensor x, Tensor update) {
        Shapes.requireSameShape(update, "the sublayer's output", x, "x");
        return Elementwise.add(x, update);
    }
}
