package kata.encoder;

import static kata.support.Elementwise.add;

import kata.support.AttentionLayer;
import kata.support.Masks;
import kata.support.NormOrder;
import kata.support.Shapes;
import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * One Transformer encoder layer: self-attention and the feed-forward network, each wrapped in a
 * residual connection with a layer norm and dropout on its output.
 * <pre>
 *   POST_NORM:  h = LN1(x + Dropout(SelfAttention(x)))       y = LN2(h + Dropout(FFN(h)))
 *   PRE_NORM:   h = x + Dropout(SelfAttention(LN1(x)))       y = h + Dropout(FFN(LN2(h)))
 * </pre>
 * Self-attention passes one sequence as both query and memory; a padded token is hidden as a key
 * (a column of the mask) from every query. The layer holds no parameter of its own. Mistakes
 * learners make here: {@code reference/known-wrong/09-encoder-layer/}.
 */
public record EncoderLayer(NormOrder order, AttentionLayer attention, TensorFunction feedForward,
                           TensorFunction norm1, TensorFunction norm2, TensorFunction dropout) {

    /**
     * The layer's output for {@code x (T, d)}, a fresh tensor of the same shape.
     *
     * @param padded {@code padded[j] == true} marks token {@code j} as padding; {@code null} for none
     */
    public Tensor forward(Tensor x, boolean[] padded) {
        Shapes.requireMatrix(x, "x");
        int seqLen = x.size(0);
        boolean[][] masked = padded == null ? null : Masks.padding(padded, seqLen, seqLen, "padded"); // [T][T]
        if (order == NormOrder.POST_NORM) {
            Tensor h = norm1.apply(add(x, dropout.apply(selfAttend(x, masked))));       // (T, d)
            return norm2.apply(add(h, dropout.apply(feedForward(h))));                  // normalize the sum, not F alone
        }
        Tensor h = add(x, dropout.apply(selfAttend(norm1.apply(x), masked)));           // the raw x is the residual path
        return add(h, dropout.apply(feedForward(norm2.apply(h))));                       // never dropout on h itself
    }

    private Tensor selfAttend(Tensor input, boolean[][] masked) {
        Tensor output = attention.attend(input, input, masked);                         // queries, keys and values: one sequence
        Shapes.requireSameShape(output, "the self-attention's output", input, "its input");
        return output;
    }

    private Tensor feedForward(Tensor input) {
        Tensor output = feedForward.apply(input);
        Shapes.requireSameShape(output, "the feed-forward network's output", input, "its input");
        return output;
    }
}
