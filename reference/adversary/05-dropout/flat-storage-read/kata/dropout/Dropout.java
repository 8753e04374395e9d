package kata.dropout;

import java.util.random.RandomGenerator;
import kata.support.Tensor;

/**
 * Inverted dropout: during training, drop each unit with probability p and scale the kept ones by
 * {@code 1 / (1 - p)}; at evaluation, pass everything through unchanged.
 *
 * @param p the probability of dropping each unit, in [0, 1]
 */
public record Dropout(double p) {

    /** Checks that p is a probability. */
    public Dropout {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p = " + p + " is not a probability in [0, 1]");
        }
    }

    /** Applies dropout to x: the output and the mask, both fresh and of x's shape. */
    public Dropped apply(Tensor x, Mode mode, RandomGenerator random) {
        int[] shape = x.shape();
        int n = x.elementCount();
        double[] values = x.storage();
        int start = x.offset();
        double[] out = new double[n];
        double[] m = new double[n];
        boolean training = mode == Mode.TRAINING;
        double scale = training ? 1.0 / (1.0 - p) : 1.0;
        for (int i = 0; i < n; i++) {
            double factor = training && random.nextDouble() < p ? 0.0 : scale;
            m[i] = factor;
            out[i] = values[start + i] * factor;
        }
        return new Dropped(Tensor.of(shape, out), Tensor.of(shape, m));
    }
}
