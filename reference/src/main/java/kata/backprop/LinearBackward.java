package kata.backprop;

import java.util.Arrays;
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
        int dIn = weight.size(0);
        int dOut = weight.size(1);
        Tensor dx = Tensor.zeros(x.shape());             // (..., d_in)
        Tensor dWeight = Tensor.zeros(dIn, dOut);        // (d_in, d_out)
        Tensor dBias = Tensor.zeros(dOut);               // (d_out)
        for (int row = 0; row < Rows.count(x); row++) {
            double[] xRow = Rows.read(x, row);           // (d_in)
            double[] dyRow = Rows.read(dy, row);         // (d_out)
            double[] dxRow = new double[dIn];            // (d_in): dy W^T
            for (int i = 0; i < dIn; i++) {
                for (int j = 0; j < dOut; j++) {
                    dxRow[i] += dyRow[j] * weight.get(i, j);
                    dWeight.set(dWeight.get(i, j) + xRow[i] * dyRow[j], i, j);   // x^T dy: += over rows
                }
            }
            for (int j = 0; j < dOut; j++) {
                dBias.set(dBias.get(j) + dyRow[j], j);                           // += over rows
            }
            Rows.write(dx, row, dxRow);
        }
        return new LinearGradients(dx, dWeight, dBias);
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
