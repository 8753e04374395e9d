package kata.decoder;

import java.util.Arrays;
import kata.support.Tensor;

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
 * The parts come in through small interfaces, so the layer holds no parameter of its own: the
 * attentions', the FFN's and the norms' tensors are theirs, and a trainer reads and replaces them
 * there. With an evaluation-mode dropout the forward pass is deterministic.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>the diagonal masked too ({@code j >= i}), so a token cannot see itself and the first row is
 *       fully masked: {@code DecoderLayerSpec#theCausalMaskHidesOnlyLaterPositions};</li>
 *   <li>the causal mask transposed ({@code j < i}), so each token sees the future:
 *       {@code DecoderLayerSpec#theCausalMaskHidesOnlyLaterPositions},
 *       {@code DecoderLayerProperties#laterTargetTokensDoNotChangeEarlierOutputs};</li>
 *   <li>no causal mask on the self-attention: {@code DecoderLayerSpec#eachAttentionGetsItsInputsAndMask},
 *       {@code DecoderLayerProperties#laterTargetTokensDoNotChangeEarlierOutputs};</li>
 *   <li>cross-attention reading its keys and values from the decoder instead of the memory:
 *       {@code DecoderLayerSpec#postNormWiresThreeSublayers},
 *       {@code DecoderLayerSpec#crossAttentionOutputDependsOnTheMemory};</li>
 *   <li>a norm missing, or two norms swapped: {@code DecoderLayerSpec#postNormWiresThreeSublayers},
 *       {@code DecoderLayerSpec#preNormWiresThreeSublayers};</li>
 *   <li>Pre-LN normalizing the memory too: {@code DecoderLayerSpec#eachAttentionGetsItsInputsAndMask},
 *       {@code DecoderLayerSpec#goldenPreNorm};</li>
 *   <li>the memory padding mask on the queries: {@code DecoderLayerSpec#theMemoryMaskHidesPaddedMemoryRows},
 *       {@code DecoderLayerProperties#paddedMemoryRowsChangeNothing}.</li>
 * </ul>
 */
public record DecoderLayer(NormOrder order, Attention selfAttention, Attention crossAttention, Transform feedForward,
                           Transform norm1, Transform norm2, Transform norm3, Transform dropout) {

    /**
     * The layer's output for {@code target}, shape {@code (T, d)}, a fresh tensor of the same shape.
     *
     * @param target       the decoder's input {@code (T, d)}, under the causal mask
     * @param memory       the encoder's output {@code (T_m, d)}
     * @param memoryPadded {@code memoryPadded[j] == true} marks memory row {@code j} as padding, hidden
     *                     from every query of the cross-attention; {@code null} for no padding
     */
    public Tensor forward(Tensor target, Tensor memory, boolean[] memoryPadded) {
        requireMatrix("target", target);
        requireMatrix("memory", memory);
        if (memory.size(1) != target.size(1)) {
            throw new IllegalArgumentException("memory has shape " + shape(memory) + ", but target has shape " + shape(target)
                    + ": both need the same width d");
        }
        int tokens = target.size(0);
        if (tokens > 0 && memory.size(0) == 0) {
            throw new IllegalArgumentException("memory has shape " + shape(memory) + ": the cross-attention needs a row to attend to");
        }
        boolean[][] causal = causalMask(tokens);                                              // [T][T]
        boolean[][] masked = memoryPadded == null ? null : memoryMask(memoryPadded, memory.size(0), tokens); // [T][T_m]
        if (order == NormOrder.POST_NORM) {
            Tensor h1 = norm1.apply(add(target, dropout.apply(selfAttend(target, causal))));     // (T, d)
            Tensor h2 = norm2.apply(add(h1, dropout.apply(crossAttend(h1, memory, masked))));    // keys from memory
            return norm3.apply(add(h2, dropout.apply(feedForward(h2))));                         // three norms, one each
        }
        Tensor h1 = add(target, dropout.apply(selfAttend(norm1.apply(target), causal)));         // the raw x is the residual path
        Tensor h2 = add(h1, dropout.apply(crossAttend(norm2.apply(h1), memory, masked)));        // memory not normalized here
        return add(h2, dropout.apply(feedForward(norm3.apply(h2))));                             // (T, d)
    }

    /**
     * The causal mask of {@code length} positions: {@code masked[i][j] = j > i}, so position {@code i}
     * sees positions {@code 0 .. i}, itself included, and nothing after it.
     *
     * @throws IllegalArgumentException when {@code length} is negative
     */
    public static boolean[][] causalMask(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, was " + length);
        }
        boolean[][] masked = new boolean[length][length];
        for (int i = 0; i < length; i++) {
            for (int j = 0; j < length; j++) {
                masked[i][j] = j > i;                    // strictly above the diagonal: the diagonal stays visible
            }
        }
        return masked;
    }

    /**
     * The cross-attention mask of a memory padding mask: {@code queries} fresh rows, each equal to
     * {@code padded}, so a padded memory row is hidden from every query.
     *
     * @throws IllegalArgumentException when {@code padded.length != rows}, or when there are queries and
     *     every memory row is padded
     */
    public static boolean[][] memoryMask(boolean[] padded, int rows, int queries) {
        if (padded.length != rows) {
            throw new IllegalArgumentException("memoryPadded has length " + padded.length + ", but memory has " + rows
                    + " rows: one flag per row, shape " + Arrays.toString(new int[] {rows}));
        }
        boolean anyReal = queries == 0;
        for (boolean p : padded) {
            anyReal |= !p;
        }
        if (!anyReal) {
            throw new IllegalArgumentException("memoryPadded marks all " + rows
                    + " memory rows as padding: every query would have no key to attend to");
        }
        boolean[][] masked = new boolean[queries][];
        for (int i = 0; i < queries; i++) {
            masked[i] = padded.clone();                  // row i: memory row j hidden when it is padding
        }
        return masked;
    }

    private Tensor selfAttend(Tensor query, boolean[][] causal) {
        return requireSameShape("the self-attention", selfAttention.attend(query, query, causal), query);
    }

    private Tensor crossAttend(Tensor query, Tensor memory, boolean[][] masked) {
        return requireSameShape("the cross-attention", crossAttention.attend(query, memory, masked), query);
    }

    private Tensor feedForward(Tensor input) {
        return requireSameShape("the feed-forward network", feedForward.apply(input), input);
    }

    private static Tensor requireSameShape(String part, Tensor output, Tensor input) {
        if (!Arrays.equals(output.shape(), input.shape())) {
            throw new IllegalArgumentException(part + " must keep the shape of its query " + shape(input)
                    + ", but returned shape " + shape(output));
        }
        return output;
    }

    private static void requireMatrix(String name, Tensor t) {
        if (t.rank() != 2) {
            throw new IllegalArgumentException(name + " must be a matrix (T, d), but has shape " + shape(t));
        }
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

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
