package kata.decoding;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;

/**
 * Sampling the next token from its logits {@code z (V)}, in this order:
 * <pre>
 *   1. temperature  z_i / tau; tau = 0 is the limit tau -> 0+: all the probability on the argmax
 *   2. top-k        keep the k largest logits (equal logits at the boundary: the lower ids first)
 *   3. softmax      over the kept tokens, the largest kept z_i / tau subtracted first; 0 elsewhere
 *   4. top-p        the kept tokens by probability, largest first; the shortest run whose sum reaches p
 *   5. renormalize  the kept probabilities by their sum
 *   6. draw         one u = random.nextDouble(); the first id whose cumulative probability is &gt; u
 * </pre>
 * Mistakes learners make here are in {@code reference/known-wrong/16-decoding/}.
 *
 * @param temperature tau, finite and at least 0; 1 leaves the logits alone, 0 is greedy
 * @param topK        how many of the largest logits to keep, at least 1
 * @param topP        the probability the nucleus must reach, in (0, 1]
 */
public record Sampler(double temperature, int topK, double topP) {

    /** Checks the settings; each test is written so that NaN fails it. */
    public Sampler {
        if (!(temperature >= 0.0 && temperature < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("temperature = " + temperature + " must be finite and at least 0");
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK = " + topK + " must be at least 1");
        }
        if (!(topP > 0.0 && topP <= 1.0)) {
            throw new IllegalArgumentException("topP = " + topP + " must be in (0, 1]");
        }
    }

    /** Steps 1 to 5: the distribution {@link #sample} draws from, a fresh array of length V. */
    public double[] probabilities(double[] logits) {
        requireLogits(logits);
        double[] scaled = scaled(logits);                // (V) step 1
        boolean[] kept = largest(scaled, topK);          // step 2: on the scaled logits, the same order as z
        double[] p = softmax(scaled, kept);              // step 3
        keepNucleus(p, kept);                            // step 4: on the renormalized top-k distribution
        return renormalized(p, kept);                    // step 5
    }

    /** One draw, then the inverse CDF walked in increasing id, never in order of probability. */
    public int sample(double[] logits, RandomGenerator random) {
        double[] p = probabilities(logits);
        double u = random.nextDouble();                  // exactly one draw per sample, whatever the settings
        double cumulative = 0.0;
        int last = 0;
        for (int v = 0; v < p.length; v++) {
            if (p[v] > 0.0) {
                cumulative += p[v];
                last = v;
                if (cumulative > u) {                    // strict: a draw on a boundary belongs to the next token
                    return v;
                }
            }
        }
        return last;                                     // rounding left the total at or below u
    }

    /** {@code z_i - m - ln(sum_j exp(z_j - m))}, {@code m} the largest logit: no overflow at 1e4. */
    public static double[] logSoftmax(double[] logits) {
        requireLogits(logits);
        double max = Arrays.stream(logits).max().orElseThrow();
        double sum = 0.0;
        for (double z : logits) {
            sum += Math.exp(z - max);
        }
        double logSum = max + Math.log(sum);
        double[] result = new double[logits.length];     // (V)
        for (int v = 0; v < logits.length; v++) {
            result[v] = logits[v] - logSum;
        }
        return result;
    }

    /** z / tau; at tau = 0 the limit: 0 for the argmax (the lowest id among equal maxima), -infinity elsewhere. */
    private double[] scaled(double[] logits) {
        double[] scaled = new double[logits.length];
        if (temperature == 0.0) {
            Arrays.fill(scaled, Double.NEGATIVE_INFINITY);
            scaled[argmax(logits)] = 0.0;                // never z / 0: that is NaN for z = 0 and +-infinity otherwise
            return scaled;
        }
        for (int v = 0; v < logits.length; v++) {
            scaled[v] = logits[v] / temperature;
        }
        return scaled;
    }

    /** Which tokens are among the {@code count} largest values, equal values going to the lower ids first. */
    private static boolean[] largest(double[] values, int count) {
        boolean[] kept = new boolean[values.length];
        Integer[] order = byDescending(values);
        for (int rank = 0; rank < Math.min(count, order.length); rank++) {
            kept[order[rank]] = true;
        }
        return kept;
    }

    /** The softmax over the kept tokens, shifted by their largest value; 0 for the others. */
    private static double[] softmax(double[] scaled, boolean[] kept) {
        double max = Arrays.stream(scaled).max().orElseThrow();   // the largest value is always kept, and finite
        double[] p = new double[scaled.length];
        for (int v = 0; v < scaled.length; v++) {
            p[v] = Math.exp(scaled[v] - max);            // at most 1: no overflow for logits of 1e4 or tau of 1e-3
        }
        return renormalized(p, kept);                    // 0 outside the kept tokens
    }

    /** Leaves kept only the most probable tokens up to and including the one whose sum reaches topP. */
    private void keepNucleus(double[] p, boolean[] kept) {
        double sum = 0.0;
        for (int v : byDescending(p)) {
            if (sum >= topP) {                           // reached before v: v and every later token go
                kept[v] = false;
            }
            sum += p[v];                                 // the token that crosses topP stays
        }
    }

    private static double[] renormalized(double[] p, boolean[] kept) {
        double total = 0.0;
        for (int v = 0; v < p.length; v++) {
            if (kept[v]) {
                total += p[v];
            }
        }
        double[] result = new double[p.length];
        for (int v = 0; v < p.length; v++) {
            result[v] = kept[v] ? p[v] / total : 0.0;
        }
        return result;
    }

    /** The ids sorted by value, largest first; the sort is stable, so equal values keep the lower id first. */
    private static Integer[] byDescending(double[] values) {
        Integer[] ids = new Integer[values.length];
        Arrays.setAll(ids, v -> v);
        Arrays.sort(ids, Comparator.comparingDouble((Integer v) -> values[v]).reversed());
        return ids;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int v = 1; v < values.length; v++) {
            if (values[v] > values[best]) {              // strict: the lowest id wins a tie
                best = v;
            }
        }
        return best;
    }

    private static void requireLogits(double[] logits) {
        boolean anyFinite = false;
        for (double z : logits) {
            if (Double.isNaN(z) || z == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logits hold " + z + ": each logit must be finite or -infinity");
            }
            anyFinite |= Double.isFinite(z);
        }
        if (!anyFinite) {
            throw new IllegalArgumentException("logits hold no finite value (length " + logits.length
                    + "): at least one token must be possible");
        }
    }
}
