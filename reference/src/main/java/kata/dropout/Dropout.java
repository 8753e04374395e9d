package kata.dropout;

import java.util.random.RandomGenerator;
import kata.support.RowMajor;
import kata.support.Tensor;

/**
 * Inverted dropout: in training each unit is dropped (set to 0) with probability p and each kept
 * unit is scaled by {@code 1 / (1 - p)}, so that the expected output equals the input and nothing
 * needs rescaling at inference, where dropout is the identity.
 *
 * <p>One walk over the indices of x in row-major order draws one {@code nextDouble()} per element
 * (in training only), decides drop or keep, and writes the mask and the output at that index.
 *
 * <p>Known mistakes: {@code reference/known-wrong/05-dropout/}.
 *
 * @param p the probability of dropping each unit, in [0, 1]; 0.1 in the paper
 */
public record Dropout(double p) {

    /** Checks that p is a probability. */
    public Dropout {
        if (!(p >= 0.0 && p <= 1.0)) {                  // written so that NaN fails it too
            throw new IllegalArgumentException("p = " + p + " is not a probability in [0, 1]");
        }
    }

    /** Drops and scales (training) or copies (evaluation) x, shape {@code (...)}, into fresh tensors. */
    public Dropped apply(Tensor x, Mode mode, RandomGenerator random) {
        int[] shape = x.shape();                        // (...): output and mask have x's shape
        Tensor output = Tensor.zeros(shape);
        Tensor mask = Tensor.zeros(shape);
        boolean training = mode == Mode.TRAINING;
        double kept = training ? 1.0 / (1.0 - p) : 1.0; // infinite at p = 1, but then no unit is kept
        if (x.elementCount() == 0) {
            return new Dropped(output, mask);           // no elements: nothing to draw
        }
        int[] index = new int[shape.length];
        do {
            // Evaluation draws nothing; in training a draw below p drops the unit.
            double factor = training && random.nextDouble() < p ? 0.0 : kept;
            mask.set(factor, index);
            output.set(x.get(index) * factor, index);   // get() follows strides and offset: any layout
        } while (RowMajor.next(index, shape));          // row-major: the order of the draws
        return new Dropped(output, mask);
    }
}
