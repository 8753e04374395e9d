package kata.decoding;

/**
 * The FLOPs of one generation step of one decoder layer, counted with kata 12's rules: a product
 * {@code (m x k)(k x n)} is {@code 2 m k n} FLOPs, only matrix products count (softmax, norms and
 * biases are left out), and the feed-forward width is {@code d_ff = 4d}. The step produces position
 * {@code L - 1}: the prefix holds {@code L} tokens after it; the memory has {@code M} rows.
 * <pre>
 *                  self-attention        cross-attention                 feed-forward
 *   uncached       8 L d^2 + 4 L^2 d     4 L d^2 + 4 M d^2 + 4 L M d     16 L d^2
 *   cached         8 d^2   + 4 L d       4 d^2             + 4 M d       16 d^2
 * </pre>
 * Uncached, the step recomputes every position of the prefix and the memory's keys and values; cached,
 * it projects one row and attends over L cached keys and M memory keys.
 */
public final class StepFlops {

    private StepFlops() {
    }

    /** FLOPs of the step recomputing the whole prefix: {@code 28 L d^2 + 4 M d^2 + 4 L^2 d + 4 L M d}. */
    public static long uncached(long seqLen, long memoryLength, long d) {
        throw new UnsupportedOperationException("TODO(16): the parallel pass over L positions");
    }

    /** FLOPs of the cached step: {@code 28 d^2 + 4 L d + 4 M d}. */
    public static long cached(long seqLen, long memoryLength, long d) {
        throw new UnsupportedOperationException("TODO(16): one row against L cached keys and M memory keys");
    }

    /** What the cache saves: {@code uncached - cached = (L - 1)(28 d^2 + 4 L d + 4 M d) + 4 M d^2}. */
    public static long saved(long seqLen, long memoryLength, long d) {
        throw new UnsupportedOperationException("TODO(16): the difference");
    }
}
