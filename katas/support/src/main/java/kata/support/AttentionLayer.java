package kata.support;

/**
 * Attention seen from a layer's wiring: kata 07's multi-head attention called with {@code query} as
 * the queries and {@code memory} as keys and values is one implementation, a spec's stand-in another.
 * Self-attention passes one sequence as both; cross-attention passes the encoder's output as memory.
 */
@FunctionalInterface
public interface AttentionLayer {

    /**
     * Attention of the rows of {@code query} over the rows of {@code memory}.
     *
     * @param query  the queries' sequence, shape {@code (T_q, d)}
     * @param memory the keys' and values' sequence, shape {@code (T_k, d)}
     * @param masked {@code [T_q][T_k]}, {@code masked[i][j] == true} hides key {@code j} from query
     *               {@code i}, or {@code null} for no mask
     * @return shape {@code (T_q, d)}
     */
    Tensor attend(Tensor query, Tensor memory, boolean[][] masked);
}
