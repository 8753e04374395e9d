package kata.decoding;

import kata.support.Tensor;

/**
 * The parameters of one multi-head attention, as kata 07 names them: each weight {@code (d, d)}
 * applied as {@code x W + b}, each bias {@code (d)}. Queries come from the attending sequence, keys
 * and values from the attended one (the sequence itself, or the encoder memory).
 */
public record AttentionWeights(Tensor queryWeight, Tensor queryBias, Tensor keyWeight, Tensor keyBias,
                               Tensor valueWeight, Tensor valueBias, Tensor outputWeight, Tensor outputBias) {
}
