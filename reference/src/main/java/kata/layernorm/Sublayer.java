package kata.layernorm;

import kata.support.Tensor;

/**
 * A sublayer of a Transformer layer seen from its residual wiring: attention or the feed-forward
 * network, anything that maps a tensor of shape {@code (..., d)} to one of the same shape.
 * The specs pass small stand-ins (a linear map, a constant, the identity).
 */
@FunctionalInterface
public interface Sublayer {

    /** The sublayer's output for {@code x}; it must have the shape of {@code x}. */
    Tensor apply(Tensor x);
}
