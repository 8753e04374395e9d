package kata.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search: keep the {@code beamWidth} most probable continuations instead of one.
 * <pre>
 *   beams = [ [] ] with log-probability 0; finished = []
 *   for step 1 .. maxTokens, while beams is not empty:
 *       candidates = each beam b extended by each token v, logP(b) + model(prefix + b)[v]
 *       keep the beamWidth best candidates by log-probability (equal: the earlier beam, then the lower v)
 *       those ending in END go to finished, the others are the next beams
 *   results = finished, then the beams still open, ranked by score, the best beamWidth
 *   score   = logP, or logP / tokens.length when lengthNormalized (an empty hypothesis scores 0)
 * </pre>
 * Mistakes learners make here are in {@code reference/known-wrong/16-decoding/}.
 *
 * @param beamWidth        how many candidates survive each step, at least 1
 * @param end              the END token id
 * @param maxTokens        the most tokens to generate, END included, at least 0
 * @param lengthNormalized whether results are ranked by log-probability per token
 */
public record BeamSearch(int beamWidth, int end, int maxTokens, boolean lengthNormalized) {

    /** Checks the settings. */
    public BeamSearch {
        if (beamWidth < 1) {
            throw new IllegalArgumentException("beamWidth = " + beamWidth + " must be at least 1");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens = " + maxTokens + " must be at least 0");
        }
    }

    /** The best hypotheses after {@code prefix}, best first, at most beamWidth of them. */
    public List<Hypothesis> search(LanguageModel model, int[] prefix) {
        List<Hypothesis> beams = List.of(hypothesis(new int[0], 0.0));
        List<Hypothesis> finished = new ArrayList<>();
        for (int step = 0; step < maxTokens; step++) {      // no open beam left: no candidate either
            List<Hypothesis> next = new ArrayList<>();
            for (Hypothesis candidate : best(candidates(model, prefix, beams))) {
                (candidate.finished() ? finished : next).add(candidate);   // a finished one is never extended
            }
            beams = next;
        }
        List<Hypothesis> results = new ArrayList<>(finished);
        results.addAll(beams);                                              // cut at maxTokens, still open
        results.sort(Comparator.comparingDouble(Hypothesis::score).reversed());   // stable: finished first on ties
        return List.copyOf(results.subList(0, Math.min(beamWidth, results.size())));
    }

    /** Every open beam extended by every token, beam by beam and token by token (the order ties keep). */
    private List<Hypothesis> candidates(LanguageModel model, int[] prefix, List<Hypothesis> beams) {
        List<Hypothesis> candidates = new ArrayList<>();
        for (Hypothesis beam : beams) {
            double[] logP = model.logProbabilities(concat(prefix, beam.tokens()));   // (V), one call per open beam
            for (int v = 0; v < logP.length; v++) {
                int[] tokens = Arrays.copyOf(beam.tokens(), beam.tokens().length + 1);
                tokens[tokens.length - 1] = v;
                candidates.add(hypothesis(tokens, beam.logProbability() + logP[v]));   // log-probabilities add
            }
        }
        return candidates;
    }

    /** The beamWidth candidates of highest log-probability: pruning never looks at the normalized score. */
    private List<Hypothesis> best(List<Hypothesis> candidates) {
        candidates.sort(Comparator.comparingDouble(Hypothesis::logProbability).reversed());   // stable
        return candidates.subList(0, Math.min(beamWidth, candidates.size()));
    }

    private Hypothesis hypothesis(int[] tokens, double logProbability) {
        boolean finished = tokens.length > 0 && tokens[tokens.length - 1] == end;
        double score = lengthNormalized && tokens.length > 0 ? logProbability / tokens.length : logProbability;
        return new Hypothesis(tokens, logProbability, score, finished);
    }

    private static int[] concat(int[] prefix, int[] tokens) {
        int[] all = Arrays.copyOf(prefix, prefix.length + tokens.length);
        System.arraycopy(tokens, 0, all, prefix.length, tokens.length);
        return all;
    }
}
