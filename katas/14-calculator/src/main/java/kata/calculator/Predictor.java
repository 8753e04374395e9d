package kata.calculator;

import kata.support.Tensor;

/**
 * Whatever turns sources and decoder inputs into next-token scores: the {@link Model}, or a spec's
 * stand-in. {@link Decoding} needs nothing else.
 */
@FunctionalInterface
public interface Predictor {

    /**
     * The logits of every decoder position: {@code logits[i][t][v]} scores token {@code v} as the token
     * after {@code decoderInput[i][0..t]}.
     *
     * @param source       {@code [B][S]}: {@code B} sources of {@code S} ids each
     * @param decoderInput {@code [B][T]}: {@code B} decoder inputs of {@code T} ids each
     * @return shape {@code (B, T, V)}
     */
    Tensor logits(int[][] source, int[][] decoderInput);
}
