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
        int rank = x.rank();
        if (x.elementCount() == 0) {
            return new Dropped(output, mask);
        }
        boolean training = mode == Mode.TRAINING;
        double scale = training ? 1.0 / (1.0 - p) : 1.0;

        // visit the axes in the order x is laid out in memory: the largest stride outermost
        int[] strides = x.strides();
        Integer[] order = new Integer[rank];
        for (int axis = 0; axis < rank; axis++) {
            order[axis] = axis;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(strides[b], strides[a]));
        int[] walkShape = new int[rank];
        for (int k = 0; k < rank; k++) {
            walkShape[k] = shape[order[k]];
        }

        int[] walk = new int[rank];
        int[] index = new int[rank];
        do {
            for (int k = 0; k < rank; k++) {
                index[order[k]] = walk[k];
            }
            double factor = training && random.nextDouble() < p ? 0.0 : scale;
            mask.set(factor, index);
            output.set(x.get(index) * factor, index);
        } while (RowMajor.next(walk, walkShape));
        return new Dropped(output, mask);
    }
}
