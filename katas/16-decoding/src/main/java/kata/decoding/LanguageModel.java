package kata.decoding;

/**
 * What beam search needs from a model: the log-probabilities of the next token after a prefix.
 * A trained decoder is one (the last row of its logits, through {@link Sampler#logSoftmax}); a
 * spec's toy table another.
 */
@FunctionalInterface
public interface LanguageModel {

    /**
     * {@code ln P(v | prefix)} for every token v.
     *
     * @param prefix the tokens so far (the caller's start tokens, then the generated ones); the model
     *               may not keep or modify it
     * @return an array of length V, each entry at most 0, their exponentials summing to 1
     */
    double[] logProbabilities(int[] prefix);
}
