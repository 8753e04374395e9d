package kata.backprop;

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
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>mu and var treated as constants, {@code dx = dxhat / sigma}:
 *       {@code LayerNormBackwardSpec#theRowsOfDxSumToZeroWhenGammaIsConstant}.</li>
 *   <li>Only the path through mu kept: {@code LayerNormBackwardSpec#goldenGradientsMatchPyTorch}.</li>
 *   <li>dgamma from x instead of xhat: {@code LayerNormBackwardSpec#goldenGradientsMatchPyTorch}.</li>
 * </ul>
 */
public final class LayerNormBackward {

    private LayerNormBackward() {
    }

    /** dx, dgamma, dbeta of layer norm with {@code gamma (d)} and {@code eps} at {@code x (..., d)}. */
    public static LayerNormGradients backward(Tensor x, Tensor gamma, double eps, Tensor dy) {
        Rows.requireRank("gamma", gamma, 1);
        if (x.rank() == 0 || x.size(x.rank() - 1) != gamma.size(0)) {
            throw new IllegalArgumentException("x has shape " + Rows.shape(x) + ", but its last axis must hold the d"
                    + " features of gamma " + Rows.shape(gamma));
        }
        Rows.requireSameShape("dy", dy, "x", x);
        if (!(eps > 0.0 && eps < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("eps must be positive and finite, was " + eps);
        }
        int d = gamma.size(0);
        Tensor dx = Tensor.zeros(x.shape());             // (..., d)
        Tensor dGamma = Tensor.zeros(d);                 // (d)
        Tensor dBeta = Tensor.zeros(d);                  // (d)
        for (int row = 0; row < Rows.count(x); row++) {
            double[] xRow = Rows.read(x, row);           // (d)
            double[] dyRow = Rows.read(dy, row);         // (d)
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
            double[] dxRow = new double[d];
            for (int k = 0; k < d; k++) {
                dxRow[k] = (dxhat[k] - meanDxhat - xhat[k] * meanDxhatXhat) / sigma;
            }
            Rows.write(dx, row, dxRow);
        }
        return new LayerNormGradients(dx, dGamma, dBeta);
    }
}
