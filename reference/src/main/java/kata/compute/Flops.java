package kata.compute;

/**
 * Forward and training FLOP counts of a Transformer encoder layer, from its hyper-parameters.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/12-compute/}.
 */
public final class Flops {

    private Flops() {
    }

    /** {@code (m x k)(k x n)}: {@code m n} outputs, each {@code k} multiplies and {@code k} adds. */
    public static long matmul(long m, long k, long n) {
        requireNonNegative("m", m);
        requireNonNegative("k", k);
        requireNonNegative("n", n);
        return 2 * m * k * n;
    }

    /** Q, K, V and the output projection: four {@code (BL x d)(d x d)} matmuls, {@code 8 B L d^2}. */
    public static long attentionProjections(long batch, long seqLen, long d) {
        requireSizes(batch, seqLen, d);
        return 4 * matmul(batch * seqLen, d, d);
    }

    /** {@code Q K^T} and {@code P V}: two {@code (L x d)(d x L)}-sized matmuls per sample, {@code 4 B L^2 d}. */
    public static long attentionScores(long batch, long seqLen, long d) {
        requireSizes(batch, seqLen, d);
        long scores = batch * matmul(seqLen, d, seqLen);        // (L, d)(d, L) -> (L, L)
        long weightedValues = batch * matmul(seqLen, seqLen, d); // (L, L)(L, d) -> (L, d)
        return scores + weightedValues;
    }

    /** Two linear layers with {@code d_ff = 4d}: {@code (BL x d)(d x 4d)} and back, {@code 16 B L d^2}. */
    public static long feedForward(long batch, long seqLen, long d) {
        requireSizes(batch, seqLen, d);
        long hidden = 4 * d;
        return matmul(batch * seqLen, d, hidden) + matmul(batch * seqLen, hidden, d);
    }

    /** The matmuls of one encoder layer: {@code 24 B L d^2 + 4 B L^2 d}. */
    public static long encoderLayer(long batch, long seqLen, long d) {
        return attentionProjections(batch, seqLen, d) + attentionScores(batch, seqLen, d)
                + feedForward(batch, seqLen, d);
    }

    /** The {@code L} at which attention, {@code 8BLd^2 + 4BL^2d}, equals the FFN, {@code 16BLd^2}: {@code 2d}. */
    public static long crossoverLength(long d) {
        requireNonNegative("d", d);
        return 2 * d;
    }

    /** Forward, then backward: the gradients of the inputs and of the weights, a matmul each. */
    public static long training(long forward) {
        requireNonNegative("forward", forward);
        return 3 * forward;
    }

    /** About 6 FLOPs per parameter per token: 2 forward (a multiply-add) and 4 backward. */
    public static long trainingFromParameters(long parameters, long tokens) {
        requireNonNegative("parameters", parameters);
        requireNonNegative("tokens", tokens);
        return 6 * parameters * tokens;
    }

    private static void requireSizes(long batch, long seqLen, long d) {
        requireNonNegative("batch", batch);
        requireNonNegative("seqLen", seqLen);
        requireNonNegative("d", d);
    }

    static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be at least 0, but is " + name + " = " + value);
        }
    }
}
