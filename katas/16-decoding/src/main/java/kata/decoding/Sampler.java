package kata.decoding;

import java.util.random.RandomGenerator;

/**
 * Sampling the next token from its logits {@code z (V)}, in this order:
 * <pre>
 *   1. temperature  z_i / tau; tau = 0 is the limit tau -> 0+: all the probability on the argmax
 *                   (the lowest id among equal maxima), never a division by zero
 *   2. top-k        keep the k largest logits (equal logits at the boundary: the lower ids first)
 *   3. softmax      over the kept tokens, the largest kept z_i / tau subtracted first; 0 elsewhere
 *   4. top-p        the kept tokens by probability, largest first (equal: lower id first); keep the
 *                   shortest run from the top whose sum reaches p (sum &gt;= p): the token that crosses p is kept
 *   5. renormalize  the kept probabilities by their sum
 *   6. draw         one u = random.nextDouble(); walking the tokens in increasing id, the first id
 *                   whose cumulative probability is &gt; u (the inverse CDF)
 * </pre>
 * Logits have length {@code V >= 1}; each is finite or {@code -infinity} (a token that can never be
 * drawn), and at least one is finite.
 *
 * @param temperature tau, finite and at least 0; 1 leaves the logits alone, 0 is greedy
 * @param topK        how many of the largest logits to keep, at least 1; any k &gt;= V (such as
 *                    {@code Integer.MAX_VALUE}) keeps every token
 * @param topP        the probability the nucleus must reach, in (0, 1]; 1 keeps every token
 */
public record Sampler(double temperature, int topK, double topP) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException when temperature is negative, NaN or infinite, topK is below 1,
     *     or topP is not in (0, 1] (NaN included); the message names the component
     *     ({@code temperature}, {@code topK} or {@code topP}) and its value
     */
    public Sampler {
        throw new UnsupportedOperationException("TODO(16): check temperature, topK and topP");
    }

    /**
     * The distribution the sampler draws from: steps 1 to 5 above.
     *
     * @param logits the next token's scores, length V, not modified
     * @return a fresh array of length V: non-negative, summing to 1, 0 for every token left out
     * @throws IllegalArgumentException when logits is empty, holds NaN or +infinity, or holds no finite
     *     value (the message names logits)
     */
    public double[] probabilities(double[] logits) {
        throw new UnsupportedOperationException("TODO(16): temperature, top-k, softmax, top-p, renormalize");
    }

    /**
     * One token drawn from {@link #probabilities}: exactly one {@code random.nextDouble()} per call,
     * whatever the settings (temperature 0 and a single kept token included); the first id, in
     * increasing order, whose cumulative probability is greater than the draw; when rounding leaves
     * the draw at or above the total, the last token with a non-zero probability.
     *
     * @param logits the next token's scores, length V, not modified
     * @param random the source of the one draw
     * @return the token id, in [0, V)
     * @throws IllegalArgumentException as {@link #probabilities} does
     */
    public int sample(double[] logits, RandomGenerator random) {
        throw new UnsupportedOperationException("TODO(16): one draw, then the inverse CDF in id order");
    }

    /**
     * The log-probabilities of a softmax over all the logits (no temperature, no filter):
     * {@code z_i - m - ln(sum_j exp(z_j - m))} with {@code m = max_j z_j}; a logit of -infinity gives
     * -infinity. This is what a {@link LanguageModel} returns.
     *
     * @param logits the scores, length V, not modified
     * @return a fresh array of length V
     * @throws IllegalArgumentException as {@link #probabilities} does
     */
    public static double[] logSoftmax(double[] logits) {
        throw new UnsupportedOperationException("TODO(16): subtract the max and the log of the sum of exponentials");
    }
}
