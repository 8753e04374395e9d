package kata.encoder;

import kata.support.Tensor;

/**
 * The encoder layer's self-attention seen from its wiring: kata 07's multi-head attention called
 * with {@code x} as query, key and value is one implementation, a spec's stand-in another.
 */
@FunctionalInterface
public interface SelfAttention {

    /**
     * Self-attention of {@code x} under a mask.
     *
     * @param x      the sequence, shape {@code (T, d)}
     * @param masked {@code [T][T]}, {@code masked[i][j] == true} hides key {@code j} from query {@code i},
     *               or {@code null} for no mask
     * @return shape {@code (T, d)}
     */
    Tensor attend(Tensor x, boolean[][] masked);
}
