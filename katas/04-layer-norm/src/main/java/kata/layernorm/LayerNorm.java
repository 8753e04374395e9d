package kata.layernorm;

import kata.support.Tensor;

/**
 * Layer normalization (层归一化) over the last axis, with learnable gamma and beta.
 *
 * <p>For each row {@code x} of {@code d} features (each position of the other axes):
 * <pre>
 *   mu  = (1/d) sum_k x_k
 *   var = (1/d) sum_k (x_k - mu)^2                      biased: divided by d, not d - 1
 *   y_k = gamma_k * (x_k - mu) / sqrt(var + eps) + beta_k   eps inside the square root
 * </pre>
 * Shapes: {@code x} is {@code (..., d)} (a row {@code (d)}, a sequence {@code (T, d)}, a batch
 * {@code (B, T, d)}), gamma and beta are {@code (d)}, the result has the shape of {@code x}.
 *
 * <p>Conventions the specs hold you to:
 * <ul>
 *   <li>the statistics of a row come from that row alone (no batch statistics): the same in
 *       training and inference;</li>
 *   <li>compute the variance in two passes, the mean first and then the squared deviations from it:
 *       {@code E[x^2] - E[x]^2} cancels when the mean is large next to the spread;</li>
 *   <li>a constant row has variance 0 and gives {@code beta}: finite, never NaN;</li>
 *   <li>the result is a fresh row-major tensor; x, gamma and beta are never modified, and each may
 *       be any layout (strides, offset, stride 0): read them with {@link Tensor#get};</li>
 *   <li>empty axes as in PyTorch: no rows (shape {@code (0, d)}) or no features ({@code d = 0})
 *       give an empty result of the same shape;</li>
 *   <li>the parameters are the record's plain tensors: a trainer reads them and builds a new
 *       record with new ones.</li>
 * </ul>
 *
 * @param gamma the scale, shape {@code (d)}
 * @param beta the shift, shape {@code (d)}
 * @param eps added to the variance inside the square root, positive; PyTorch's default is 1e-5
 */
public record LayerNorm(Tensor gamma, Tensor beta, double eps) {

    /** PyTorch's default {@code eps}, {@code 1e-5}. */
    public static final double DEFAULT_EPS = 1e-5;

    /**
     * Checks the parameters.
     *
     * @throws IllegalArgumentException when gamma is not a vector (the message names gamma and its
     *     shape as {@code Arrays.toString} prints it), when beta's shape differs from gamma's (naming
     *     beta and both shapes), or when eps is not positive and finite (naming eps and its value)
     */
    public LayerNorm {
        throw new UnsupportedOperationException("TODO(04): check gamma, beta and eps");
    }

    /**
     * The layer as it starts training: gamma all 1, beta all 0, eps {@link #DEFAULT_EPS}, over
     * {@code d} features.
     *
     * @throws IllegalArgumentException when d is negative; the message names d and its value
     */
    public static LayerNorm initial(int d) {
        throw new UnsupportedOperationException("TODO(04): gamma of ones, beta of zeros, the default eps");
    }

    /**
     * Normalizes every row of {@code x} over its last axis, then scales by gamma and shifts by beta.
     *
     * @param x shape {@code (..., d)}, rank at least 1
     * @return a fresh row-major tensor with the shape of {@code x}
     * @throws IllegalArgumentException when x is a scalar or its last axis does not hold d features;
     *     the message names x and its shape
     */
    public Tensor apply(Tensor x) {
        throw new UnsupportedOperationException("TODO(04): normalize each row, then scale and shift it");
    }
}
