package kata.decoding;

import kata.support.Tensor;

/**
 * The keys and values one attention has already computed, {@code (t, d)} each, kept so that a new
 * query attends over them without computing them again: a decoder layer's self-attention appends one
 * row per generated position; its cross-attention is filled once with the encoder memory's rows.
 * Storage for {@code maxLength} rows is reserved up front, so appending a row copies one row.
 *
 * <p>{@link #attend} is multi-head attention of queries that are already projected ({@code q = x W_Q + b_Q})
 * over the cached rows, before the output projection:
 * <pre>
 *   head i (n, d_k) = softmax(Q_i K_i^T / sqrt(d_k), padded keys at -infinity) V_i
 *   result (n, d)   = concat(head 0, ..., head h-1)     head i owns columns i d_k .. (i+1) d_k - 1
 * </pre>
 */
public final class KeyValueCache {

    /**
     * An empty cache of at most {@code maxLength} rows of width {@code dModel}.
     *
     * @throws IllegalArgumentException when maxLength is negative or dModel is below 1 (the message names it)
     */
    public KeyValueCache(int maxLength, int dModel) {
        throw new UnsupportedOperationException("TODO(16): reserve (maxLength, d) for the keys and the values");
    }

    /**
     * Appends {@code n} rows of keys and of values, after the rows already there. The arguments may be
     * any layout and are not modified or kept (their values are copied).
     *
     * @param keys   {@code (n, d)}
     * @param values {@code (n, d)}
     * @throws IllegalArgumentException when keys or values is not a matrix of width d, or their row
     *     counts differ (the message names the argument and its shape)
     * @throws IllegalStateException when the cache would hold more than maxLength rows (the message
     *     names it as {@code maxLength = value}); the cache is then unchanged
     */
    public void append(Tensor keys, Tensor values) {
        throw new UnsupportedOperationException("TODO(16): copy the rows after the last one, or refuse to grow");
    }

    /** How many rows the cache holds: appended since it was made or last reset. */
    public int length() {
        throw new UnsupportedOperationException("TODO(16): the rows held");
    }

    /** The most rows the cache may hold. */
    public int maxLength() {
        throw new UnsupportedOperationException("TODO(16): the most rows");
    }

    /** The cached keys, {@code (length, d)}, in the order appended; do not modify it. */
    public Tensor keys() {
        throw new UnsupportedOperationException("TODO(16): the first length rows of the keys");
    }

    /** The cached values, {@code (length, d)}, in the order appended; do not modify it. */
    public Tensor values() {
        throw new UnsupportedOperationException("TODO(16): the first length rows of the values");
    }

    /** Empties the cache: length 0, the next append starts at row 0. */
    public void reset() {
        throw new UnsupportedOperationException("TODO(16): forget every row");
    }

    /**
     * Multi-head attention of {@code queries} over the cached rows (see the class comment). No causal
     * mask: every cached row is visible unless {@code padded} hides it.
     *
     * @param queries  {@code (n, d)}, already projected; any layout; not modified
     * @param numHeads h, dividing d
     * @param padded   {@code padded[j] == true} hides cached row j from every query; {@code null} for none
     * @return a fresh {@code (n, d)} tensor
     * @throws IllegalArgumentException when queries is not a matrix of width d (names queries and its
     *     shape), numHeads is below 1 or does not divide d (names numHeads), padded does not have one
     *     flag per cached row or hides every row, or the cache is empty while there are queries
     */
    public Tensor attend(Tensor queries, int numHeads, boolean[] padded) {
        throw new UnsupportedOperationException("TODO(16): per head, softmax of the scaled scores times the values");
    }
}
