package kata.encoder;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * One Transformer encoder layer: self-attention and the feed-forward network, each wrapped in a
 * residual connection with a layer norm and dropout on its output.
 * <pre>
 *   POST_NORM:  h = LN1(x + Dropout(SelfAttention(x)))       y = LN2(h + Dropout(FFN(h)))
 *   PRE_NORM:   h = x + Dropout(SelfAttention(LN1(x)))       y = h + Dropout(FFN(LN2(h)))
 * </pre>
 * The parts come in through small interfaces, so the layer holds no parameter of its own: the
 * attention's, the FFN's and the norms' tensors are theirs, and a trainer reads and replaces them
 * there. With an evaluation-mode dropout the forward pass is deterministic.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>Post-LN adding the residual after the norm, {@code x + LN(F(x))}:
 *       {@code EncoderLayerSpec#postNormNormalizesEachResidualSum};</li>
 *   <li>the norm skipped on the FFN branch: {@code EncoderLayerSpec#postNormNormalizesEachResidualSum},
 *       {@code EncoderLayerSpec#preNormNormalizesEachSublayerInput};</li>
 *   <li>LN1 and LN2 swapped: both of the above;</li>
 *   <li>Pre-LN adding the normalized input, {@code LN(x) + F(LN(x))}:
 *       {@code EncoderLayerSpec#preNormNormalizesEachSublayerInput};</li>
 *   <li>the padding mask on the queries (rows) instead of the keys (columns):
 *       {@code EncoderLayerSpec#keyPaddingMaskHidesPaddedKeysFromEveryQuery},
 *       {@code EncoderLayerProperties#changingPaddedTokensLeavesRealPositionsUnchanged};</li>
 *   <li>dropout on the residual path, {@code Dropout(x + F(x))}:
 *       {@code EncoderLayerSpec#droppedSublayersMakeAPreNormLayerTheIdentity};</li>
 *   <li>dropout on one branch only: {@code EncoderLayerSpec#dropoutActsOnEachSublayerOutput}.</li>
 * </ul>
 */
public record EncoderLayer(NormOrder order, SelfAttention attention, Transform feedForward,
                           Transform norm1, Transform norm2, Transform dropout) {

    /**
     * The layer's output for {@code x}, shape {@code (T, d)}, a fresh tensor of the same shape.
     *
     * @param padded {@code padded[j] == true} marks token {@code j} as padding: no query attends to it
     *               (its own output is computed but means nothing); {@code null} for no padding
     */
    public Tensor forward(Tensor x, boolean[] padded) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("x must be a matrix (T, d), but has shape " + Arrays.toString(x.shape()));
        }
        boolean[][] masked = padded == null ? null : keyPaddingMask(padded, x.size(0));  // [T][T]
        if (order == NormOrder.POST_NORM) {
            Tensor h = norm1.apply(add(x, dropout.apply(attend(x, masked))));           // (T, d)
            return norm2.apply(add(h, dropout.apply(feedForward(h))));                  // normalize the sum, not F alone
        }
        Tensor h = add(x, dropout.apply(attend(norm1.apply(x), masked)));               // the raw x is the residual path
        return add(h, dropout.apply(feedForward(norm2.apply(h))));                       // never dropout on h itself
    }

    /**
     * The self-attention mask of a key padding mask: {@code masked[i][j] = padded[j]} for each of
     * {@code queries} rows, so a padded token is hidden as a key from every query (columns, not rows).
     *
     * @throws IllegalArgumentException when {@code padded.length != queries}, or when every token is
     *     padded (every query row would be fully masked)
     */
    public static boolean[][] keyPaddingMask(boolean[] padded, int queries) {
        if (padded.length != queries) {
            throw new IllegalArgumentException("padded has length " + padded.length + ", but x has " + queries
                    + " tokens: one flag per token, shape " + Arrays.toString(new int[] {queries}));
        }
        boolean anyReal = queries == 0;
        for (boolean p : padded) {
            anyReal |= !p;
        }
        if (!anyReal) {
            throw new IllegalArgumentException("padded marks all " + queries
                    + " tokens as padding: every query would have no key to attend to");
        }
        boolean[][] masked = new boolean[queries][];
        for (int i = 0; i < queries; i++) {
            masked[i] = padded.clone();                  // row i: key j hidden when token j is padding
        }
        return masked;
    }

    private Tensor attend(Tensor input, boolean[][] masked) {
        return requireSameShape("the self-attention", attention.attend(input, masked), input);
    }

    private Tensor feedForward(Tensor input) {
        return requireSameShape("the feed-forward network", feedForward.apply(input), input);
    }

    private static Tensor requireSameShape(String part, Tensor output, Tensor input) {
        if (!Arrays.equals(output.shape(), input.shape())) {
            throw new IllegalArgumentException(part + " must keep the shape of its input " + Arrays.toString(input.shape())
                    + ", but returned shape " + Arrays.toString(output.shape()));
        }
        return output;
    }

    /** {@code a + b} into a fresh (T, d) tensor, read through get() so that any layout works. */
    private static Tensor add(Tensor a, Tensor b) {
        Tensor sum = Tensor.zeros(a.shape());            // (T, d)
        for (int t = 0; t < a.size(0); t++) {
            for (int c = 0; c < a.size(1); c++) {
                sum.set(a.get(t, c) + b.get(t, c), t, c);
            }
        }
        return sum;
    }
}
