package kata.encoder;

import kata.support.Tensor;

/**
 * One position-wise part of the encoder layer: the feed-forward network, a layer norm (kata 04's
 * {@code LayerNorm::apply}), dropout (kata 05's, in a fixed mode), or a spec's stand-in. It maps a
 * tensor of shape {@code (T, d)} to one of the same shape.
 */
@FunctionalInterface
public interface Transform {

    /** The part's output for {@code x}, shape {@code (T, d)}. */
    Tensor apply(Tensor x);
}
