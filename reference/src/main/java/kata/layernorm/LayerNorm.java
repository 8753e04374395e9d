package kata.layernorm;

import java.util.Arrays;
import kata.support.RowMajor;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Layer normalization over the last axis: {@code y = gamma * (x - mu) / sqrt(var + eps) + beta},
 * with {@code mu} and the biased {@code var} of each row of {@code d} features.
 *
 * <p>Each row is read once into an array, its mean taken first and then its variance from the
 * deviations (two passes, so a row with a large mean and a small spread keeps its variance), and
 * written out scaled by {@code 1 / sqrt(var + eps)}. Nothing is shared between rows: no batch
 * statistics, the same in training and inference.
 *
 * <p>Known mistakes: {@code reference/known-wrong/04-layer-norm/}.
 */
public record LayerNorm(Tensor gamma, Tensor beta, double eps) {

    /** PyTorch's default {@code eps}, {@code 1e-5}. */
    public static final double DEFAULT_EPS = 1e-5;

    /** Checks that gamma and beta are vectors of one length d and that eps is positive and finite. */
    public LayerNorm {
        Shapes.requireVector(gamma, "gamma");
        Shapes.requireSameShape(beta, "beta", gamma, "gamma");
        if (!(eps > 0.0 && eps < Double.POSITIVE_INFINITY)) {   // also rejects NaN
            throw new IllegalArgumentException("eps must be positive and finite, was " + eps);
        }
    }

    /** The layer as it starts training: gamma all 1, beta all 0, eps 1e-5, over {@code d} features. */
    public static LayerNorm initial(int d) {
        Shapes.requireAtLeast(d, 0, "d");
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return new LayerNorm(Tensor.vector(ones), Tensor.zeros(d), DEFAULT_EPS);
    }

    /** Normalizes every row of {@code x}, shape {@code (..., d)}, into a fresh row-major tensor of the same shape. */
    public Tensor apply(Tensor x) {
        int d = gamma.size(0);
        Shapes.requireLastAxis(x, d, "x");
        int[] shape = x.shape();                         // (..., d)
        Tensor y = Tensor.zeros(shape);                  // (..., d), fresh and row-major
        if (x.elementCount() == 0) {
            return y;                                    // no rows, or rows of no features: nothing to write
        }
        int last = shape.length - 1;
        int[] index = new int[shape.length];             // the start of a row: index[last] is 0 between rows
        do {
            double[] values = new double[d];             // (d)
            for (int k = 0; k < d; k++) {
                index[last] = k;
                values[k] = x.get(index);                // get() follows strides and offset: any layout
            }
            double mean = mean(values);
            double scale = 1.0 / Math.sqrt(variance(values, mean) + eps);   // eps inside the sqrt
            for (int k = 0; k < d; k++) {
                index[last] = k;
                y.set(gamma.get(k) * (values[k] - mean) * scale + beta.get(k), index);
            }
            index[last] = 0;
        } while (RowMajor.nextRow(index, shape));
        return y;
    }

    private static double mean(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** Biased (divided by d, not d - 1) and in two passes: the deviations from the mean, never E[x^2] - E[x]^2. */
    private static double variance(double[] values, double mean) {
        double squares = 0.0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / values.length;
    }
}
