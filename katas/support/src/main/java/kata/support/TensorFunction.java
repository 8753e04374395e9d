package kata.support;

/**
 * A part of a Transformer layer seen from its wiring: anything that maps a tensor to one of the
 * same shape, {@code (..., d) -> (..., d)}. A sublayer (the feed-forward network), a layer norm
 * ({@code LayerNorm::apply}), dropout in a fixed mode, or a spec's stand-in.
 */
@FunctionalInterface
public interface TensorFunction {

    /** The part's output for {@code x}; it has the shape of {@code x}. */
    Tensor apply(Tensor x);
}
