package kata.decoder;

import kata.support.AttentionLayer;
import kata.support.NormOrder;
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
 * The memory enters the cross-attention as it is, in both orders (a Pre-LN encoder stack ends with
 * its own final norm). Each attention is {@code attend(query, memory, masked)}: the self-attention
 * passes one sequence as both. The parts come in as {@link AttentionLayer} and {@link TensorFunction},
 * so the layer holds no parameter
 * of its own: the attentions', the FFN's and the norms' tensors are theirs, and a trainer reads and
 * replaces them there. {@code dropout} is applied to each sublayer's output, before its residual
 * add, and nowhere else. With an evaluation-mode dropout the forward pass is deterministic.
 *
 * @param order          where the norms sit: {@link NormOrder#POST_NORM} or {@link NormOrder#PRE_NORM}
 * @param selfAttention  the masked self-attention sublayer
 * @param crossAttention the cross-attention sublayer: queries from the decoder, keys and values from the memory
 * @param feedForward    the feed-forward sublayer
 * @param norm1          the norm of the self-attention sublayer
 * @param norm2          the norm of the cross-attention sublayer
 * @param norm3          the norm of the feed-forward sublayer
 * @param dropout        the dropout on each sublayer's output
 */
public record DecoderLayer(NormOrder order, AttentionLayer selfAttention, AttentionLayer crossAttention,
                           TensorFunction feedForward, TensorFunction norm1, TensorFunction norm2,
                           TensorFunction norm3, TensorFunction dropout) {

    /**
     * The layer's output for {@code target}, shape {@code (T, d)}, a fresh tensor of the same shape;
     * {@code target}, {@code memory} and {@code memoryPadded} untouched, any layout. The self-attention
     * gets the causal mask {@code kata.support.Masks.causal(T)} ({@code masked[i][j] = j > i}: position
     * {@code i} sees {@code 0 .. i}, itself included); the cross-attention gets
     * {@code kata.support.Masks.padding(memoryPadded, T_m, T, "memoryPadded")} ({@code masked[i][j] =
     * memoryPadded[j]}: a padded memory row hidden from every query), or {@code null} when
     * {@code memoryPadded} is {@code null}.
     *
     * @param target       the decoder's input {@code (T, d)}, under the causal mask
     * @param memory       the encoder's output {@code (T_m, d)}
     * @param memoryPadded {@code memoryPadded[j] == true} marks memory row {@code j} as padding, hidden
     *                     from every query of the cross-attention; {@code null} for no padding
     * @throws IllegalArgumentException when {@code target} or {@code memory} is not a matrix, when their
     *     widths differ, when there are target tokens but no memory row (each message names the
     *     argument and its shape), when {@code memoryPadded} does not have {@code T_m} flags or, with
     *     target tokens, marks every memory row (the message names memoryPadded), or when a sublayer
     *     returns a shape other than its query's (the message names the sublayer and both shapes)
     */
    public Tensor forward(Tensor target, Tensor memory, boolean[] memoryPadded) {
        throw new UnsupportedOperationException("TODO(10): the three residual sublayers in the order of norms asked for");
    }
}
