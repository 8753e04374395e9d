package kata.decoding;

import java.util.Arrays;
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
 *
 * @param temperature tau, finite and at least 0; 1 leaves the logits alone, 0 is greedy
 * @param topK        how many of the largest logits to keep, at least 1
 * @param topP        the probability the nucleus must reach, in (0, 1]; 1 keeps every token
 */
public record Sampler(double temperature, int topK, double topP) {

    public Sampler {
        if (Double.isNaN(temperature) || Double.isInfinite(temperature) || temperature < 0) {
            throw new IllegalArgumentException("temperature must be finite and at least 0, was " + temperature);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, was " + topK);
        }
        if (Double.isNaN(topP) || topP <= 0 || topP > 1) {
            throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
        }
    }

    private static void checkLogits(double[] logits) {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("logits must hold at least one value");
        }
        boolean anyFinite = false;
        for (int i = 0; i < logits.length; i++) {
            double z = logits[i];
            if (Double.isNaN(z) || z == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logits[" + i + "] is " + z + ": logits must be finite or -infinity");
            }
            anyFinite |= Double.isFinite(z);
        }
        if (!anyFinite) {
            throw new IllegalArgumentException("logits hold no finite value: " + Arrays.toString(logits));
        }
    }

    /** The lowest id among the largest logits. */
    private static int argmax(double[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    public double[] probabilities(double[] logits) {
        checkLogits(logits);
        int v = logits.length;
        double[] p = new double[v];
        if (temperature == 0.0) {                        // the limit tau -> 0+: greedy
            p[argmax(logits)] = 1.0;
            return p;
        }
        // 1. temperature
        double[] z = new double[v];
        for (int i = 0; i < v; i++) {
            z[i] = logits[i] / temperature;
        }
        // 2. top-k: the ids by logit, largest first, equal logits lower id first
        Integer[] order = new Integer[v];
        for (int i = 0; i < v; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(z[b], z[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int k = Math.min(topK, v);
        boolean[] kept = new boolean[v];
        for (int r = 0; r < k; r++) {
            kept[order[r]] = true;
        }
        // 3. softmax over the kept ones
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v; i++) {
            if (kept[i] && z[i] > m) {
                m = z[i];
            }
        }
        double sum = 0.0;
        for (int i = 0; i < v; i++) {
            if (kept[i]) {
                p[i] = Math.exp(z[i] - m);
                sum += p[i];
            }
        }
        for (int i = 0; i < v; i++) {
            p[i] /= sum;
        }
        // 4. top-p: by probability, largest first, equal lower id first
        if (topP < 1.0) {
            Integer[] byP = new Integer[v];
            for (int i = 0; i < v; i++) {
                byP[i] = i;
            }
            Arrays.sort(byP, (a, b) -> {
                int c = Double.compare(p[b], p[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            boolean[] nucleus = new boolean[v];
            double mass = 0.0;
            for (int r = 0; r < v && kept[byP[r]]; r++) {
                nucleus[byP[r]] = true;
                mass += p[byP[r]];
                if (mass >= topP) {
                    break;
                }
            }
            // 5. renormalize
            double total = 0.0;
            for (int i = 0; i < v; i++) {
                if (!nucleus[i]) {
                    p[i] = 0.0;
                }
                total += p[i];
            }
            for (int i = 0; i < v; i++) {
                p[i] /= total;
            }
        }
        return p;
    }

    public int sample(double[] logits, RandomGenerator random) {
        double[] p = probabilities(logits);
        double u = random.nextDouble();
        double cumulative = 0.0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0.0) {
                last = i;
            }
            cumulative += p[i];
            if (cumulative > u) {
                return i;
            }
        }
        return last;
    }

    public static double[] logSoftmax(double[] logits) {
        checkLogits(logits);
        double m = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            m = Math.max(m, z);
        }
        double sum = 0.0;
        for (double z : logits) {
            sum += Math.exp(z - m);
        }
        double logSum = Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - m - logSum;
        }
        return out;
    }
}
