package kata.backprop;

import kata.support.RowMajor;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of layer norm over the last axis, {@code y = gamma * xhat + beta} with
 * {@code xhat = (x - mu) / sigma}, {@code sigma = sqrt(var + eps)}, biased var:
 * <pre>
 *   dxhat  = dy * gamma                                                   (..., d)
 *   dx     = (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat)) / sigma    (..., d), means per row
 *   dgamma = sum over rows of dy * xhat                                   (d)
 *   dbeta  = sum over rows of dy                                          (d)
 * </pre>
 * The two subtracted means are the paths through mu and var: both depend on every x of the row.
 * mu, sigma and xhat are recomputed from x (two passes, so a large mean keeps its variance).
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/13-backpropagation/}.
 */
public final class LayerNormBackward {

    private LayerNormBackward() {
    }

    /** dx, dgamma, dbeta of layer norm with {@code gamma (d)} and {@code eps} at {@code x (..., d)}. */
    public static LayerNormGradients backward(Tensor x, Tensor gamma, double eps, Tensor dy) {
        Shapes.requireVector(gamma, "gamma");
        Shapes.requireLastAxis(x, gamma.size(0), "x");
        Shapes.requireSameShape(dy, "dy", x, "x");
        if (!(eps > 0.0 && eps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("eps must be positive and finite, was " + eps);
        }
        int d = gamma.size(0);
        Tensor dx = Tensor.zeros(x.shape());             // (..., d)
        Tensor dGamma = Tensor.zeros(d);                 // (d)
        Tensor dBeta = Tensor.zeros(d);                  // (d)
        if (dx.elementCount() == 0) {
            return new LayerNormGradients(dx, dGamma, dBeta);   // no row, or rows of no feature
        }
        int last = x.rank() - 1;
        int[] index = new int[x.rank()];                 // the row; index[last] walks along it
        do {
            double[] xRow = new double[d];               // (d)
            double[] dyRow = new double[d];              // (d)
            for (int k = 0; k < d; k++) {
                index[last] = k;
                xRow[k] = x.get(index);
                dyRow[k] = dy.get(index);
            }
            double mean = 0.0;
            for (double value : xRow) {
                mean += value / d;
            }
            double var = 0.0;
            for (double value : xRow) {
                var += (value - mean) * (value - mean) / d;
            }
            double sigma = Math.sqrt(var + eps);
            double[] xhat = new double[d];               // (d)
            double[] dxhat = new double[d];              // (d)
            double meanDxhat = 0.0;
            double meanDxhatXhat = 0.0;
            for (int k = 0; k < d; k++) {
                xhat[k] = (xRow[k] - mean) / sigma;
                dxhat[k] = dyRow[k] * gamma.get(k);
                meanDxhat += dxhat[k] / d;
                meanDxhatXhat += dxhat[k] * xhat[k] / d;
                dGamma.set(dGamma.get(k) + dyRow[k] * xhat[k], k);   // += over rows
                dBeta.set(dBeta.get(k) + dyRow[k], k);               // += over rows
            }
            for (int k = 0; k < d; k++) {
                index[last] = k;
                dx.set((dxhat[k] - meanDxhat - xhat[k] * meanDxhatXhat) / sigma, index);
            }
        } while (RowMajor.nextRow(index, x.shape()));
        return new LayerNormGradients(dx, dGamma, dBeta);
    }
}
