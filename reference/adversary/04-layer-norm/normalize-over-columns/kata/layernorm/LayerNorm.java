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
        if (x.rank() == 1) {
            double sum = 0.0;
            for (int k = 0; k < d; k++) {
                sum += x.get(k);
            }
            double mean = sum / d;
            double squares = 0.0;
            for (int k = 0; k < d; k++) {
                double dev = x.get(k) - mean;
                squares += dev * dev;
            }
            double inv = 1.0 / Math.sqrt(squares / d + eps);
            for (int k = 0; k < d; k++) {
                out.set(gamma.get(k) * (x.get(k) - mean) * inv + beta.get(k), k);
            }
            return out;
        }
        // each feature column: its statistics over every position of the other axes
        int last = x.rank() - 1;
        int[] shape = x.shape();
        int rows = x.elementCount() / d;
        for (int k = 0; k < d; k++) {
            int[] index = new int[x.rank()];
            index[last] = k;
            double sum = 0.0;
            do {
                sum += x.get(index);
            } while (RowMajor.nextRow(index, shape));
            double mean = sum / rows;
            double squares = 0.0;
            do {
                double dev = x.get(index) - mean;
                squares += dev * dev;
            } while (RowMajor.nextRow(index, shape));
            double inv = 1.0 / Math.sqrt(squares / rows + eps);
            do {
                out.set(gamma.get(k) * (x.get(index) - mean) * inv + beta.get(k), index);
            } while (RowMajor.nextRow(index, shape));
        }
        return out;
    }
}
