package kata.layernorm;

import java.util.Arrays;
import kata.support.RowMajor;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Layer normalization (层归一化) over the last axis, with learnable gamma and beta.
 *
 * @param gamma the scale, shape {@code (d)}
 * @param beta the shift, shape {@code (d)}
 * @param eps added to the variance inside the square root, positive; PyTorch's default is 1e-5
 */
public record LayerNorm(Tensor gamma, Tensor beta, double eps) {

    /** PyTorch's default {@code eps}, {@code 1e-5}. */
    public static final double DEFAULT_EPS = 1e-5;

    public LayerNorm {
        if (gamma == null || beta == null) {
            throw new IllegalArgumentException("gamma and beta must not be null");
        }
        Shapes.requireVector(gamma, "gamma");
        if (!Arrays.equals(beta.shape(), gamma.shape())) {
            throw new IllegalArgumentException("beta has shape " + Arrays.toString(beta.shape())
                    + " but gamma has shape " + Arrays.toString(gamma.shape()) + ": they must match");
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps = " + eps + " must be positive and finite");
        }
    }

    public static LayerNorm initial(int d) {
        if (d < 0) {
            throw new IllegalArgumentException("d = " + d + " must not be negative");
        }
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        return new LayerNorm(Tensor.vector(ones), Tensor.zeros(d), DEFAULT_EPS);
    }

    public Tensor apply(Tensor x) {
        int d = gamma.size(0);
        Shapes.requireLastAxis(x, d, "x");
        Tensor out = Tensor.zeros(x.shape());
        if (out.elementCount() == 0) {
            return out;
        }
        int last = x.rank() - 1;
        int[] shape = x.shape();
        int[] index = new int[x.rank()];
        double[] row = new double[d];
        do {
            double sum = 0.0;
            for (int k = 0; k < d; k++) {
                index[last] = k;
                row[k] = x.get(index);
                sum += row[k];
            }
            double mean = sum / d;
            double squares = 0.0;
            for (int k = 0; k < d; k++) {
                double dev = row[k] - mean;
                squares += dev * dev;
            }
            double var = squares / d;
            double inv = 1.0 / Math.sqrt(var + eps);
            for (int k = 0; k < d; k++) {
                index[last] = k;
                out.set(gamma.get(k) * (row[k] - mean) * inv + beta.get(k), index);
            }
            index[last] = 0;
        } while (RowMajor.nextRow(index, shape));
        return out;
    }
}
