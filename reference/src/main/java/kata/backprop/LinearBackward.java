package kata.backprop;

import java.util.Arrays;
import kata.support.Matrices;
import kata.support.Tensor;

/**
 * The backward pass of a linear layer {@code y = x W + b}, W {@code (d_in, d_out)}:
 * {@code dx = dy W^T}, {@code dW = x^T dy}, {@code db = sum of dy over rows}. Every row of x
 * (every position of a batch) used W and b, so their gradients add up over all rows.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>dW transposed, {@code dy^T x} as PyTorch's stored weight would have it:
 *       {@code LinearBackwardSpec#aOneByTwoLinearHasHandComputedGradients}.</li>
 *   <li>db taken from the first row only, not summed: {@code LinearBackwardSpec#theBiasGradientSumsEveryRow}.</li>
 *   <li>Only the last batch element counted: {@code LinearBackwardSpec#aBatchAddsTheGradientsOfEveryElement}.</li>
 * </ul>
 */
public final class LinearBackward {

    private LinearBackward() {
    }

    /** dx, dW, db of {@code y = x W + b} for x {@code (T, d_in)} or {@code (B, T, d_in)}. */
    public static LinearGradients backward(Tensor x, Tensor weight, Tensor dy) {
        check(x, weight, dy);
        Tensor rows = Rows.matrix(x);                                      // (N, d_in): every position of every batch element
        Tensor dRows = Rows.matrix(dy);                                    // (N, d_out)
        Tensor dx = Matrices.matmulTransposed(dRows, weight);              // (N, d_in) = dy W^T
        Tensor dWeight = Matrices.matmul(Rows.transpose(rows), dRows);     // (d_in, d_out) = x^T dy: a sum over every row
        Tensor dBias = Tensor.zeros(weight.size(1));                       // (d_out)
        for (int row = 0; row < dRows.size(0); row++) {
            for (int j = 0; j < dBias.size(0); j++) {
                dBias.set(dBias.get(j) + dRows.get(row, j), j);            // += over rows
            }
        }
        return new LinearGradients(Tensor.of(x.shape(), dx.storage()), dWeight, dBias);
    }

    private static void check(Tensor x, Tensor weight, Tensor dy) {
        Rows.requireRank("weight", weight, 2);
        if (x.rank() < 2 || x.rank() > 3 || x.size(x.rank() - 1) != weight.size(0)) {
            throw new IllegalArgumentException("x has shape " + Rows.shape(x) + ", but must be (T, d_in) or (B, T, d_in)"
                    + " with d_in the rows of weight " + Rows.shape(weight));
        }
        int[] expected = x.shape();
        expected[expected.length - 1] = weight.size(1);
        if (!Arrays.equals(dy.shape(), expected)) {
            throw new IllegalArgumentException("dy has shape " + Rows.shape(dy) + ", but y = x W + b has shape "
                    + Arrays.toString(expected));
        }
    }
}
