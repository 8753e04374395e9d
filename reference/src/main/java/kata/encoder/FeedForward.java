package kata.encoder;

import java.util.Arrays;
import kata.support.Matrices;
import kata.support.Tensor;

/**
 * The position-wise feed-forward network {@code FFN(x) = max(0, x W1 + b1) W2 + b2}, applied to each
 * row (token) on its own: {@code (T, d) -> (T, d_ff) -> (T, d)}, with {@code d_ff = 4 d} in the paper.
 * The parameters are plain tensors in the course's convention {@code y = x W + b}, {@code W} of shape
 * {@code (d_in, d_out)} (PyTorch's {@code linear1.weight.T} and {@code linear2.weight.T}); a trainer
 * reads them and replaces the record.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>no ReLU, so the two layers collapse into one linear map:
 *       {@code EncoderLayerSpec#feedForwardCutsNegativeHiddenUnitsToZero};</li>
 *   <li>the ReLU after the second layer instead of between the two:
 *       {@code EncoderLayerSpec#feedForwardCutsNegativeHiddenUnitsToZero};</li>
 *   <li>the shapes trusted (a b1 of the wrong length):
 *       {@code EncoderLayerSpec#feedForwardParametersOfTheWrongShapeAreRejected}.</li>
 * </ul>
 *
 * @param w1 W1, shape {@code (d, d_ff)}
 * @param b1 b1, shape {@code (d_ff)}
 * @param w2 W2, shape {@code (d_ff, d)}
 * @param b2 b2, shape {@code (d)}
 */
public record FeedForward(Tensor w1, Tensor b1, Tensor w2, Tensor b2) implements Transform {

    /** Checks that the four shapes fit {@code (d, d_ff)}, {@code (d_ff)}, {@code (d_ff, d)}, {@code (d)}. */
    public FeedForward {
        if (w1.rank() != 2) {
            throw new IllegalArgumentException("w1 must be a matrix (d, d_ff), but has shape " + shape(w1));
        }
        int d = w1.size(0);
        int dFf = w1.size(1);
        requireShape("b1", b1, dFf);
        requireShape("w2", w2, dFf, d);
        requireShape("b2", b2, d);
    }

    /** {@code max(0, x W1 + b1) W2 + b2} for {@code x} of shape {@code (T, d)}, a fresh {@code (T, d)} tensor. */
    @Override
    public Tensor apply(Tensor x) {
        if (x.rank() != 2 || x.size(1) != w1.size(0)) {
            throw new IllegalArgumentException("x must have shape (T, d) with d = " + w1.size(0) + " (the rows of w1 "
                    + shape(w1) + "), but has shape " + shape(x));
        }
        Tensor hidden = Matrices.linear(x, w1, b1);              // (T, d_ff)
        for (int t = 0; t < hidden.size(0); t++) {
            for (int j = 0; j < hidden.size(1); j++) {
                hidden.set(Math.max(0.0, hidden.get(t, j)), t, j); // ReLU between the layers, or they collapse into one
            }
        }
        return Matrices.linear(hidden, w2, b2);                  // (T, d)
    }

    private static void requireShape(String name, Tensor t, int... expected) {
        if (!Arrays.equals(t.shape(), expected)) {
            throw new IllegalArgumentException(name + " must have shape " + Arrays.toString(expected) + ", but has shape "
                    + shape(t));
        }
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
