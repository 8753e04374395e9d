package kata.decoding;

import java.util.List;

/**
 * Beam search: keep the {@code beamWidth} most probable continuations instead of one.
 * <pre>
 *   beams = [ [] ] with log-probability 0; finished = []
 *   for step 1 .. maxTokens, while beams is not empty:
 *       candidates = each beam b extended by each token v, logP(b) + model(prefix + b)[v]
 *       keep the beamWidth best candidates by log-probability (equal: the earlier beam, then the lower v)
 *       those ending in END go to finished, the others are the next beams
 *   results = finished, then the beams still open (cut at maxTokens), ranked by score, the best beamWidth
 *   score   = logP, or logP / tokens.length when lengthNormalized (END counts as a token; an empty
 *             hypothesis scores 0)
 * </pre>
 * Pruning uses the log-probability; length normalization only ranks the results. Width 1 is greedy
 * decoding (the argmax, lowest id among equal maxima, until END or maxTokens); a width of at least
 * {@code V^maxTokens} keeps every candidate and equals exhaustive enumeration.
 *
 * @param beamWidth        how many candidates survive each step, at least 1
 * @param end              the END token id: a candidate ending with it is finished and never extended
 * @param maxTokens        the most tokens to generate, END included, at least 0
 * @param lengthNormalized whether results are ranked by log-probability per token
 */
public record BeamSearch(int beamWidth, int end, int maxTokens, boolean lengthNormalized) {

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException when beamWidth is below 1 or maxTokens is negative (the message
     *     names the component and its value)
     */
    public BeamSearch {
        throw new UnsupportedOperationException("TODO(16): check beamWidth and maxTokens");
    }

    /**
     * The best hypotheses after {@code prefix}, best first (equal scores: finished before open, then
     * in the order they were found), at most beamWidth of them. The model is called once per open
     * beam per step, with a fresh array {@code prefix + beam}; {@code prefix} is not modified. With
     * {@code maxTokens = 0} the result is the one empty hypothesis, open, of log-probability 0.
     *
     * @param model  the log-probabilities of the next token
     * @param prefix the tokens the model is first asked about (a START token, say), not generated
     * @return the ranked hypotheses, each with fresh token arrays
     */
    public List<Hypothesis> search(LanguageModel model, int[] prefix) {
        throw new UnsupportedOperationException("TODO(16): extend, prune to beamWidth, finish at END, rank");
    }
}
