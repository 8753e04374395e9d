package kata.calculator;

import java.util.List;
import java.util.random.RandomGenerator;
import kata.support.Tensor;

/**
 * An encoder-decoder Transformer, Pre-LN throughout, without dropout, built from your katas:
 * <pre>
 *   source ids (S)      -> embed * sqrt(d) + positions (11)          (S, d)
 *                       -> N encoder layers, PRE_NORM, source PAD keys hidden (09)
 *                       -> final layer norm = memory                 (S, d)
 *   decoder input ids (T) -> embed (the same table) + positions      (T, d)
 *                       -> N decoder layers, PRE_NORM: causal self-attention, cross-attention
 *                          over memory with the source PAD keys hidden (10)
 *                       -> final layer norm                          (T, d)
 *                       -> x W_out + b_out                           (T, V) logits
 * </pre>
 * Each layer's attentions are kata 07's multi-head attention over kata 06; the feed-forward networks
 * are kata 09's {@code FeedForward} (ReLU); layer norms are kata 04's with {@code eps = 1e-5}. A Pre-LN
 * stack adds its sublayers to an un-normalized residual stream, so each stack ends with its own final
 * layer norm. The backward pass chains kata 13's blocks in reverse order.
 *
 * <p>Initialization: the token table {@code (V, d)} from kata 11's {@code TokenEmbedding.initial}
 * (standard deviation {@code 1 / sqrt(d)}, looked up times {@code sqrt(d)}: the scaled rows are of the
 * size of the positions); the positions are kata 11's {@code SinusoidalEncoding.table(maxLength, d)},
 * fixed (not a parameter); attention weights from kata 07's {@code MultiHeadAttention.initial};
 * layer norms gamma 1, beta 0; feed-forward and output weights and biases uniform in
 * {@code [-1/sqrt(fan_in), 1/sqrt(fan_in))}, as PyTorch's {@code nn.Linear}.
 */
public final class Model implements Predictor {

    private Model() {
    }

    /**
     * A freshly initialized model, every parameter drawn from {@code random} (the same seed gives the same model).
     *
     * @throws IllegalArgumentException when a size of {@code config} is below 1 or {@code vocabSize} below 3
     *     (the message names the field, as {@code dModel must be at least 1, was 0}), or when {@code dModel} is
     *     odd (the positions pair sin and cos) or not a multiple of {@code numHeads} (naming both)
     */
    public static Model initial(ModelConfig config, RandomGenerator random) {
        throw new UnsupportedOperationException("TODO(14): build every parameter of the encoder-decoder");
    }

    /** The sizes the model was built with. */
    public ModelConfig config() {
        throw new UnsupportedOperationException("TODO(14): the sizes");
    }

    /**
     * The number of numbers the model learns: the sum of the element counts of {@link #parameters()}.
     * For {@code V, d, d_ff, N_enc, N_dec}:
     * <pre>
     *   V d + N_enc (2 LN + attention + FFN) + LN + N_dec (3 LN + 2 attention + FFN) + LN + d V + V
     *   LN = 2 d, attention = 4 (d d + d), FFN = d d_ff + d_ff + d_ff d + d
     * </pre>
     * 1,774 for {@link ModelConfig#tiny()}, 235,534 for {@link ModelConfig#calculator()}.
     */
    public long parameterCount() {
        throw new UnsupportedOperationException("TODO(14): the sum of the parameters' element counts");
    }

    /**
     * The live parameter tensors, which an optimizer updates in place (the model reads them on every
     * call), in this order:
     * <pre>
     *   token table (V, d)
     *   per encoder layer: ln1 gamma (d), beta (d); Wq (d, d), bq (d), Wk, bk, Wv, bv, Wo, bo;
     *                      ln2 gamma, beta; W1 (d, d_ff), b1 (d_ff), W2 (d_ff, d), b2 (d)
     *   encoder final layer norm: gamma, beta
     *   per decoder layer: ln1 gamma, beta; self-attention Wq, bq, Wk, bk, Wv, bv, Wo, bo;
     *                      ln2 gamma, beta; cross-attention Wq, bq, Wk, bk, Wv, bv, Wo, bo;
     *                      ln3 gamma, beta; W1, b1, W2, b2
     *   decoder final layer norm: gamma, beta
     *   W_out (d, V), b_out (V)
     * </pre>
     * Weights {@code (d_in, d_out)}, {@code y = x W + b}; the positional table is not a parameter.
     */
    public List<Tensor> parameters() {
        throw new UnsupportedOperationException("TODO(14): the parameter tensors, in order");
    }

    /**
     * The next-token logits of every decoder position, all positions at once (the causal mask keeps
     * position {@code t} from seeing later decoder inputs). A source position holding PAD is hidden
     * from every attention over the source, so it changes nothing.
     *
     * @param source       {@code [B][S]} ids, {@code 1 <= S <= maxLength}; not modified
     * @param decoderInput {@code [B][T]} ids, {@code 1 <= T <= maxLength}; not modified
     * @return a fresh tensor of shape {@code (B, T, V)}
     * @throws IllegalArgumentException when an array is null, has no row, or the two have different
     *     numbers of rows (the message names source and decoderInput and gives both counts, as
     *     {@code had 2 and 1} or {@code had null and 1}), when a row is null or its length 0 or above maxLength
     *     (as {@code source[0] must hold 1 to maxLength = 8 ids, had 9}), when rows of one array differ in
     *     length (naming the row, as {@code decoderInput[1]}), or when an id is outside {@code 0..V-1} (naming
     *     it and the ids, as {@code source[1][2] = 14 is not an id of the vocabulary 0 to 13})
     */
    @Override
    public Tensor logits(int[][] source, int[][] decoderInput) {
        throw new UnsupportedOperationException("TODO(14): encoder, decoder, final norm, output projection");
    }

    /**
     * The batch's loss and its gradients: the mean over every non-PAD label of the batch of kata 13's
     * cross-entropy with label smoothing {@code smoothing} (PAD labels ignored, every position of every
     * problem counted once), and {@code dL/dθ} for every parameter by backpropagation through the
     * whole model. A batch whose labels are all PAD has loss 0 and zero gradients. No parameter is changed.
     *
     * @param batch     sources, decoder inputs and labels, as {@link Dataset#batch} builds them; not modified
     * @param smoothing label smoothing {@code eps} in {@code [0, 1]}
     * @return the loss and fresh gradient tensors, in the order and with the shapes of {@link #parameters()}
     * @throws IllegalArgumentException as {@link #logits} does, when labels are null or have not the
     *     shape of the decoder inputs (naming labels and the rows it had, or the row, as {@code labels[1]}), or when smoothing is outside {@code [0, 1]} (naming smoothing)
     */
    public LossAndGradients lossAndGradients(Batch batch, double smoothing) {
        throw new UnsupportedOperationException("TODO(14): forward, cross-entropy, backward through every block");
    }

    /**
     * Where the decoder looks: the last decoder layer's cross-attention weights, averaged over the
     * heads. Row {@code t} sums to 1; the columns of PAD source tokens are 0.
     *
     * @param source       one source, {@code S} ids; not modified
     * @param decoderInput one decoder input, {@code T} ids; not modified
     * @return a fresh tensor of shape {@code (T, S)}
     * @throws IllegalArgumentException as {@link #logits} does for a batch of one
     */
    public Tensor crossAttention(int[] source, int[] decoderInput) {
        throw new UnsupportedOperationException("TODO(14): the last decoder layer's cross-attention weights");
    }
}
