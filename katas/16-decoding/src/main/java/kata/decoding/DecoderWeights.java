package kata.decoding;

import java.util.List;
import kata.support.Tensor;

/**
 * A decoder stack's parameters, from token ids to next-token logits:
 * <pre>
 *   x (T, d)      = embedding[tokens] + positions[0 .. T-1]       embedding (V, d), positions (P, d)
 *   x             = layer(x, memory) for each layer, in order
 *   x             = finalNorm(x)                                  PRE_NORM only
 *   logits (T, V) = x outputWeight + outputBias                   outputWeight (d, V), outputBias (V)
 * </pre>
 *
 * @param layers     at least one
 * @param finalNorm  the norm after the last layer, used with {@code NormOrder.PRE_NORM} only
 */
public record DecoderWeights(Tensor embedding, Tensor positions, List<LayerWeights> layers, NormWeights finalNorm,
                             Tensor outputWeight, Tensor outputBias) {
}
