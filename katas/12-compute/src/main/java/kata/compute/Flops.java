package kata.compute;

/**
 * How many floating-point operations (FLOPs, a count) a Transformer encoder layer needs, from its
 * hyper-parameters: batch {@code B}, sequence length {@code L}, model dimension {@code d}, and a
 * feed-forward width {@code d_ff = 4d}.
 *
 * <p>One multiply-add is two FLOPs. Only the matrix products are counted (softmax, layer norm and
 * the residual additions are {@code O(B L d)} or {@code O(B L^2)}, small beside them). Every size is
 * at least 0; a negative one is an {@code IllegalArgumentException} whose message names it, as
 * {@code seqLen = -1}.
 *
 * <p>Every count is exact, in {@code long} arithmetic: a count past {@code 2^31} (say {@code d^2} for
 * {@code d = 100,000}) or past {@code 2^53} (where a {@code double} drops the last digits) is still
 * right to the last FLOP, as long as it fits in a {@code long}.
 */
public final class Flops {

    private Flops() {
    }

    /**
     * FLOPs of the product of an {@code (m x k)} and a {@code (k x n)} matrix.
     *
     * @return {@code 2 m k n}: {@code m n} outputs, each {@code k} multiplications and {@code k} additions
     * @throws IllegalArgumentException when a size is negative (the message names it, as {@code k = -1})
     */
    public static long matmul(long m, long k, long n) {
        throw new UnsupportedOperationException("TODO(12): count the multiplications and additions");
    }

    /**
     * FLOPs of the four attention projections (Q, K, V and the output), each a
     * {@code (BL x d)(d x d)} product.
     *
     * @return {@code 8 B L d^2}
     * @throws IllegalArgumentException when a size is negative (the message names it)
     */
    public static long attentionProjections(long batch, long seqLen, long d) {
        throw new UnsupportedOperationException("TODO(12): four (BL x d)(d x d) products");
    }

    /**
     * FLOPs of the attention scores {@code Q K^T} ({@code (L x d)(d x L)} per sample) and of the
     * weighted values {@code P V} ({@code (L x L)(L x d)} per sample), all heads together.
     *
     * @return {@code 4 B L^2 d}
     * @throws IllegalArgumentException when a size is negative (the message names it)
     */
    public static long attentionScores(long batch, long seqLen, long d) {
        throw new UnsupportedOperationException("TODO(12): Q K^T and P V for every sample");
    }

    /**
     * FLOPs of the feed-forward block, {@code (BL x d)(d x 4d)} then {@code (BL x 4d)(4d x d)}.
     *
     * @return {@code 16 B L d^2}
     * @throws IllegalArgumentException when a size is negative (the message names it)
     */
    public static long feedForward(long batch, long seqLen, long d) {
        throw new UnsupportedOperationException("TODO(12): two products through d_ff = 4d");
    }

    /**
     * Forward FLOPs of one encoder layer: projections, scores and weighted values, feed-forward.
     *
     * @return {@code 24 B L d^2 + 4 B L^2 d}; for {@code B = 1, L = 2048, d = 768} about 41.876 GFLOP
     * @throws IllegalArgumentException when a size is negative (the message names it)
     */
    public static long encoderLayer(long batch, long seqLen, long d) {
        throw new UnsupportedOperationException("TODO(12): add up the three parts");
    }

    /**
     * The sequence length at which the attention block ({@code 8BLd^2 + 4BL^2d}) costs exactly as
     * much as the feed-forward block ({@code 16BLd^2}); above it, the part quadratic in {@code L}
     * dominates.
     *
     * @throws IllegalArgumentException when {@code d} is negative (the message says {@code d = -1})
     */
    public static long crossoverLength(long d) {
        throw new UnsupportedOperationException("TODO(12): solve 8BLd^2 + 4BL^2d = 16BLd^2 for L");
    }

    /**
     * Training FLOPs of a step whose forward pass takes {@code forward} FLOPs: the forward pass, and
     * a backward pass that computes two products for each forward one (the gradient of its input
     * and the gradient of its weight).
     *
     * @return {@code 3 * forward}
     * @throws IllegalArgumentException when {@code forward} is negative (the message says {@code forward = -1})
     */
    public static long training(long forward) {
        throw new UnsupportedOperationException("TODO(12): forward plus a backward pass twice as large");
    }

    /**
     * The rule of thumb for training: about 6 FLOPs per parameter per token (2 in the forward pass,
     * one multiply-add per parameter, and 4 in the backward pass).
     *
     * @return {@code 6 * parameters * tokens}
     * @throws IllegalArgumentException when either is negative (the message names it)
     */
    public static long trainingFromParameters(long parameters, long tokens) {
        throw new UnsupportedOperationException("TODO(12): 6 FLOPs per parameter per token");
    }
}
