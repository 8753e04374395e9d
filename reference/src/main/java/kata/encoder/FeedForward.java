package kata.encoder;

import kata.support.Matrices;
import kata.support.Shapes;
import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * The position-wise feed-forward network {@code FFN(x) = max(0, x W1 + b1) W2 + b2}, applied to each
 * row (token) on its own: {@code (T, d) -> (T, d_ff) -> (T, d)}, with {@code d_ff = 4 d} in the paper.
 * Weights {@code (d_in, d_out)}, {@code y = x W + b} (PyTorch's {@code linear1.weight.T}). Mistakes
 * learners make here: {@code reference/known-wrong/09-encoder-layer/}.
 *
 * @param w1 W1, shape {@code (d, d_ff)}
 * @param b1 b1, shape {@code (d_ff)}
 * @param w2 W2, shape {@code (d_ff, d)}
 * @param b2 b2, shape {@code (d)}
 */
public record FeedForward(Tensor w1, Tensor b1, Tensor w2, Tensor b2) implements TensorFunction {

    /** Checks that the four shapes fit {@code (d, d_ff)}, {@code (d_ff)}, {@code (d_ff, d)}, {@code (d)}. */
    public FeedForward {
        Shapes.requireMatrix(w1, "w1");
        int dModel = w1.size(0);
        int dFF = w1.size(1);
        Shapes.requireShape(b1, "b1", dFF);
        Shapes.requireShape(w2, "w2", dFF, dModel);
        Shapes.requireShape(b2, "b2", dModel);
    }

    /** {@code max(0, x W1 + b1) W2 + b2} for {@code x (T, d)}, a fresh {@code (T, d)} tensor. */
    @Override
    public Tensor apply(Tensor x) {
        Shapes.requireMatrix(x, "x");
        Shapes.requireLastAxis(x, w1.size(0), "x");
        Tensor hidden = Matrices.linear(x, w1, b1);              // (T, d_ff)
        for (int t = 0; t < hidden.size(0); t++) {
            for (int j = 0; j < hidden.size(1); j++) {
                hidden.set(Math.max(0.0, hidden.get(t, j)), t, j); // ReLU between the layers, or they collapse into one
            }
        }
        return Matrices.linear(hidden, w2, b2);                  // (T, d)
    }
}
