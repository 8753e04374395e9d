package kata.decoding;

import kata.support.NormOrder;
import kata.support.Tensor;

/**
 * A decoder stack run one token at a time with a key/value cache per layer. Step {@code t} feeds the
 * token at position {@code t} and returns the logits of the token after it: the same as row {@code t}
 * of the parallel pass over the tokens {@code 0 .. t} (see {@link DecoderWeights}), under the causal
 * mask and the memory's padding mask, to 1e-12.
 * <pre>
 *   x (1, d) = embedding[token] + positions[t]
 *   each layer, as kata 10 with one query row (LN eps 1e-5, biased variance):
 *     POST_NORM  h1 = LN1(x + SelfAttn(x))    h2 = LN2(h1 + CrossAttn(h1))    y = LN3(h2 + FFN(h2))
 *     PRE_NORM   h1 = x + SelfAttn(LN1(x))    h2 = h1 + CrossAttn(LN2(h1))    y = h2 + FFN(LN3(h2))
 *   SelfAttn(a)  = append (a W_K + b_K, a W_V + b_V) to the layer's self cache;
 *                  selfCache.attend(a W_Q + b_Q, h, null) W_O + b_O     (no causal mask: the cache holds 0 .. t)
 *   CrossAttn(a) = memoryCache.attend(a W_Q + b_Q, h, memoryPadded) W_O + b_O
 *   logits (V)   = y W_out + b_out      (PRE_NORM: finalNorm(y) W_out + b_out)
 * </pre>
 * The memory's keys and values ({@code memory W_K + b_K}, {@code memory W_V + b_V} of each layer's
 * cross-attention) are computed once, in {@link #start}. Weights follow kata 07's convention, may be in
 * any layout and are never modified.
 */
public final class CachedDecoder {

    /** The layer norms' epsilon, inside the square root. */
    public static final double EPS = 1e-5;

    /**
     * A decoder that can generate up to {@code maxLength} tokens per sequence; {@link #start} begins one.
     *
     * @param weights   the stack's parameters, of one width d and vocabulary V
     * @param order     where the norms sit
     * @param numHeads  h, dividing d
     * @param maxLength the most tokens per sequence, at least 1 and at most the rows of the positions table
     * @throws IllegalArgumentException when numHeads is below 1 or does not divide d (names numHeads), or
     *     maxLength is below 1 or above the positions' rows (names maxLength and the positions' shape)
     */
    public CachedDecoder(DecoderWeights weights, NormOrder order, int numHeads, int maxLength) {
        throw new UnsupportedOperationException("TODO(16): one self cache and one memory cache per layer");
    }

    /**
     * Begins a sequence: empties every self cache and fills each layer's memory cache with the memory's
     * keys and values. {@code memory} and {@code memoryPadded} are not modified or kept.
     *
     * @param memory       the encoder's output {@code (T_m, d)}, any layout
     * @param memoryPadded {@code memoryPadded[j] == true} hides memory row j from every query; {@code null}
     *                     for no padding
     * @throws IllegalArgumentException when memory is not a matrix of width d or has no row (names memory
     *     and its shape), or memoryPadded does not have T_m flags or hides every row (names memoryPadded)
     */
    public void start(Tensor memory, boolean[] memoryPadded) {
        throw new UnsupportedOperationException("TODO(16): reset the self caches, project the memory once per layer");
    }

    /**
     * Feeds {@code token} at position {@link #length()} and returns the logits of the next token.
     *
     * @return a fresh array of length V
     * @throws IllegalArgumentException when token is not in [0, V) (names token)
     * @throws IllegalStateException before the first {@link #start}, or when maxLength tokens were
     *     already fed (the message names it as {@code maxLength = value}); nothing changes then
     */
    public double[] step(int token) {
        throw new UnsupportedOperationException("TODO(16): embed at the next position, each layer on one row, logits");
    }

    /** How many tokens were fed since the last {@link #start}. */
    public int length() {
        throw new UnsupportedOperationException("TODO(16): the tokens fed");
    }

    /** The self-attention cache of layer {@code layer} (0 is the first): one row per token fed. */
    public KeyValueCache selfCache(int layer) {
        throw new UnsupportedOperationException("TODO(16): the layer's self cache");
    }

    /** The cross-attention cache of layer {@code layer}: the memory's keys and values, T_m rows. */
    public KeyValueCache memoryCache(int layer) {
        throw new UnsupportedOperationException("TODO(16): the layer's memory cache");
    }
}
