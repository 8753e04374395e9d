package kata.support.testing;

import java.util.Arrays;
import java.util.List;
import kata.support.Tensor;
import kata.support.TensorFormat;
import kata.support.Tolerance;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on tensors whose failures teach: the shapes, the first differing index, the
 * largest difference and both tensors' values.
 *
 * <pre>{@code
 * assertThatTensor(actual).describedAs("sum over axis 1 of %s", input).isCloseTo(expected);
 * }</pre>
 */
public final class TensorAssert extends AbstractAssert<TensorAssert, Tensor> {

    private TensorAssert(Tensor actual) {
        super(actual, TensorAssert.class);
    }

    /** Starts an assertion on a tensor. */
    public static TensorAssert assertThatTensor(Tensor actual) {
        return new TensorAssert(actual);
    }

    /** The tensor has exactly this shape. */
    public TensorAssert hasShape(int... expected) {
        isNotNull();
        if (!Arrays.equals(actual.shape(), expected)) {
            failWithMessage("Expected shape %s but was %s.%n  actual: %s",
                    Arrays.toString(expected), Arrays.toString(actual.shape()), actual);
        }
        return this;
    }

    /** The tensor has exactly these strides. */
    public TensorAssert hasStrides(int... expected) {
        isNotNull();
        if (!Arrays.equals(actual.strides(), expected)) {
            failWithMessage("Expected strides %s but was %s.%n  actual: %s",
                    Arrays.toString(expected), Arrays.toString(actual.strides()), actual);
        }
        return this;
    }

    /** Same shape and every element within {@link Tolerance#DEFAULT} of the expected one. */
    public TensorAssert isCloseTo(Tensor expected) {
        return isCloseTo(expected, Tolerance.DEFAULT);
    }

    /** Same shape and every element within {@code tolerance} (see {@link Tolerance#close}). */
    public TensorAssert isCloseTo(Tensor expected, double tolerance) {
        isNotNull();
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            failWithMessage("Expected shape %s but was %s.%n  expected: %s%n  actual:   %s",
                    Arrays.toString(expected.shape()), Arrays.toString(actual.shape()), expected, actual);
        }
        List<int[]> indices = Indices.of(expected.shape());
        int differing = 0;
        int[] first = null;
        int[] largest = null;
        double largestDifference = -1.0;
        for (int[] index : indices) {
            double want = expected.get(index);
            double got = actual.get(index);
            if (Tolerance.close(want, got, tolerance)) {
                continue;
            }
            differing++;
            first = first == null ? index : first;
            double difference = Double.isNaN(got) || Double.isNaN(want) ? Double.POSITIVE_INFINITY : Math.abs(want - got);
            if (difference > largestDifference) {
                largestDifference = difference;
                largest = index;
            }
        }
        if (differing > 0) {
            failWithMessage("Expected every element within %s of the expected tensor, but %d of %d differ.%n"
                            + "  first difference at %s%n  largest difference at %s%n"
                            + "  expected: %s%n  actual:   %s",
                    tolerance, differing, indices.size(), difference(expected, first),
                    difference(expected, largest), expected, actual);
        }
        return this;
    }

    /** Every element is a finite number: no NaN, no infinity. */
    public TensorAssert isFinite() {
        isNotNull();
        for (int[] index : Indices.of(actual.shape())) {
            double value = actual.get(index);
            if (!Double.isFinite(value)) {
                failWithMessage("Expected only finite numbers, but element %s is %s.%n  actual: %s",
                        Arrays.toString(index), value, actual);
            }
        }
        return this;
    }

    /** The tensor is a view: it reads the same storage array as {@code other} (no copy was made). */
    public TensorAssert sharesStorageWith(Tensor other) {
        isNotNull();
        if (!actual.sharesStorageWith(other)) {
            failWithMessage("your result has storage of its own (a copy was made), but a view that shares "
                    + "storage with the input was promised.%n  input:  %s%n  result: %s", other, actual);
        }
        return this;
    }

    /** The tensor owns its storage: it is a copy, and writing to it cannot change {@code other}. */
    public TensorAssert doesNotShareStorageWith(Tensor other) {
        isNotNull();
        if (actual.sharesStorageWith(other)) {
            failWithMessage("your result shares storage with the input, but a fresh tensor was promised: "
                    + "a later write to either would change the other.%n  input:  %s%n  result: %s", other, actual);
        }
        return this;
    }

    /**
     * One differing element in words. A NaN is named as such, yours or the expected one, never as
     * "expected NaN but was NaN (difference NaN)".
     */
    private String difference(Tensor expected, int[] index) {
        double want = expected.get(index);
        double got = actual.get(index);
        String at = Arrays.toString(index) + ": ";
        if (Double.isNaN(want) && Double.isNaN(got)) {
            return at + "your value is NaN, and so is the expected one: the spec's own computation gave no number"
                    + " for these inputs either, so this element cannot be checked (NaN is close to nothing)";
        }
        if (Double.isNaN(want)) {
            return at + "the expected value is NaN (the spec's own computation gave no number for these inputs)"
                    + " but yours is " + TensorFormat.exact(got);
        }
        if (Double.isNaN(got)) {
            return at + "expected " + TensorFormat.exact(want) + " but was NaN: your value is not a number"
                    + " (look for 0 / 0, infinity - infinity, 0 * infinity or the square root of a negative number)";
        }
        return at + "expected " + TensorFormat.exact(want) + " but was " + TensorFormat.exact(got)
                + " (difference " + TensorFormat.number(Math.abs(want - got)) + ")";
    }
}
