package kata.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search: keep the {@code beamWidth} most probable continuations instead of one.
 *
 * @param beamWidth        how many candidates survive each step, at least 1
 * @param end              the END token id: a candidate ending with it is finished and never extended
 * @param maxTokens        the most tokens to generate, END included, at least 0
 * @param lengthNormalized whether results are ranked by log-probability per token
 */
public record BeamSearch(int beamWidth, int end, int maxTokens, boolean lengthNormalized) {

    public BeamSearch {
        if (beamWidth < 1) {
            throw new IllegalArgumentException("beamWidth must be at least 1, was " + beamWidth);
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be at least 0, was " + maxTokens);
        }
    }

    private record Beam(int[] tokens, double logProbability) {
    }

    private record Candidate(int beam, int token, double logProbability) {
    }

    private Hypothesis hypothesis(int[] tokens, double logProbability, boolean finished) {
        double score = logProbability;
        if (lengthNormalized) {
            score = tokens.length == 0 ? 0.0 : logProbability / tokens.length;
        }
        return new Hypothesis(tokens.clone(), logProbability, score, finished);
    }

    public List<Hypothesis> search(LanguageModel model, int[] prefix) {
        List<Beam> beams = new ArrayList<>();
        beams.add(new Beam(new int[0], 0.0));
        List<Hypothesis> finished = new ArrayList<>();
        for (int step = 0; step < maxTokens && !beams.isEmpty(); step++) {
            List<Candidate> candidates = new ArrayList<>();
            for (int b = 0; b < beams.size(); b++) {
                Beam beam = beams.get(b);
                int[] input = Arrays.copyOf(prefix, prefix.length + beam.tokens().length);
                System.arraycopy(beam.tokens(), 0, input, prefix.length, beam.tokens().length);
                double[] logP = model.logProbabilities(input);
                for (int v = 0; v < logP.length; v++) {
                    candidates.add(new Candidate(b, v, beam.logProbability() + logP[v]));
                }
            }
            // largest first; the list is already in (beam, token) order and the sort is stable
            candidates.sort(Comparator.comparingDouble(Candidate::logProbability).reversed());
            List<Beam> next = new ArrayList<>();
            for (int c = 0; c < Math.min(beamWidth, candidates.size()); c++) {
                Candidate candidate = candidates.get(c);
                int[] old = beams.get(candidate.beam()).tokens();
                int[] tokens = Arrays.copyOf(old, old.length + 1);
                tokens[old.length] = candidate.token();
                if (candidate.token() == end) {
                    finished.add(hypothesis(tokens, candidate.logProbability(), true));
                } else {
                    next.add(new Beam(tokens, candidate.logProbability()));
                }
            }
            beams = next;
        }
        List<Hypothesis> results = new ArrayList<>(finished);
        for (Beam beam : beams) {
            results.add(hypothesis(beam.tokens(), beam.logProbability(), false));
        }
        results.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return new ArrayList<>(results.subList(0, Math.min(beamWidth, results.size())));
    }
}
