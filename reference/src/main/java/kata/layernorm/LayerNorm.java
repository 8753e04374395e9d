package kata.layernorm;

import java.util.Arrays;
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
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>eps outside the square root, {@code (x - mu) / (sqrt(var) + eps)}:
 *       {@code LayerNormSpec#epsIsAddedToTheVarianceInsideTheSquareRoot},
 *       {@code LayerNormProperties#everyRowHasMeanZeroAndVarianceVarOverVarPlusEps}.</li>
 *   <li>eps left out, so that a constant row divides 0 by 0:
 *       {@code LayerNormSpec#aConstantRowGivesBeta}.</li>
 *   <li>The unbiased variance (divided by d - 1):
 *       {@code LayerNormSpec#aRowIsCentredAndDividedByItsBiasedStandardDeviation}.</li>
 *   <li>Statistics over the wrong axis (per column, as batch norm takes them):
 *       {@code LayerNormSpec#eachRowIsNormalizedWithItsOwnStatistics},
 *       {@code LayerNormProperties#eachRowDependsOnlyOnThatRow}.</li>
 *   <li>gamma and beta swapped: {@code LayerNormSpec#gammaScalesAndBetaShiftsEachFeature}.</li>
 *   <li>The one-pass variance {@code E[x^2] - E[x]^2}:
 *       {@code LayerNormSpec#aRowWithALargeMeanAndASmallSpreadIsNormalized}.</li>
 *   <li>Reading {@code storage()} as if every tensor were fresh and row-major:
 *       {@code LayerNormSpec#everyTensorArgumentIsReadThroughItsLayout}.</li>
 *   <li>Trusting the shapes (a gamma longer than the rows):
 *       {@code LayerNormSpec#rowsOfTheWrongLengthAreRejected}.</li>
 * </ul>
 */
public record LayerNorm(Tensor gamma, Tensor beta, double eps) {

    /** PyTorch's default {@code eps}, {@code 1e-5}. */
    public static final double DEFAULT_EPS = 1e-5;

    /** Checks that gamma and beta are vectors of one length d and that eps is positive and finite. */
    public LayerNorm {
        if (gamma.rank() != 1) {
            throw new IllegalArgumentException("gamma must be a vector (rank 1), but has shape " + shape(gamma));
        }
        if (!Arrays.equals(beta.shape(), gamma.shape())) {
            throw new IllegalArgumentException("beta has shape " + shape(beta) + ", but gamma has shape "
                    + shape(gamma) + ": both hold one value per feature");
        }
        if (!(eps > 0.0 && eps < Double.POSITIVE_INFINITY)) {   // also rejects NaN
            throw new IllegalArgumentException("eps must be positive and finite, was " + eps);
        }
    }

    /** The layer as it starts training: gamma all 1, beta all 0, eps 1e-5, over {@code d} features. */
    public static LayerNorm initial(int d) {
        if (d < 0) {
            throw new IllegalArgumentException("d must not be negative, was " + d);
        }
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return new LayerNorm(Tensor.vector(ones), Tensor.zeros(d), DEFAULT_EPS);
    }

    /** Normalizes every row of {@code x}, shape {@code (..., d)}, into a fresh row-major tensor of the same shape. */
    public Tensor apply(Tensor x) {
        int d = gamma.size(0);
        if (x.rank() == 0 || x.size(x.rank() - 1) != d) {
            throw new IllegalArgumentException("x has shape " + shape(x) + ", but its last axis must hold the d = "
                    + d + " features of gamma " + shape(gamma));
        }
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
        } while (nextRow(index, shape));
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

    /** Steps the leading coordinates to the next row, the one before the last fastest; false after the last row. */
    private static boolean nextRow(int[] index, int[] shape) {
        for (int axis = shape.length - 2; axis >= 0; axis--) {
            if (++index[axis] < shape[axis]) {
                return true;
            }
            index[axis] = 0;
        }
        return false;
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
