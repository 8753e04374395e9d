package kata.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small next-token models for the beam search specs, and the oracles beam search is compared with. */
final class ToyModels {

    static final int START = 7;

    private ToyModels() {
    }

    /** A model given as the probabilities after each generated part (the prefix's START left out). */
    static LanguageModel table(Map<String, double[]> probabilities) {
        return prefix -> {
            String generated = Arrays.toString(Arrays.copyOfRange(prefix, 1, prefix.length));
            double[] p = probabilities.get(generated);
            if (p == null) {
                throw new AssertionError("the model was asked about " + Arrays.toString(prefix)
                        + ", which a correct beam search never asks about");
            }
            return Arrays.stream(p).map(Math::log).toArray();
        };
    }

    /** A model whose log-probabilities after each prefix are a seeded function of the prefix alone. */
    static LanguageModel random(long seed, int vocabSize) {
        return prefix -> {
            SplittableRandom random = new SplittableRandom(seed * 31 + Arrays.hashCode(prefix));
            double[] logits = new double[vocabSize];
            for (int v = 0; v < vocabSize; v++) {
                logits[v] = 3 * random.nextGaussian();
            }
            double max = Arrays.stream(logits).max().orElseThrow();
            double logSum = max + Math.log(Arrays.stream(logits).map(z -> Math.exp(z - max)).sum());
            return Arrays.stream(logits).map(z -> z - logSum).toArray();
        };
    }

    /** One sequence of the exhaustive enumeration. */
    record Scored(int[] tokens, double logProbability, double score) {
        @Override
        public String toString() {
            return Arrays.toString(tokens) + " logP " + logProbability;
        }
    }

    /**
     * Every sequence beam search could return: those ending at their first END within maxTokens, and
     * those of maxTokens tokens without END; best score first.
     */
    static List<Scored> exhaustive(LanguageModel model, int[] prefix, int end, int maxTokens, boolean normalized) {
        List<Scored> all = new ArrayList<>();
        enumerate(model, prefix, new int[0], 0.0, end, maxTokens, normalized, all);
        all.sort(Comparator.comparingDouble(Scored::score).reversed());
        return all;
    }

    private static void enumerate(LanguageModel model, int[] prefix, int[] tokens, double logP, int end, int maxTokens,
                                  boolean normalized, List<Scored> all) {
        boolean finished = tokens.length > 0 && tokens[tokens.length - 1] == end;
        if (finished || tokens.length == maxTokens) {
            double score = normalized && tokens.length > 0 ? logP / tokens.length : logP;
            all.add(new Scored(tokens, logP, score));
            return;
        }
        double[] next = model.logProbabilities(concat(prefix, tokens));
        for (int v = 0; v < next.length; v++) {
            int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
            longer[tokens.length] = v;
            enumerate(model, prefix, longer, logP + next[v], end, maxTokens, normalized, all);
        }
    }

    /** Greedy decoding: the argmax (lowest id on ties) until END or maxTokens. */
    static int[] greedy(LanguageModel model, int[] prefix, int end, int maxTokens) {
        int[] tokens = new int[0];
        while (tokens.length < maxTokens && (tokens.length == 0 || tokens[tokens.length - 1] != end)) {
            double[] next = model.logProbabilities(concat(prefix, tokens));
            int best = 0;
            for (int v = 1; v < next.length; v++) {
                if (next[v] > next[best]) {
                    best = v;
                }
            }
            tokens = Arrays.copyOf(tokens, tokens.length + 1);
            tokens[tokens.length - 1] = best;
        }
        return tokens;
    }

    static int[] concat(int[] prefix, int[] tokens) {
        int[] all = Arrays.copyOf(prefix, prefix.length + tokens.length);
        System.arraycopy(tokens, 0, all, prefix.length, tokens.length);
        return all;
    }
}
