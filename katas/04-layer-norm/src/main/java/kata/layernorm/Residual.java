package kata.layernorm;

import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * The two ways a Transformer wraps a sublayer F (attention or the feed-forward network) with a
 * residual connection and a layer norm LN.
 * <pre>
 *   Post-LN (the original paper):   y = LN(x + F(x))
 *   Pre-LN  (GPT-2 and most since): y = x + F(LN(x))
 * </pre>
 * Shapes: {@code x} is {@code (..., d)}, F keeps the shape, and so does the result.
 *
 * <p>Conventions the specs hold you to: the residual path is the raw {@code x}; F is called exactly
 * once per call (a second call costs a second sublayer and, with dropout inside F, draws other
 * units); the result is a fresh row-major tensor; {@code x} is never modified, even when F returns
 * its argument itself or a view of it; x and F's output may be any layout.
 */
public final class Residual {

    private Residual() {
    }

    /**
     * Pre-LN: {@code x + F(LN(x))}. Only F sees the normalized input; the output is not normalized.
     *
     * @throws IllegalArgumentException when x does not fit the norm (see {@link LayerNorm#apply}), or
     *     when F returns a shape other than x's; that message names the sublayer and both shapes
     */
    public static Tensor preNorm(Tensor x, LayerNorm norm, TensorFunction sublayer) {
        throw new UnsupportedOperationException("TODO(04): add the sublayer of the normalized input to x");
    }

    /**
     * Post-LN: {@code LN(x + F(x))}. Every output row is normalized.
     *
     * @throws IllegalArgumentException when F returns a shape other than x's (the message names the
     *     sublayer and both shapes), or when x does not fit the norm (see {@link LayerNorm#apply})
     */
    public static Tensor postNorm(Tensor x, LayerNorm norm, TensorFunction sublayer) {
        throw new UnsupportedOperationException("TODO(04): normalize the sum of x and its sublayer");
    }
}
