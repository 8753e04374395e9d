package kata.backprop;

import kata.support.RowMajor;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of kata 04's layer norm over the last axis:
 * <pre>
 *   mu    = (1/d) sum_k x_k                 per row of d features
 *   var   = (1/d) sum_k (x_k - mu)^2        biased
 *   sigma = sqrt(var + eps)                 eps inside the square root
 *   xhat  = (x - mu) / sigma                (..., d)
 *   y     = gamma * xhat + beta             (..., d), gamma and beta (d)
 * </pre>
 * Given dy {@code (..., d)}, return dx {@code (..., d)}, dgamma {@code (d)} and dbeta {@code (d)}.
 * mu and var are functions of the whole row of x: a change in one x_k moves every xhat of its row.
 * Recompute mu and var from x in two passes (the mean first), so a row with a large mean keeps
 * its variance.
 *
 * <p>No argument is modified; x, gamma and dy may have any layout; the gradients are fresh
 * row-major tensors. No rows give an empty dx and zero dgamma, dbeta; {@code d = 0} gives empty results.
 */
public final class LayerNormBackward {

    private LayerNormBackward() {
    }

    /**
     * The gradients of layer norm with respect to x, gamma and beta.
     *
     * @param x     the layer's input, shape {@code (..., d)}, rank at least 1; not modified
     * @param gamma the scale, shape {@code (d)}; not modified (beta is not needed)
     * @param eps   added to the variance, positive and finite
     * @param dy    the gradient with respect to y, shape of x; not modified
     * @return fresh dx (shape of x), dgamma {@code (d)} and dbeta {@code (d)}
     * @throws IllegalArgumentException when gamma is not a vector (naming "gamma" and its shape), when x
     *     is a scalar or its last axis is not d (naming "x" and its shape), when dy's shape differs
     *     from x's (naming "dy" and both shapes), or when eps is not positive and finite (naming "eps")
     */
    public static LayerNormGradients backward(Tensor x, Tensor gamma, double eps, Tensor dy) {
        Shapes.requireVector(gamma, "gamma");
        int d = gamma.size(0);
        Shapes.requireLastAxis(x, d, "x");
        Shapes.requireSameShape(dy, "dy", x, "x");
        if (!(eps > 0.0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be positive and finite, was " + eps);
        }
        int[] shape = x.shape();
        Tensor dx = Tensor.zeros(shape);
        Tensor dGamma = Tensor.zeros(d);
        Tensor dBeta = Tensor.zeros(d);
        if (x.elementCount() == 0) {
            return new LayerNormGradients(dx, dGamma, dBeta);
        }
        double[] out = dx.storage();
        double[] dg = dGamma.storage();
        double[] dbt = dBeta.storage();
        int last = shape.length - 1;
        int[] index = new int[shape.length];
        double[] xhat = new double[d];
        double[] dxhat = new double[d];
        int row = 0;
        do {
            double mean = 0.0;
            for (int k = 0; k < d; k++) {
                index[last] = k;
                mean += x.get(index);
            }
            mean /= d;
            double var = 0.0;
            for (int k = 0; k < d; k++) {
                index[last] = k;
                double c = x.get(index) - mean;
                var += c * c;
            }
            var /= d;
            double sigma = Math.sqrt(var + eps);
            double mean1 = 0.0;
            double mean2 = 0.0;
            for (int k = 0; k < d; k++) {
                index[last] = k;
                xhat[k] = (x.get(index) - mean) / sigma;
                double g = dy.get(index);
                dxhat[k] = g * gamma.get(k);
                mean1 += dxhat[k];
                mean2 += dxhat[k] * xhat[k];
                dg[k] += g * xhat[k];
                dbt[k] += g;
            }
            mean1 /= d;
            mean2 /= d;
            for (int k = 0; k < d; k++) {
                out[row * d + k] = (dxhat[k] - mean1 - xhat[k] * mean2) / sigma;
            }
            index[last] = 0;
            row++;
        } while (RowMajor.nextRow(index, shape));
        return new LayerNormGradients(dx, dGamma, dBeta);
    }
}
