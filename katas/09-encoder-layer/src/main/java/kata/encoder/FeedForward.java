package kata.encoder;

import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * The position-wise feed-forward network {@code FFN(x) = max(0, x W1 + b1) W2 + b2}, applied to each
 * row (token) on its own: {@code (T, d) -> (T, d_ff) -> (T, d)}, with {@code d_ff = 4 d} in the paper.
 * The parameters are plain tensors in the course's convention {@code y = x W + b}, {@code W} of shape
 * {@code (d_in, d_out)} (PyTorch's {@code linear1.weight.T} and {@code linear2.weight.T}); a trainer
 * reads them and replaces the record. {@code kata.support.Matrices.linear} computes {@code x W + b}.
 *
 * @param w1 W1, shape {@code (d, d_ff)}
 * @param b1 b1, shape {@code (d_ff)}
 * @param w2 W2, shape {@code (d_ff, d)}
 * @param b2 b2, shape {@code (d)}
 */
public record FeedForward(Tensor w1, Tensor b1, Tensor w2, Tensor b2) implements TensorFunction {

    /**
     * Checks that the four shapes fit {@code (d, d_ff)}, {@code (d_ff)}, {@code (d_ff, d)}, {@code (d)}.
     *
     * @throws IllegalArgumentException when {@code w1} is not a matrix, or when {@code b1}, {@code w2}
     *     or {@code b2} does not have its shape; the message names the argument and both shapes
     */
    public FeedForward {
        throw new UnsupportedOperationException("TODO(09): check the shapes of w1, b1, w2 and b2");
    }

    /**
     * {@code max(0, x W1 + b1) W2 + b2} for {@code x} of shape {@code (T, d)}, in any layout; a fresh
     * {@code (T, d)} tensor, {@code x} untouched. {@code T = 0} gives a {@code (0, d)} result.
     *
     * @throws IllegalArgumentException when {@code x} is not {@code (T, d)}; the message names x and its shape
     */
    @Override
    public Tensor apply(Tensor x) {
        throw new UnsupportedOperationException("TODO(09): two linear layers with a ReLU between them");
    }
}
