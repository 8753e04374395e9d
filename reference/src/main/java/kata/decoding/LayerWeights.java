package kata.decoding;

/**
 * One decoder layer's parameters (kata 10): masked self-attention, cross-attention over the memory,
 * the feed-forward network, and the norm of each of the three sublayers.
 */
public record LayerWeights(AttentionWeights selfAttention, AttentionWeights crossAttention,
                           FeedForwardWeights feedForward, NormWeights norm1, NormWeights norm2, NormWeights norm3) {
}
