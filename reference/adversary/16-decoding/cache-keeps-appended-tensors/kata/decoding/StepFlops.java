package kata.decoding;

/**
 * The FLOPs of one generation step of one decoder layer, counted with kata 12's rules.
 */
public final class StepFlops {

    private StepFlops() {
    }

    /** FLOPs of the step recomputing the whole prefix: {@code 28 L d^2 + 4 M d^2 + 4 L^2 d + 4 L M d}. */
    public static long uncached(long seqLen, long memoryLength, long d) {
        long self = 8 * seqLen * d * d + 4 * seqLen * seqLen * d;
        long cross = 4 * seqLen * d * d + 4 * memoryLength * d * d + 4 * seqLen * memoryLength * d;
        long ffn = 16 * seqLen * d * d;
        return self + cross + ffn;
    }

    /** FLOPs of the cached step: {@code 28 d^2 + 4 L d + 4 M d}. */
    public static long cached(long seqLen, long memoryLength, long d) {
        long self = 8 * d * d + 4 * seqLen * d;
        long cross = 4 * d * d + 4 * memoryLength * d;
        long ffn = 16 * d * d;
        return self + cross + ffn;
    }

    /** What the cache saves: {@code uncached - cached = (L - 1)(28 d^2 + 4 L d + 4 M d) + 4 M d^2}. */
    public static long saved(long seqLen, long memoryLength, long d) {
        return uncached(seqLen, memoryLength, d) - cached(seqLen, memoryLength, d);
    }
}
