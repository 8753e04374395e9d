package kata.dropout;

import java.util.random.RandomGenerator;
import kata.support.RowMajor;
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
        Tensor output = Tensor.zeros(shape);
        Tensor mask = Tensor.zeros(shape);
        if (x.elementCount() == 0) {
            return new Dropped(output, mask);
        }
        boolean training = mode == Mode.TRAINING;
        if (training && p == 1.0) {
            return new Dropped(output, mask);
        }
        double scale = training ? 1.0 / (1.0 - p) : 1.0;
        double[] out = output.storage();
        double[] m = mask.storage();
        int[] index = new int[x.rank()];
        int position = 0;
        do {
            double factor = training && random.nextDouble() < p ? 0.0 : scale;
            m[position] = factor;
            out[position] = x.get(index) * factor;
            position++;
        } while (RowMajor.next(index, shape));
        return new Dropped(output, mask);
    }
}
