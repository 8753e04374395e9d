package grader.training;

import java.util.Arrays;

/**
 * One parameter tensor's values, copied out in row-major order.
 *
 * @param shape the tensor's sizes
 * @param values its elements, the last index fastest
 */
public record Weights(int[] shape, double[] values) {

    /** @throws IllegalArgumentException when the values are not as many as the shape holds */
    public Weights {
        long count = count(shape);
        if (count != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " values, not " + values.length);
        }
    }

    /** How many values a tensor of {@code shape} holds: the product of its sizes. */
    public static long count(int[] shape) {
        long count = 1;
        for (int size : shape) {
            count *= size;
        }
        return count;
    }
}
