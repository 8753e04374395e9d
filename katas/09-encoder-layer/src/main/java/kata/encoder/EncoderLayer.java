package kata.encoder;

import kata.support.AttentionLayer;
import kata.support.NormOrder;
import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * One Transformer encoder layer: self-attention and the feed-forward network, each wrapped in a
 * residual connection with a layer norm and dropout on its output.
 * <pre>
 *   POST_NORM:  h = LN1(x + Dropout(SelfAttention(x)))       y = LN2(h + Dropout(FFN(h)))
 *   PRE_NORM:   h = x + Dropout(SelfAttention(LN1(x)))       y = h + Dropout(FFN(LN2(h)))
 * </pre>
 * Self-attention is {@code attention.attend(s, s, masked)}: one sequence {@code s} as both query and
 * memory. The parts come in as {@link AttentionLayer} and {@link TensorFunction}, so the layer holds
 * no parameter of its own: the attention's, the FFN's and the norms' tensors are theirs, and a trainer
 * reads and replaces them there. {@code dropout} is applied to each sublayer's output, before its
 * residual add, and nowhere else. With an evaluation-mode dropout the forward pass is deterministic.
 *
 * @param order       where the norms sit: {@link NormOrder#POST_NORM} or {@link NormOrder#PRE_NORM}
 * @param attention   the self-attention sublayer
 * @param feedForward the feed-forward sublayer
 * @param norm1       the norm of the attention sublayer
 * @param norm2       the norm of the feed-forward sublayer
 * @param dropout     the dropout on each sublayer's output
 */
public record EncoderLayer(NormOrder order, AttentionLayer attention, TensorFunction feedForward,
                           TensorFunction norm1, TensorFunction norm2, TensorFunction dropout) {

    /**
     * The layer's output for {@code x}, shape {@code (T, d)} in any layout, a fresh tensor of the same
     * shape, {@code x} and {@code padded} untouched. The self-attention gets the key padding mask
     * {@code kata.support.Masks.padding(padded, T, T, "padded")}: {@code masked[i][j] = padded[j]}, a
     * padded token hidden as a key (a column) from every query; {@code null} when {@code padded} is
     * {@code null}.
     *
     * @param padded {@code padded[j] == true} marks token {@code j} as padding: no query attends to it
     *               (its own output is computed but means nothing); {@code null} for no padding
     * @throws IllegalArgumentException when {@code x} is not a matrix (the message names x and gives its
     *     shape), when {@code padded} does not have {@code T} flags or marks every one of at least one
     *     token (the message names padded), or when the self-attention or the feed-forward network
     *     returns a shape other than its input's (the message names the sublayer and both shapes)
     */
    public Tensor forward(Tensor x, boolean[] padded) {
        throw new UnsupportedOperationException("TODO(09): the two residual sublayers in the order of norms asked for");
    }
}
