package kata.decoder;

import static kata.support.Elementwise.add;

import kata.support.AttentionLayer;
import kata.support.Masks;
import kata.support.NormOrder;
import kata.support.Shapes;
import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * One Transformer decoder layer: masked self-attention, cross-attention over the encoder's output
 * (the memory) and the feed-forward network, each wrapped in a residual connection with its own
 * layer norm and dropout on its output.
 * <pre>
 *   POST_NORM:  h1 = LN1(x + Dropout(SelfAttn(x, x, causal)))
 *               h2 = LN2(h1 + Dropout(CrossAttn(h1, memory, memoryMask)))
 *               y  = LN3(h2 + Dropout(FFN(h2)))
 *   PRE_NORM:   h1 = x + Dropout(SelfAttn(LN1(x), LN1(x), causal))
 *               h2 = h1 + Dropout(CrossAttn(LN2(h1), memory, memoryMask))
 *               y  = h2 + Dropout(FFN(LN3(h2)))
 * </pre>
 * The memory enters the cross-attention as it is, in both orders. The layer holds no parameter of
 * its own. Mistakes learners make here: {@code reference/known-wrong/10-decoder-layer/}.
 */
public record DecoderLayer(NormOrder order, AttentionLayer selfAttention, AttentionLayer crossAttention,
                           TensorFunction feedForward, TensorFunction norm1, TensorFunction norm2,
                           TensorFunction norm3, TensorFunction dropout) {

    /**
     * The layer's output for {@code target (T, d)}, a fresh tensor of the same shape.
     *
     * @param memory       the encoder's output {@code (T_m, d)}
     * @param memoryPadded {@code memoryPadded[j] == true} marks memory row {@code j} as padding; {@code null} for none
     */
    public Tensor forward(Tensor target, Tensor memory, boolean[] memoryPadded) {
        Shapes.requireMatrix(target, "target");
        Shapes.requireMatrix(memory, "memory");
        Shapes.requireLastAxis(memory, target.size(1), "memory");
        int seqLen = target.size(0);
        int memoryLen = memory.size(0);
        if (seqLen > 0 && memoryLen == 0) {
            throw new IllegalArgumentException("memory has shape " + Shapes.of(memory)
                    + ": the cross-attention needs a row to attend to");
        }
        boolean[][] causal = Masks.causal(seqLen);                                               // [T][T], diagonal visible
        boolean[][] masked = memoryPadded == null ? null
                : Masks.padding(memoryPadded, memoryLen, seqLen, "memoryPadded");               // [T][T_m]
        if (order == NormOrder.POST_NORM) {
            Tensor h1 = norm1.apply(add(target, dropout.apply(selfAttend(target, causal))));     // (T, d)
            Tensor h2 = norm2.apply(add(h1, dropout.apply(crossAttend(h1, memory, masked))));    // keys from memory
            return norm3.apply(add(h2, dropout.apply(feedForward(h2))));                         // three norms, one each
        }
        Tensor h1 = add(target, dropout.apply(selfAttend(norm1.apply(target), causal)));         // the raw x is the residual path
        Tensor h2 = add(h1, dropout.apply(crossAttend(norm2.apply(h1), memory, masked)));        // memory not normalized here
        return add(h2, dropout.apply(feedForward(norm3.apply(h2))));                             // (T, d)
    }

    private Tensor selfAttend(Tensor query, boolean[][] causal) {
        return requireShapeOf(query, "the self-attention", selfAttention.attend(query, query, causal));
    }

    private Tensor crossAttend(Tensor query, Tensor memory, boolean[][] masked) {
        return requireShapeOf(query, "the cross-attention", crossAttention.attend(query, memory, masked));
    }

    private Tensor feedForward(Tensor input) {
        return requireShapeOf(input, "the feed-forward network", feedForward.apply(input));
    }

    /** A sublayer maps its query {@code (T, d)} to {@code (T, d)}: anything else would break the residual sum. */
    private static Tensor requireShapeOf(Tensor query, String sublayer, Tensor output) {
        Shapes.requireSameShape(output, sublayer + "'s output", query, "its query");
        return output;
    }
}
