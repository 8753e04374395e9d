package kata.decoding;

/**
 * The FLOPs of one generation step of one decoder layer, with kata 12's rules ({@code (m x k)(k x n)}
 * is {@code 2 m k n}, only matrix products, {@code d_ff = 4d}); L tokens in the prefix after the step,
 * M memory rows.
 * <pre>
 *                  self-attention        cross-attention                 feed-forward
 *   uncached       8 L d^2 + 4 L^2 d     4 L d^2 + 4 M d^2 + 4 L M d     16 L d^2
 *   cached         8 d^2   + 4 L d       4 d^2             + 4 M d       16 d^2
 * </pre>
 * Mistakes learners make here are in {@code reference/known-wrong/16-decoding/}.
 */
public final class StepFlops {

    private StepFlops() {
    }

    /** The parallel pass over L positions, the memory's keys and values projected again. */
    public static long uncached(long seqLen, long memoryLength, long d) {
        long selfAttention = 8 * seqLen * d * d + 4 * seqLen * seqLen * d;          // Q, K, V, O of L rows; scores and values L x L
        long crossAttention = 4 * seqLen * d * d + 4 * memoryLength * d * d         // Q, O of L rows; K, V of M rows
                + 4 * seqLen * memoryLength * d;                                    // scores and values L x M
        long feedForward = 16 * seqLen * d * d;                                     // (L x d)(d x 4d), (L x 4d)(4d x d)
        return selfAttention + crossAttention + feedForward;
    }

    /** One new row: its projections, and attention over L cached keys and M memory keys. */
    public static long cached(long seqLen, long memoryLength, long d) {
        long selfAttention = 8 * d * d + 4 * seqLen * d;
        long crossAttention = 4 * d * d + 4 * memoryLength * d;                     // the memory's K, V come from the cache
        long feedForward = 16 * d * d;
        return selfAttention + crossAttention + feedForward;
    }

    /** {@code (L - 1)(28 d^2 + 4 L d + 4 M d) + 4 M d^2}. */
    public static long saved(long seqLen, long memoryLength, long d) {
        return uncached(seqLen, memoryLength, d) - cached(seqLen, memoryLength, d);
    }
}
