package kata.decoding;

/**
 * One result of beam search.
 *
 * @param tokens         the tokens generated after the prefix, END included when {@code finished}
 * @param logProbability the sum of {@code ln P(token | everything before it)} over {@code tokens}
 * @param score          what the results are ranked by: {@code logProbability}, or
 *                       {@code logProbability / tokens.length} when length-normalized (0 for no token)
 * @param finished       whether the last token is END (otherwise it was cut at maxTokens)
 */
public record Hypothesis(int[] tokens, double logProbability, double score, boolean finished) {
}
