package kata.support.testing;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import kata.support.Tensor;

/**
 * Checks a backward pass against central finite differences, for specs: not the lesson, so it is
 * complete here.
 *
 * <p>For a scalar loss {@code L(x)}, the numerical gradient at element {@code i} is
 * <pre>
 *   (L(x + h e_i) - L(x - h e_i)) / 2h          h = {@value #STEP}
 * </pre>
 * whose error is {@code O(h^2)} (about 1e-10) plus the rounding of the two losses divided by
 * {@code 2h} (about 1e-16 / 1e-5 = 1e-11) in double precision. An analytic value {@code a} agrees
 * with the numerical {@code n} when {@code |a - n| <= }{@value #RELATIVE_TOLERANCE}{@code  * max(1, |a|, |n|)}:
 * relative for large gradients, absolute for gradients near 0.
 *
 * <p>To check a block's backward pass, use the loss {@code L(x) = sum(dy * f(x))} for a random
 * {@code dy}: its gradient is exactly what the backward pass returns for that {@code dy}
 * ({@link #dot} computes the sum).
 */
public final class GradientCheck {

    /** The finite-difference step h. */
    public static final double STEP = 1e-5;

    /** The relative tolerance between the analytic and the numerical gradient. */
    public static final double RELATIVE_TOLERANCE = 1e-6;

    private GradientCheck() {
    }

    /**
     * The central-difference gradient of {@code loss} at {@code at}: a fresh row-major tensor of
     * the shape of {@code at}. {@code loss} is evaluated on fresh row-major copies, one element
     * moved by {@code +h} or {@code -h}; {@code at} itself is never modified (any layout is fine,
     * a stride-0 broadcast view included: each of its elements is moved on its own).
     */
    public static Tensor numerical(ToDoubleFunction<Tensor> loss, Tensor at) {
        Tensor gradient = Tensor.zeros(at.shape());
        for (int[] index : Indices.of(at.shape())) {
            Tensor plus = copy(at);
            plus.set(at.get(index) + STEP, index);
            Tensor minus = copy(at);
            minus.set(at.get(index) - STEP, index);
            gradient.set((loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * STEP), index);
        }
        return gradient;
    }

    /**
     * Fails unless {@code analytic} is the gradient of {@code loss} at {@code at}, element by element
     * within the relative tolerance. The message names the parameter, the first index that
     * disagrees and both values, e.g. "gradient of dW at [1, 0]: your backward pass gives 0.5, the
     * central difference gives 0.25".
     *
     * @throws AssertionError when the shapes differ or an element disagrees
     */
    public static void assertGradient(String parameter, ToDoubleFunction<Tensor> loss, Tensor at, Tensor analytic) {
        if (!Arrays.equals(analytic.shape(), at.shape())) {
            throw new AssertionError("gradient of " + parameter + " has shape " + Arrays.toString(analytic.shape())
                    + ", but " + parameter + " has shape " + Arrays.toString(at.shape())
                    + ": a gradient has the shape of what it differentiates");
        }
        Tensor numerical = numerical(loss, at);
        for (int[] index : Indices.of(at.shape())) {
            double a = analytic.get(index);
            double n = numerical.get(index);
            if (!agree(a, n)) {
                throw new AssertionError("gradient of " + parameter + " at " + Arrays.toString(index)
                        + ": your backward pass gives " + a + ", the central difference gives " + n
                        + " (step h = " + STEP + ", relative tolerance " + RELATIVE_TOLERANCE + ")");
            }
        }
    }

    /** {@code sum(a * b)} over every index of two tensors of one shape: the loss {@code sum(dy * y)}. */
    public static double dot(Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("cannot take the dot product of " + Arrays.toString(a.shape())
                    + " and " + Arrays.toString(b.shape()));
        }
        double sum = 0.0;
        for (int[] index : Indices.of(a.shape())) {
            sum += a.get(index) * b.get(index);
        }
        return sum;
    }

    private static boolean agree(double analytic, double numerical) {
        double scale = Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numerical)));
        return Math.abs(analytic - numerical) <= RELATIVE_TOLERANCE * scale;
    }

    private static Tensor copy(Tensor t) {
        Tensor copy = Tensor.zeros(t.shape());
        for (int[] index : Indices.of(t.shape())) {
            copy.set(t.get(index), index);
        }
        return copy;
    }
}
