package kata.layernorm;

import java.util.Arrays;
import kata.support.Tensor;

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
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>Pre-LN adding the normalized input, {@code LN(x) + F(LN(x))}:
 *       {@code ResidualSpec#preNormAddsTheSublayerOfTheNormalizedInputToTheRawInput}.</li>
 *   <li>Post-LN normalizing only the sublayer, {@code x + LN(F(x))}:
 *       {@code ResidualSpec#postNormNormalizesTheSumOfInputAndSublayer}.</li>
 *   <li>The two wirings swapped: both of the above.</li>
 *   <li>Adding into the sublayer's output in place (which is {@code x} itself for the identity):
 *       {@code ResidualSpec#bothWiringsLeaveTheirInputUntouched}.</li>
 *   <li>Trusting the sublayer to keep the shape: {@code ResidualSpec#aSublayerThatChangesTheShapeIsRejected},
 *       {@code ResidualSpec#aSublayerThatReshapesIsRejected}.</li>
 * </ul>
 */
public final class Residual {

    private Residual() {
    }

    /** Pre-LN, {@code x + F(LN(x))}: shape {@code (..., d)} in, the same shape out, a fresh row-major tensor. */
    public static Tensor preNorm(Tensor x, LayerNorm norm, Sublayer sublayer) {
        Tensor update = sublayer.apply(norm.apply(x));   // (..., d)
        return add(x, update);                           // the raw x is the residual path, not LN(x)
    }

    /** Post-LN, {@code LN(x + F(x))}: shape {@code (..., d)} in, the same shape out, a fresh row-major tensor. */
    public static Tensor postNorm(Tensor x, LayerNorm norm, Sublayer sublayer) {
        Tensor update = sublayer.apply(x);               // (..., d)
        return norm.apply(add(x, update));               // normalize the sum, not the update alone
    }

    /** {@code x + update} into a fresh tensor: the update may be {@code x} itself or a view of it. */
    private static Tensor add(Tensor x, Tensor update) {
        if (!Arrays.equals(update.shape(), x.shape())) {
            throw new IllegalArgumentException("the sublayer must keep the shape of its input: x has shape "
                    + Arrays.toString(x.shape()) + ", the sublayer returned shape " + Arrays.toString(update.shape()));
        }
        Tensor sum = Tensor.zeros(x.shape());            // (..., d)
        int[] index = new int[x.rank()];
        for (int i = 0; i < sum.elementCount(); i++) {
            sum.set(x.get(index) + update.get(index), index);
            advance(index, x.shape());
        }
        return sum;
    }

    private static void advance(int[] index, int[] shape) {
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            if (++index[axis] < shape[axis]) {
                return;
            }
            index[axis] = 0;
        }
    }
}
