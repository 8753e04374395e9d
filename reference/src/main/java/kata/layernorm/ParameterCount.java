package kata.layernorm;

/**
 * How many learnable numbers each block of a Transformer holds, from its hyper-parameters.
 * <pre>
 *   LayerNorm(d)                       2d               gamma and beta
 *   Linear(d_in -> d_out), with bias   d_in d_out + d_out
 *   multi-head attention (d, h)        4d^2 + 4d        W_Q, W_K, W_V, W_O, each d x d with a bias
 *   feed-forward (d, d_ff)             2 d d_ff + d_ff + d
 *   encoder layer                      attention + FFN + 2 LayerNorm
 *   decoder layer                      2 attention + FFN + 3 LayerNorm
 * </pre>
 * At d = 512, h = 8, d_ff = 2048: 1,024; 1,050,624; 2,099,712; 3,152,384; 4,204,032, as PyTorch
 * counts them.
 *
 * <p>Known mistakes: {@code reference/known-wrong/04-layer-norm/}.
 */
public final class ParameterCount {

    private ParameterCount() {
    }

    /** {@code 2d}: a gamma and a beta per feature. */
    public static long layerNorm(int dModel) {
        return 2L * positive("dModel", dModel);
    }

    /** {@code d_in d_out + d_out}: the weight W {@code (d_in, d_out)} and the bias b {@code (d_out)}. */
    public static long linear(int dIn, int dOut) {
        return withBias(positive("dIn", dIn), positive("dOut", dOut));
    }

    /** {@code 4d^2 + 4d}, whatever the head count: the heads split the d columns, they do not add any. */
    public static long multiHeadAttention(int dModel, int numHeads) {
        if (positive("dModel", dModel) % positive("numHeads", numHeads) != 0) {
            throw new IllegalArgumentException("dModel = " + dModel + " is not divisible by numHeads = " + numHeads);
        }
        return 4 * withBias(dModel, dModel);             // W_Q, W_K, W_V and W_O, each (d, d) with a bias
    }

    /** {@code 2 d d_ff + d_ff + d}: Linear(d -> d_ff), then Linear(d_ff -> d). */
    public static long feedForward(int dModel, int dFF) {
        return withBias(positive("dModel", dModel), positive("dFF", dFF)) + withBias(dFF, dModel);
    }

    /** Self-attention, the feed-forward network and two layer norms. */
    public static long encoderLayer(int dModel, int numHeads, int dFF) {
        return multiHeadAttention(dModel, numHeads) + feedForward(dModel, dFF) + 2 * layerNorm(dModel);
    }

    /** Masked self-attention, cross-attention, the feed-forward network and three layer norms. */
    public static long decoderLayer(int dModel, int numHeads, int dFF) {
        return 2 * multiHeadAttention(dModel, numHeads) + feedForward(dModel, dFF) + 3 * layerNorm(dModel);
    }

    private static long withBias(int dIn, int dOut) {
        return (long) dIn * dOut + dOut;                 // long before multiplying: 4d^2 passes 2^31 at d = 23,171
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " = " + value + " must be positive");
        }
        return value;
    }
}
