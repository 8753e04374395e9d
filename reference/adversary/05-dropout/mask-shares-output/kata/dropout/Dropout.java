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

    /** Applies dropout to x: the output and the mask, both of x's shape, in one allocation. */
    public Dropped apply(Tensor x, Mode mode, RandomGenerator random) {
        int[] shape = x.shape();
        int n = x.elementCount();
        double[] buffer = new double[2 * n];
        int[] strides = rowMajorStrides(shape);
        Tensor output = Tensor.strided(buffer, shape, strides, 0);
        Tensor mask = Tensor.strided(buffer, shape, strides, n);
        if (n == 0) {
            return new Dropped(output, mask);
        }
        boolean training = mode == Mode.TRAINING;
        double scale = training ? 1.0 / (1.0 - p) : 1.0;
        int[] index = new int[x.rank()];
        int position = 0;
        do {
            double factor = training && random.nextDouble() < p ? 0.0 : scale;
            buffer[position] = x.get(index) * factor;
            buffer[n + position] = factor;
            position++;
        } while (RowMajor.next(index, shape));
        return new Dropped(output, mask);
    }

    private static int[] rowMajorStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int step = 1;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            strides[axis] = step;
            step *= Math.max(shape[axis], 1);
        }
        return strides;
    }
}
