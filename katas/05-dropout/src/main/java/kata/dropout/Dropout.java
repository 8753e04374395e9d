package kata.dropout;

import java.util.random.RandomGenerator;
import kata.support.Tensor;

/**
 * Inverted dropout (丢弃法): during training, drop each unit with probability p and scale the
 * kept ones by {@code 1 / (1 - p)}; at evaluation, pass everything through unchanged.
 * <pre>
 *   training:    mask_i = 0            with probability p       (the unit is dropped)
 *                mask_i = 1 / (1 - p)  with probability 1 - p   (kept, scaled: p = 0.2 gives 1.25)
 *                output = x * mask     element by element, so E[output] = x
 *   evaluation:  mask_i = 1, output = x
 * </pre>
 * Shapes: x has any shape; output and mask have x's shape.
 *
 * <p>Conventions the specs hold you to:
 * <ul>
 *   <li>the random source is injected: in training, draw exactly one {@code random.nextDouble()}
 *       per element of x, visiting the elements in row-major order of their index (the last
 *       coordinate fastest, whatever x's strides); the unit is dropped when its draw is below p
 *       ({@code u < p}) and kept otherwise;</li>
 *   <li>evaluation mode draws no random number at all;</li>
 *   <li>p = 0 keeps everything with scale 1 (the identity), p = 1 drops everything: the output is
 *       all 0, with no division by zero (and no NaN); both still draw one number per element;</li>
 *   <li>output and mask are fresh row-major tensors, in both modes; x is never modified and may be
 *       any layout (strides, offset, stride 0): read it with {@link Tensor#get};</li>
 *   <li>a tensor with no elements gives an empty output and mask, and draws nothing.</li>
 * </ul>
 *
 * @param p the probability of dropping each unit, in [0, 1]; 0.1 in the paper
 */
public record Dropout(double p) {

    /**
     * Checks that p is a probability.
     *
     * @throws IllegalArgumentException when p is not in [0, 1] (NaN included); the message names it
     *     as {@code p = value}, for example {@code "p = 1.5 is not a probability in [0, 1]"}
     */
    public Dropout {
        throw new UnsupportedOperationException("TODO(05): check that p is a probability");
    }

    /**
     * Applies dropout to x.
     *
     * @param x the input, any shape and layout
     * @param mode {@link Mode#TRAINING} drops and scales, {@link Mode#EVALUATION} is the identity
     * @param random the source of the draws, used in training only
     * @return the output and the mask, {@code output = x * mask}, both fresh and of x's shape
     */
    public Dropped apply(Tensor x, Mode mode, RandomGenerator random) {
        throw new UnsupportedOperationException("TODO(05): draw the mask, then multiply x by it");
    }
}
