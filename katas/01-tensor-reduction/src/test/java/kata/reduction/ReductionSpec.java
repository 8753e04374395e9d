package kata.reduction;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-01")
@Order(1)
@DisplayName("01 Tensor reduction: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReductionSpec {

    /** The five reductions, in the order the specs meet them. */
    private static final String[] NAMES = {"sum", "mean", "max", "argmax", "variance"};

    /** {@code [[1, 2, 3], [4, 5, 6]]}, shape (2, 3): row sums 6 and 15, column sums 5, 7, 9. */
    private static Tensor matrix2x3() {
        return Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    }

    /** The numbers 0 to 23 in row-major order, shape (2, 3, 4): element (i, j, k) is 12i + 4j + k. */
    private static Tensor tensor2x3x4() {
        double[] values = new double[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return Tensor.of(new int[] {2, 3, 4}, values);
    }

    // ---- sum: the walk every other reduction reuses ----

    @Test
    @Order(1)
    @DisplayName("sum over the last axis of a 2x3 matrix adds up each row")
    void sumOverTheLastAxisAddsUpEachRow() {
        Tensor x = matrix2x3();

        Tensor rowSums = Reduction.sum(x, 1, false);

        assertThatTensor(rowSums)
                .describedAs("sum over axis 1 of %s: one value per row, 1+2+3 and 4+5+6, shape (2)", x)
                .isCloseTo(Tensor.vector(6, 15));
    }

    @Test
    @Order(2)
    @DisplayName("sum over the first axis of a 2x3 matrix adds up each column")
    void sumOverTheFirstAxisAddsUpEachColumn() {
        Tensor x = matrix2x3();

        Tensor columnSums = Reduction.sum(x, 0, false);

        assertThatTensor(columnSums)
                .describedAs("sum over axis 0 of %s: one value per column, 1+4, 2+5, 3+6, shape (3)", x)
                .isCloseTo(Tensor.vector(5, 7, 9));
    }

    @Test
    @Order(3)
    @DisplayName("sum over any axis of a 2x3x4 tensor adds up the elements along that axis")
    void sumOverEachAxisOfA2x3x4Tensor() {
        Tensor x = tensor2x3x4();

        Tensor overAxis0 = Reduction.sum(x, 0, false);
        Tensor overAxis1 = Reduction.sum(x, 1, false);
        Tensor overAxis2 = Reduction.sum(x, 2, false);

        // x(i, j, k) = 12i + 4j + k, so summing over i gives 2(4j + k) + 12, over j 36i + 12 + 3k,
        // and over k 4(12i + 4j) + 6.
        assertThatTensor(overAxis0)
                .describedAs("sum over axis 0 of the 2x3x4 tensor 0..23: x(0, j, k) + x(1, j, k), shape (3, 4)")
                .isCloseTo(Tensor.of(new int[] {3, 4}, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34));
        assertThatTensor(overAxis1)
                .describedAs("sum over axis 1 of the 2x3x4 tensor 0..23: x(i, 0, k) + x(i, 1, k) + x(i, 2, k),"
                        + " shape (2, 4)")
                .isCloseTo(Tensor.of(new int[] {2, 4}, 12, 15, 18, 21, 48, 51, 54, 57));
        assertThatTensor(overAxis2)
                .describedAs("sum over axis 2 of the 2x3x4 tensor 0..23: the four elements of each innermost"
                        + " row, shape (2, 3)")
                .isCloseTo(Tensor.of(new int[] {2, 3}, 6, 22, 38, 54, 70, 86));
    }

    @Test
    @Order(4)
    @DisplayName("sum reads a transposed view through its strides, not storage in order")
    void sumReadsATransposedViewThroughItsStrides() {
        // Storage 1..6 read with strides (1, 3) is the transpose of [[1, 2, 3], [4, 5, 6]]:
        // [[1, 4], [2, 5], [3, 6]], shape (3, 2). Read in storage order it would be [[1, 2], [3, 4], [5, 6]].
        Tensor transposed = Tensor.strided(new double[] {1, 2, 3, 4, 5, 6}, new int[] {3, 2}, new int[] {1, 3}, 0);

        Tensor rowSums = Reduction.sum(transposed, 1, false);

        assertThatTensor(rowSums)
                .describedAs("sum over axis 1 of the transposed view %s: 1+4, 2+5, 3+6 (element (i, j) lives at"
                        + " storage[offset + i * stride0 + j * stride1], read it with get)", transposed)
                .isCloseTo(Tensor.vector(5, 7, 9));
    }

    @Test
    @Order(5)
    @DisplayName("sum reads a view through its offset and strides, skipping storage outside it")
    void sumReadsAViewThroughItsOffsetAndStep() {
        // Every other element of the storage, starting at position 1: [[1, 2, 3], [4, 5, 6]].
        // The NaNs in between belong to some other tensor; reading one of them makes the sum NaN.
        double nan = Double.NaN;
        double[] storage = {nan, 1, nan, 2, nan, 3, nan, 4, nan, 5, nan, 6};
        Tensor view = Tensor.strided(storage, new int[] {2, 3}, new int[] {6, 2}, 1);

        Tensor rowSums = Reduction.sum(view, 1, false);

        assertThatTensor(rowSums)
                .describedAs("sum over axis 1 of the view %s: element (i, j) is storage[1 + 6i + 2j]", view)
                .isCloseTo(Tensor.vector(6, 15));
    }

    @Test
    @Order(6)
    @DisplayName("sum reads a broadcast view, whose stride 0 repeats one row, through its strides")
    void sumReadsABroadcastViewThroughItsStrides() {
        // Storage [1, 2, 3] read with strides (0, 1): both rows are the same three elements, [[1, 2, 3], [1, 2, 3]].
        Tensor repeated = Tensor.strided(new double[] {1, 2, 3}, new int[] {2, 3}, new int[] {0, 1}, 0);

        Tensor columnSums = Reduction.sum(repeated, 0, false);
        Tensor rowSums = Reduction.sum(repeated, 1, false);

        assertThatTensor(columnSums)
                .describedAs("sum over axis 0 of the broadcast view %s: each column holds its element twice", repeated)
                .isCloseTo(Tensor.vector(2, 4, 6));
        assertThatTensor(rowSums)
                .describedAs("sum over axis 1 of the broadcast view %s: both rows are 1, 2, 3 (six elements, only"
                        + " three in storage)", repeated)
                .isCloseTo(Tensor.vector(6, 6));
    }

    @Test
    @Order(7)
    @DisplayName("keepDim keeps the reduced axis with size 1: (2, 3) gives (2, 1) or (1, 3)")
    void keepDimKeepsTheAxisWithSizeOne() {
        Tensor x = matrix2x3();

        Tensor rowSums = Reduction.sum(x, 1, true);
        Tensor columnSums = Reduction.sum(x, 0, true);

        assertThatTensor(rowSums)
                .describedAs("sum over axis 1 with keepDim: the row sums as a column, shape (2, 1), which lines"
                        + " up with the (2, 3) input axis by axis")
                .isCloseTo(Tensor.matrix(new double[] {6}, new double[] {15}));
        assertThatTensor(columnSums)
                .describedAs("sum over axis 0 with keepDim: the column sums as a row, shape (1, 3)")
                .isCloseTo(Tensor.matrix(new double[] {5, 7, 9}));
    }

    @Test
    @Order(8)
    @DisplayName("keepDim on a 2x3x4 tensor puts the 1 exactly where the reduced axis was")
    void keepDimOnA2x3x4TensorPutsTheOneAtTheAxis() {
        Tensor x = tensor2x3x4();

        Tensor overAxis0 = Reduction.sum(x, 0, true);
        Tensor overAxis1 = Reduction.sum(x, 1, true);
        Tensor overAxis2 = Reduction.sum(x, 2, true);

        assertThatTensor(overAxis0).describedAs("sum over axis 0 of (2, 3, 4) with keepDim").hasShape(1, 3, 4);
        assertThatTensor(overAxis1).describedAs("sum over axis 1 of (2, 3, 4) with keepDim").hasShape(2, 1, 4);
        assertThatTensor(overAxis2).describedAs("sum over axis 2 of (2, 3, 4) with keepDim").hasShape(2, 3, 1);
    }

    @Test
    @Order(9)
    @DisplayName("a negative axis counts from the end: on a matrix -1 is axis 1 and -2 is axis 0")
    void negativeAxisCountsFromTheEnd() {
        Tensor x = matrix2x3();

        Tensor overLast = Reduction.sum(x, -1, false);
        Tensor overFirst = Reduction.sum(x, -2, false);

        assertThatTensor(overLast)
                .describedAs("sum over axis -1 of a rank-2 tensor is the sum over axis rank 2 + (-1) = 1: the row sums")
                .isCloseTo(Tensor.vector(6, 15));
        assertThatTensor(overFirst)
                .describedAs("sum over axis -2 of a rank-2 tensor is the sum over axis rank 2 + (-2) = 0:"
                        + " the column sums")
                .isCloseTo(Tensor.vector(5, 7, 9));
    }

    @Test
    @Order(10)
    @DisplayName("on a 2x3x4 tensor axis -1 is axis 2, -2 is axis 1 and -3 is axis 0")
    void negativeAxesOfA2x3x4TensorCountFromTheEnd() {
        Tensor x = tensor2x3x4();

        Tensor overMinus1 = Reduction.sum(x, -1, false);
        Tensor overMinus2 = Reduction.sum(x, -2, false);
        Tensor overMinus3 = Reduction.sum(x, -3, false);

        assertThatTensor(overMinus1)
                .describedAs("axis -1 of a rank-3 tensor is axis rank 3 + (-1) = 2, the last one (not axis 1)")
                .isCloseTo(Tensor.of(new int[] {2, 3}, 6, 22, 38, 54, 70, 86));
        assertThatTensor(overMinus2)
                .describedAs("axis -2 of a rank-3 tensor is axis rank 3 + (-2) = 1")
                .isCloseTo(Tensor.of(new int[] {2, 4}, 12, 15, 18, 21, 48, 51, 54, 57));
        assertThatTensor(overMinus3)
                .describedAs("axis -3 of a rank-3 tensor is axis rank 3 + (-3) = 0, the first one")
                .isCloseTo(Tensor.of(new int[] {3, 4}, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34));
    }

    @Test
    @Order(11)
    @DisplayName("sum over an axis of size 0 is 0, the empty sum")
    void sumOverAnAxisOfSizeZeroIsZero() {
        Tensor empty = Tensor.zeros(2, 0);

        Tensor rowSums = Reduction.sum(empty, 1, false);
        Tensor columnSums = Reduction.sum(empty, 0, false);

        assertThatTensor(rowSums)
                .describedAs("sum over axis 1 of a (2, 0) tensor: two rows with nothing in them, each sums to 0")
                .isCloseTo(Tensor.vector(0, 0));
        assertThatTensor(columnSums)
                .describedAs("sum over axis 0 of a (2, 0) tensor: no columns, so no sums, shape (0)")
                .hasShape(0);
    }

    @Test
    @Order(12)
    @DisplayName("reducing the other axis of a (2, 0) tensor gives an empty result, not an error")
    void reducingAnotherAxisOfAnEmptyTensorGivesAnEmptyResult() {
        Tensor empty = Tensor.zeros(2, 0);

        for (String name : NAMES) {
            Tensor dropped = reduceBy(name, empty, 0);
            Tensor kept = reduce(name, empty, 0, true);

            // NumPy and PyTorch agree: each lane along axis 0 has two elements, there are just no lanes.
            assertThatTensor(dropped)
                    .describedAs("%s over axis 0 of a (2, 0) tensor: a lane per column and no column, so shape (0);"
                            + " only an empty lane (axis 1 here) has no %s", name, name)
                    .hasShape(0);
            assertThatTensor(kept)
                    .describedAs("%s over axis 0 of a (2, 0) tensor with keepDim: shape (1, 0)", name)
                    .hasShape(1, 0);
        }
    }

    // ---- mean, max, argmax, variance: the same walk, another way to combine a lane ----

    @Test
    @Order(13)
    @DisplayName("mean is the sum along the axis divided by the length of that axis")
    void meanIsTheSumDividedByTheLaneLength() {
        Tensor x = matrix2x3();

        Tensor rowMeans = Reduction.mean(x, 1, false);
        Tensor columnMeans = Reduction.mean(x, 0, false);

        assertThatTensor(rowMeans)
                .describedAs("mean over axis 1 is the row average, sum / 3 (the length of axis 1, not the 6"
                        + " elements of the tensor): 6 / 3 and 15 / 3")
                .isCloseTo(Tensor.vector(2, 5));
        assertThatTensor(columnMeans)
                .describedAs("mean over axis 0 is the column average, sum / 2: 5 / 2, 7 / 2, 9 / 2")
                .isCloseTo(Tensor.vector(2.5, 3.5, 4.5));
    }

    @Test
    @Order(14)
    @DisplayName("mean over the middle axis of a 2x3x4 tensor averages three elements")
    void meanOverTheMiddleAxisOfA2x3x4Tensor() {
        Tensor x = tensor2x3x4();

        Tensor means = Reduction.mean(x, 1, false);

        // The mean of 12i + 4j + k over j = 0, 1, 2 is 12i + 4 + k.
        assertThatTensor(means)
                .describedAs("mean over axis 1 of the 2x3x4 tensor 0..23:"
                        + " (x(i, 0, k) + x(i, 1, k) + x(i, 2, k)) / 3")
                .isCloseTo(Tensor.of(new int[] {2, 4}, 4, 5, 6, 7, 16, 17, 18, 19));
    }

    @Test
    @Order(15)
    @DisplayName("max keeps the largest element along the axis")
    void maxKeepsTheLargestElementAlongTheAxis() {
        Tensor x = Tensor.matrix(new double[] {3, 9, 1}, new double[] {7, 2, 8});

        Tensor rowMaxima = Reduction.max(x, 1, false);
        Tensor columnMaxima = Reduction.max(x, 0, false);

        assertThatTensor(rowMaxima)
                .describedAs("max over axis 1 of %s: the largest element of each row", x)
                .isCloseTo(Tensor.vector(9, 8));
        assertThatTensor(columnMaxima)
                .describedAs("max over axis 0 of %s: the largest element of each column", x)
                .isCloseTo(Tensor.vector(7, 9, 8));
    }

    @Test
    @Order(16)
    @DisplayName("the max of a row of negative numbers is negative, not 0")
    void maxOfNegativeRowsIsNegative() {
        Tensor x = Tensor.matrix(new double[] {-3, -1, -2}, new double[] {-5, -4, -6});

        Tensor rowMaxima = Reduction.max(x, 1, false);

        assertThatTensor(rowMaxima)
                .describedAs("max over axis 1 of %s: -1 and -4; a running max that starts at 0 wrongly gives 0,"
                        + " start it at the first element (or at -infinity)", x)
                .isCloseTo(Tensor.vector(-1, -4));
    }

    @Test
    @Order(17)
    @DisplayName("argmax gives the position of the largest element along the axis")
    void argmaxGivesThePositionOfTheLargestElement() {
        Tensor x = Tensor.matrix(new double[] {3, 9, 1}, new double[] {7, 2, 8});

        Tensor rowPositions = Reduction.argmax(x, 1, false);
        Tensor columnPositions = Reduction.argmax(x, 0, false);

        assertThatTensor(rowPositions)
                .describedAs("argmax over axis 1 of %s: 9 is at column 1, 8 at column 2", x)
                .isCloseTo(Tensor.vector(1, 2));
        assertThatTensor(columnPositions)
                .describedAs("argmax over axis 0 of %s: the row of each column's largest element", x)
                .isCloseTo(Tensor.vector(1, 0, 1));
    }

    @Test
    @Order(18)
    @DisplayName("argmax gives the first position when the largest element occurs more than once")
    void argmaxTiesGoToTheFirstPosition() {
        Tensor x = Tensor.matrix(new double[] {2, 7, 7}, new double[] {4, 4, 1}, new double[] {5, 5, 5});

        Tensor positions = Reduction.argmax(x, 1, false);

        assertThatTensor(positions)
                .describedAs("argmax over axis 1 of %s: on a tie the first position wins (as in NumPy and"
                        + " PyTorch), so replace the best only on a strictly larger element", x)
                .isCloseTo(Tensor.vector(1, 0, 0));
    }

    @Test
    @Order(19)
    @DisplayName("max and argmax over the first axis of a 2x3x4 tensor pick the second block")
    void maxAndArgmaxOverTheFirstAxisOfA2x3x4Tensor() {
        Tensor x = tensor2x3x4();

        Tensor maxima = Reduction.max(x, 0, false);
        Tensor positions = Reduction.argmax(x, 0, false);

        // x(1, j, k) = x(0, j, k) + 12, so the second block wins everywhere.
        assertThatTensor(maxima)
                .describedAs("max over axis 0 of the 2x3x4 tensor 0..23: the block x(1, ., .), 12..23")
                .isCloseTo(Tensor.of(new int[] {3, 4}, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23));
        assertThatTensor(positions)
                .describedAs("argmax over axis 0 of the 2x3x4 tensor 0..23: position 1 everywhere")
                .isCloseTo(Tensor.of(new int[] {3, 4}, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    }

    @Test
    @Order(20)
    @DisplayName("variance is biased: the squared deviations are divided by n, not n - 1")
    void varianceDividesByTheLaneLength() {
        Tensor x = Tensor.matrix(new double[] {1, 2, 3, 4}, new double[] {2, 2, 2, 2});

        Tensor variances = Reduction.variance(x, 1, false);

        // 1, 2, 3, 4: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, and 5 / 4 = 1.25
        // (the variance of 1..n is (n^2 - 1) / 12). The unbiased 5 / 3 is what layer norm does not use.
        assertThatTensor(variances)
                .describedAs("variance over axis 1 of %s: sum of squared deviations / n = 5 / 4 for 1..4 (not"
                        + " 5 / 3), and 0 for a constant row", x)
                .isCloseTo(Tensor.vector(1.25, 0));
    }

    @Test
    @Order(21)
    @DisplayName("variance over each axis of a 2x3x4 tensor")
    void varianceOverEachAxisOfA2x3x4Tensor() {
        Tensor x = tensor2x3x4();

        Tensor overAxis0 = Reduction.variance(x, 0, false);
        Tensor overAxis1 = Reduction.variance(x, 1, false);
        Tensor overAxis2 = Reduction.variance(x, 2, false);

        // Along axis 0 the lane is {v, v + 12}: deviations +-6, variance 36.
        // Along axis 1 it is {v, v + 4, v + 8}: deviations -4, 0, 4, variance 32 / 3.
        // Along axis 2 it is {v, v + 1, v + 2, v + 3}: variance (4^2 - 1) / 12 = 1.25.
        assertThatTensor(overAxis0)
                .describedAs("variance over axis 0 of the 2x3x4 tensor 0..23: lanes {v, v + 12}")
                .isCloseTo(filled(36.0, 3, 4));
        assertThatTensor(overAxis1)
                .describedAs("variance over axis 1 of the 2x3x4 tensor 0..23: lanes {v, v + 4, v + 8}")
                .isCloseTo(filled(32.0 / 3.0, 2, 4));
        assertThatTensor(overAxis2)
                .describedAs("variance over axis 2 of the 2x3x4 tensor 0..23: lanes {v, v + 1, v + 2, v + 3}")
                .isCloseTo(filled(1.25, 2, 3));
    }

    @Test
    @Order(22)
    @DisplayName("golden: mean and biased variance of a row of activations over its last axis")
    void meanAndVarianceOfARowOfActivationsMatchExactFractions() {
        Tensor row = Tensor.matrix(new double[] {0.31, -1.42, 2.05, 0.77, -0.58, 1.13, -2.26, 0.4});

        Tensor mean = Reduction.mean(row, -1, true);
        Tensor variance = Reduction.variance(row, -1, true);

        // Derived in exact rational arithmetic, with the decimals as written (Python: the values as
        // fractions.Fraction("0.31") etc., mean = sum / 8, variance = sum((v - mean)^2) / 8): the sum is
        // 0.4, so the mean is 1/20; the squared deviations add up to 13.7688, so the variance is
        // 17211/10000. statistics.pvariance on the doubles gives 1.7210999999999996, the same to 1e-15.
        // The unbiased estimate would be 13.7688 / 7 = 1.96697143.
        assertThatTensor(mean)
                .describedAs("mean over the last axis of %s, shape (1, 1) with keepDim", row)
                .isCloseTo(Tensor.matrix(new double[] {0.05}), Tolerance.GOLDEN);
        assertThatTensor(variance)
                .describedAs("biased variance over the last axis of %s: 13.7688 / 8, shape (1, 1)", row)
                .isCloseTo(Tensor.matrix(new double[] {1.7211}), Tolerance.GOLDEN);
    }

    @Test
    @Order(23)
    @DisplayName("variance of 1e8, 1e8 + 1, 1e8 + 2 is 2/3: a large mean with a small spread")
    void varianceOfLargeValuesWithASmallSpread() {
        Tensor x = Tensor.matrix(new double[] {1e8, 1e8 + 1, 1e8 + 2});

        Tensor variance = Reduction.variance(x, 1, false);

        // Deviations -1, 0, 1 from the mean 1e8 + 1: (1 + 0 + 1) / 3. The one-pass E[x^2] - E[x]^2
        // subtracts two numbers near 1e16, whose last bits are 2 apart, and gives 2.
        assertThatTensor(variance)
                .describedAs("variance of %s: E[x^2] - E[x]^2 cancels when the mean is large: use two passes"
                        + " (the mean first, then the mean of the squared deviations from it)", x)
                .isCloseTo(Tensor.vector(2.0 / 3.0));
    }

    @Test
    @Order(24)
    @DisplayName("variance of a constant lane of large values is exactly 0, never negative")
    void varianceOfAConstantLaneOfLargeValuesIsExactlyZero() {
        double c = 1e8 + 2;
        Tensor x = Tensor.matrix(new double[] {c, c, c, c, c, c});

        double variance = Reduction.variance(x, 1, false).get(0);

        // Two passes: the mean is c exactly, every deviation 0. One pass gives -2.0 here.
        assertThat(variance)
                .describedAs("variance of six copies of 1e8 + 2: E[x^2] - E[x]^2 cancels when the mean is large:"
                        + " use two passes (a negative variance makes layer norm take the square root of a"
                        + " negative number)")
                .isEqualTo(0.0);
    }

    @Test
    @Order(25)
    @DisplayName("every reduction leaves its input untouched and returns a fresh row-major tensor")
    void reductionsLeaveTheirInputUntouched() {
        // [[1, 2, 3], [4, 5, 6]] as a view: offset 1, every other storage position, NaN in between.
        double nan = Double.NaN;
        Tensor x = Tensor.strided(new double[] {nan, 1, nan, 2, nan, 3, nan, 4, nan, 5, nan, 6},
                new int[] {2, 3}, new int[] {6, 2}, 1);

        for (String name : NAMES) {
            Inputs inputs = Inputs.snapshot("x", x);

            Tensor result = reduce(name, x, 1, true);

            inputs.assertUntouched();
            assertThatTensor(result)
                    .describedAs("%s over axis 1 of %s: a result of its own, laid out row-major", name, x)
                    .doesNotShareStorageWith(x).hasStrides(1, 1);
        }
    }

    @Test
    @Order(26)
    @DisplayName("reducing an axis of size 1 with keepDim still returns a fresh tensor, not the input")
    void reducingAnAxisOfSizeOneStillGivesAFreshTensor() {
        // The column [[1], [2]] as a view with strides (3, 1), offset 1: its shape is the keepDim result's.
        Tensor column = Tensor.strided(new double[] {0, 1, 0, 0, 2}, new int[] {2, 1}, new int[] {3, 1}, 1);

        for (String name : NAMES) {
            Tensor result = reduce(name, column, 1, true);

            assertThatTensor(result)
                    .describedAs("%s over the size-1 axis 1 of %s: nothing to combine, but still a fresh row-major"
                            + " tensor; returning the input hands the caller its own storage", name, column)
                    .doesNotShareStorageWith(column).hasStrides(1, 1);
        }
    }

    // ---- errors ----

    @Test
    @Order(27)
    @DisplayName("an axis past the last is rejected with a message naming the axis and the shape")
    void anAxisPastTheLastIsRejected() {
        Tensor x = matrix2x3();

        assertThatIllegalArgumentException()
                .describedAs("a (2, 3) matrix has axes 0 and 1 (or -2 and -1); axis 2 does not exist")
                .isThrownBy(() -> Reduction.sum(x, 2, false))
                .withMessageContaining("axis 2")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(28)
    @DisplayName("a negative axis before the first is rejected, naming the axis and the shape")
    void aNegativeAxisBeforeTheFirstIsRejected() {
        Tensor x = matrix2x3();

        assertThatIllegalArgumentException()
                .describedAs("a (2, 3) matrix takes axes -2 to 1; -3 would be the third axis from the end")
                .isThrownBy(() -> Reduction.sum(x, -3, false))
                .withMessageContaining("axis -3")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(29)
    @DisplayName("all five reductions check the axis the same way")
    void everyReductionRejectsAnAxisOutOfRange() {
        Tensor x = tensor2x3x4();

        for (String name : NAMES) {
            assertThatIllegalArgumentException()
                    .describedAs("%s over axis 3 of a (2, 3, 4) tensor, which has axes -3 to 2", name)
                    .isThrownBy(() -> reduceBy(name, x, 3))
                    .withMessageContaining("axis 3")
                    .withMessageContaining("[2, 3, 4]");
        }
    }

    @Test
    @Order(30)
    @DisplayName("a scalar has no axis to reduce, not even axis 0 or -1")
    void aScalarHasNoAxisToReduce() {
        Tensor scalar = Tensor.scalar(5);

        assertThatIllegalArgumentException()
                .describedAs("a rank-0 tensor (shape []) has no axis, so axis 0 is out of range")
                .isThrownBy(() -> Reduction.sum(scalar, 0, false))
                .withMessageContaining("axis 0")
                .withMessageContaining("[]");
        assertThatIllegalArgumentException()
                .describedAs("a rank-0 tensor (shape []) has no axis, so axis -1 is out of range too")
                .isThrownBy(() -> Reduction.sum(scalar, -1, false))
                .withMessageContaining("axis -1")
                .withMessageContaining("[]");
    }

    @Test
    @Order(31)
    @DisplayName("mean, max, argmax and variance reject an axis of size 0")
    void reductionsOfAnEmptyAxisAreRejectedExceptSum() {
        Tensor empty = Tensor.zeros(2, 0);

        for (String name : new String[] {"mean", "max", "argmax", "variance"}) {
            for (int axis : new int[] {1, -1}) {
                assertThatIllegalArgumentException()
                        .describedAs("%s over axis %d of a (2, 0) tensor: an empty lane has no %s (only the sum of"
                                + " nothing is defined, as 0); the message names the axis as given", name, axis, name)
                        .isThrownBy(() -> reduceBy(name, empty, axis))
                        .withMessageContaining("axis " + axis)
                        .withMessageContaining("[2, 0]");
            }
        }
    }

    /** The reduction called {@code name}, without keepDim. */
    private static Tensor reduceBy(String name, Tensor x, int axis) {
        return reduce(name, x, axis, false);
    }

    /** The reduction called {@code name}. */
    private static Tensor reduce(String name, Tensor x, int axis, boolean keepDim) {
        return switch (name) {
            case "sum" -> Reduction.sum(x, axis, keepDim);
            case "mean" -> Reduction.mean(x, axis, keepDim);
            case "max" -> Reduction.max(x, axis, keepDim);
            case "argmax" -> Reduction.argmax(x, axis, keepDim);
            case "variance" -> Reduction.variance(x, axis, keepDim);
            default -> throw new IllegalArgumentException("no reduction called " + name);
        };
    }

    /** A (rows, columns) matrix with every element equal to {@code value}. */
    private static Tensor filled(double value, int rows, int columns) {
        double[] values = new double[rows * columns];
        Arrays.fill(values, value);
        return Tensor.of(new int[] {rows, columns}, values);
    }
}
