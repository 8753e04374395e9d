package kata.layernorm;

/**
 * How many learnable numbers each block of a Transformer holds, from its hyper-parameters: the
 * model width {@code dModel} (d), the head count {@code numHeads} (h) and the feed-forward width
 * {@code dFF} (d_ff). Every linear layer has a bias, as in the paper and in PyTorch.
 * <pre>
 *   LayerNorm over d features          gamma and beta
 *   Linear(d_in -> d_out)              a weight W (d_in, d_out) and a bias b (d_out)
 *   multi-head attention (d, h)        W_Q, W_K, W_V and the output projection W_O
 *   feed-forward network (d, d_ff)     Linear(d -> d_ff), ReLU, Linear(d_ff -> d)
 *   encoder layer                      self-attention, feed-forward, two layer norms
 *   decoder layer                      masked self-attention, cross-attention, feed-forward,
 *                                      three layer norms
 * </pre>
 *
 * <p>Conventions the specs hold you to: the counts are {@code long} and exact for every positive
 * {@code int} size that fits (a count of a wide model passes 2^31 long before it passes 2^63);
 * every size must be positive, and a bad size is an {@link IllegalArgumentException} whose message
 * names it as {@code name = value}, for example {@code "dModel = 0 must be positive"}.
 */
public final class ParameterCount {

    private ParameterCount() {
    }

    /**
     * The parameters of a layer norm over {@code dModel} features.
     *
     * @throws IllegalArgumentException when dModel is not positive
     */
    public static long layerNorm(int dModel) {
        throw new UnsupportedOperationException("TODO(04): count gamma and beta");
    }

    /**
     * The parameters of a linear layer from {@code dIn} to {@code dOut} features, with its bias.
     *
     * @throws IllegalArgumentException when dIn or dOut is not positive
     */
    public static long linear(int dIn, int dOut) {
        throw new UnsupportedOperationException("TODO(04): count the weight and the bias");
    }

    /**
     * The parameters of multi-head attention of width {@code dModel} with {@code numHeads} heads.
     *
     * @throws IllegalArgumentException when a size is not positive, or when numHeads does not divide
     *     dModel; that message names both, e.g. {@code "dModel = 10 is not divisible by numHeads = 4"}
     */
    public static long multiHeadAttention(int dModel, int numHeads) {
        throw new UnsupportedOperationException("TODO(04): count the four projections");
    }

    /**
     * The parameters of the position-wise feed-forward network, {@code dModel -> dFF -> dModel}.
     *
     * @throws IllegalArgumentException when dModel or dFF is not positive
     */
    public static long feedForward(int dModel, int dFF) {
        throw new UnsupportedOperationException("TODO(04): count both linear layers");
    }

    /**
     * The parameters of one encoder layer.
     *
     * @throws IllegalArgumentException as {@link #multiHeadAttention} and {@link #feedForward} do
     */
    public static long encoderLayer(int dModel, int numHeads, int dFF) {
        throw new UnsupportedOperationException("TODO(04): add up the encoder layer's blocks");
    }

    /**
     * The parameters of one decoder layer.
     *
     * @throws IllegalArgumentException as {@link #multiHeadAttention} and {@link #feedForward} do
     */
    public static long decoderLayer(int dModel, int numHeads, int dFF) {
        throw new UnsupportedOperationException("TODO(04): add up the decoder layer's blocks");
    }
}
