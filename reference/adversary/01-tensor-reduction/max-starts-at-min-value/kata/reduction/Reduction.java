package kata.reduction;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import kata.support.Tensor;

/**
 * Reductions over one axis of a tensor: sum, mean, max, argmax and (biased) variance.
 *
 * <p>Reducing axis {@code a} of a tensor of shape {@code (s_0, ..., s_{r-1})} combines the
 * {@code s_a} elements that differ only in coordinate {@code a}. The result has the input's shape
 * without {@code s_a}, or with {@code 1} in its place when {@code keepDim} is true (so that the
 * result still lines up, axis by axis, with the input). Examples for {@code x} of shape (2, 3):
 * <pre>
 *   sum(x, 1, false)  -> shape (2)      one value per row
 *   sum(x, 1, true)   -> shape (2, 1)   the same values, axis 1 kept with size 1
 *   sum(x, 0, false)  -> shape (3)      one value per column
 *   sum(x, -1, false) -> shape (2)      -1 is the last axis, here axis 1
 * </pre>
 *
 * <p>Conventions the specs hold you to:
 * <ul>
 *   <li>{@code axis} may be negative and then counts from the end: {@code -1} is the last axis,
 *       {@code -rank} the first;</li>
 *   <li>an axis outside {@code [-rank, rank)} is an {@link IllegalArgumentException} whose message
 *       names the axis as given and the shape as {@link java.util.Arrays#toString(int[])} prints it,
 *       for example {@code "axis 2 is out of range for shape [2, 3]"}; a scalar (rank 0, shape
 *       {@code []}) has no axis at all, so every axis is out of range;</li>
 *   <li>check the axis yourself: {@link Tensor} does not give this message for you;</li>
 *   <li>every result is a fresh row-major tensor, even when the axis has size 1; the input is
 *       never modified;</li>
 *   <li>the input may be any layout (strides, offset, stride 0 on a broadcast axis): read it with
 *       {@link Tensor#get}, never by position in {@link Tensor#storage()};</li>
 *   <li>size 0, as in NumPy and PyTorch: the sum of an empty lane is 0; the other four reductions
 *       reject an empty lane; reducing another axis of a tensor with no elements gives an empty
 *       result (the mean over axis 0 of shape (2, 0) has shape (0)).</li>
 * </ul>
 */
public final class Reduction {

    private Reduction() {
    }

    /**
     * The sum of the elements along {@code axis}. An axis of size 0 sums to 0 (the empty sum).
     *
     * @throws IllegalArgumentException when the axis is out of range for the shape
     */
    public static Tensor sum(Tensor x, int axis, boolean keepDim) {
        int a = normalize(x, axis);
        return reduce(x, a, keepDim, Reduction::sumOf);
    }

    /**
     * The mean of the elements along {@code axis}: their sum divided by their count {@code s_a}
     * (the size of that axis, not the number of elements in the tensor).
     *
     * @throws IllegalArgumentException when the axis is out of range, or has size 0 (no mean
     *     exists); the message names the axis and the shape
     */
    public static Tensor mean(Tensor x, int axis, boolean keepDim) {
        int a = normalize(x, axis);
        requireLane(x, axis, a);
        return reduce(x, a, keepDim, lane -> sumOf(lane) / lane.length);
    }

    /**
     * The largest element along {@code axis}.
     *
     * @throws IllegalArgumentException when the axis is out of range, or has size 0 (no max
     *     exists); the message names the axis and the shape
     */
    public static Tensor max(Tensor x, int axis, boolean keepDim) {
        int a = normalize(x, axis);
        requireLane(x, axis, a);
        return reduce(x, a, keepDim, Reduction::maxOf);
    }

    /**
     * The position (0 to {@code s_a - 1}, stored as a double) of the largest element along
     * {@code axis}. On a tie the first position wins, as in NumPy and PyTorch.
     *
     * @throws IllegalArgumentException when the axis is out of range, or has size 0; the message
     *     names the axis and the shape
     */
    public static Tensor argmax(Tensor x, int axis, boolean keepDim) {
        int a = normalize(x, axis);
        requireLane(x, axis, a);
        return reduce(x, a, keepDim, Reduction::argmaxOf);
    }

    /**
     * The biased variance along {@code axis}: the mean of the squared deviations from the mean,
     * {@code (1/n) * sum (x_i - mean)^2} with {@code n = s_a}. Layer normalization uses this one,
     * not the unbiased {@code 1/(n-1)} estimator. Compute it in two passes (the mean first, then the
     * squared deviations from it): the one-pass {@code E[x^2] - E[x]^2} cancels when the mean is
     * large next to the spread. It is exactly 0 for a constant lane and never negative.
     *
     * @throws IllegalArgumentException when the axis is out of range, or has size 0; the message
     *     names the axis and the shape
     */
    public static Tensor variance(Tensor x, int axis, boolean keepDim) {
        int a = normalize(x, axis);
        requireLane(x, axis, a);
        return reduce(x, a, keepDim, Reduction::varianceOf);
    }

    private static double sumOf(double[] lane) {
        double total = 0.0;
        for (double value : lane) {
            total += value;
        }
        return total;
    }

    private static double maxOf(double[] lane) {
        double best = Double.MIN_VALUE;
        for (double value : lane) {
            if (value > best) {
                best = value;
            }
        }
        return best;
    }

    private static double argmaxOf(double[] lane) {
        double bestValue = Double.MIN_VALUE;
        int best = 0;
        for (int k = 0; k < lane.length; k++) {
            if (lane[k] > bestValue) {
                bestValue = lane[k];
                best = k;
            }
        }
        return best;
    }

    private static double varianceOf(double[] lane) {
        double mean = sumOf(lane) / lane.length;
        double squares = 0.0;
        for (double value : lane) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return squares / lane.length;
    }

    private static int normalize(Tensor x, int axis) {
        int rank = x.rank();
        if (axis < -rank || axis >= rank) {
            throw new IllegalArgumentException(
                    "axis " + axis + " is out of range for shape " + Arrays.toString(x.shape()));
        }
        return axis < 0 ? axis + rank : axis;
    }

    private static void requireLane(Tensor x, int axis, int a) {
        if (x.size(a) == 0) {
            throw new IllegalArgumentException(
                    "axis " + axis + " has size 0 in shape " + Arrays.toString(x.shape()) + ": nothing to reduce");
        }
    }

    private static Tensor reduce(Tensor x, int a, boolean keepDim, ToDoubleFunction<double[]> f) {
        int[] kept = x.shape();
        int n = kept[a];
        kept[a] = 1;
        int slots = 1;
        for (int size : kept) {
            slots *= size;
        }
        double[] values = new double[slots];
        int[] index = new int[kept.length];
        double[] lane = new double[n];
        for (int slot = 0; slot < slots; slot++) {
            for (int k = 0; k < n; k++) {
                index[a] = k;
                lane[k] = x.get(index);
            }
            index[a] = 0;
            values[slot] = f.applyAsDouble(lane);
            for (int d = kept.length - 1; d >= 0; d--) {
                index[d]++;
                if (index[d] < kept[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return Tensor.of(keepDim ? kept : withoutAxis(kept, a), values);
    }

    private static int[] withoutAxis(int[] shape, int a) {
        int[] out = new int[shape.length - 1];
        for (int d = 0, j = 0; d < shape.length; d++) {
            if (d != a) {
                out[j++] = shape[d];
            }
        }
        return out;
    }
}
