package kata.calculator;

import kata.support.Tensor;

/** Anything that scores the next token: the model, or a spec's stand-in. */
@FunctionalInterface
public interface Predictor {

    /**
     * The logits of every position of every decoder input.
     *
     * @param source       {@code B} source sequences of ids
     * @param decoderInput {@code B} decoder inputs of {@code T} ids each, START first
     * @return shape {@code (B, T, V)}: row {@code t} scores the token that follows {@code decoderInput[b][t]}
     */
    Tensor logits(int[][] source, int[][] decoderInput);
}
