package kata.broadcasting;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.Tensor;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-02")
@Order(1)
@DisplayName("02 Broadcasting: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BroadcastingSpec {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;

    // ---- broadcastShape -------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("two equal shapes broadcast to that same shape")
    void equalShapesBroadcastToThemselves() {
        int[] shape = Broadcasting.broadcastShape(new int[] {2, 3}, new int[] {2, 3});

        assertThat(shape).describedAs("(2, 3) with (2, 3): equal sizes are always compatible")
                .containsExactly(2, 3);
    }

    @Test
    @Order(2)
    @DisplayName("an axis of size 1 stretches to the other operand's size")
    void sizeOneStretches() {
        int[] shape = Broadcasting.broadcastShape(new int[] {2, 1}, new int[] {1, 3});

        assertThat(shape).describedAs("(2, 1) with (1, 3): at each axis a size 1 gives way to the other size")
                .containsExactly(2, 3);
    }

    @Test
    @Order(3)
    @DisplayName("a missing leading axis counts as size 1: (3) with (2, 3) gives (2, 3)")
    void missingLeadingAxesCountAsOne() {
        int[] shape = Broadcasting.broadcastShape(new int[] {3}, new int[] {2, 3});

        assertThat(shape).describedAs("(3) is read as (1, 3): shapes line up from the LAST axis, so the 3 "
                + "meets the 3 and the missing axis in front counts as 1").containsExactly(2, 3);
    }

    @Test
    @Order(4)
    @DisplayName("a vector lines up with the last axis: (3, 1) with (3) gives (3, 3)")
    void aVectorLinesUpWithTheLastAxis() {
        int[] shape = Broadcasting.broadcastShape(new int[] {3, 1}, new int[] {3});

        assertThat(shape).describedAs("(3) is read as (1, 3), so a column (3, 1) and a row (3) make a (3, 3) "
                + "table; lining up from the first axis would wrongly give (3, 1)").containsExactly(3, 3);
    }

    @Test
    @Order(5)
    @DisplayName("(8, 1, 6, 1) with (7, 1, 5) gives (8, 7, 6, 5)")
    void shapesAlignFromTheTrailingAxis() {
        int[] shape = Broadcasting.broadcastShape(new int[] {8, 1, 6, 1}, new int[] {7, 1, 5});

        assertThat(shape).describedAs("from the end: 1|5 -> 5, 6|1 -> 6, 1|7 -> 7, 8|missing -> 8")
                .containsExactly(8, 7, 6, 5);
    }

    @Test
    @Order(6)
    @DisplayName("a scalar () has no axes and broadcasts with every shape, including another scalar")
    void aScalarFitsEveryShape() {
        int[] withMatrix = Broadcasting.broadcastShape(new int[0], new int[] {2, 3});
        int[] withScalar = Broadcasting.broadcastShape(new int[0], new int[0]);

        assertThat(withMatrix).describedAs("() with (2, 3): every axis of the scalar is missing, so counts as 1")
                .containsExactly(2, 3);
        assertThat(withScalar).describedAs("() with (): two scalars give a scalar").isEmpty();
    }

    @Test
    @Order(7)
    @DisplayName("layer norm's gamma (d) broadcasts against activations (T, d)")
    void gammaBroadcastsAgainstActivations() {
        int[] shape = Broadcasting.broadcastShape(new int[] {5, 4}, new int[] {4});

        assertThat(shape).describedAs("gamma (d = 4) against x (T = 5, d = 4): one scale per feature, "
                + "shared by every token").containsExactly(5, 4);
    }

    @Test
    @Order(8)
    @DisplayName("a mask (1, T) broadcasts against attention scores (h, T, T)")
    void maskBroadcastsAgainstScores() {
        int[] shape = Broadcasting.broadcastShape(new int[] {2, 5, 5}, new int[] {1, 5});

        assertThat(shape).describedAs("scores (h = 2, T = 5, T = 5) with a mask (1, T = 5): the mask is "
                + "repeated for every head and every query row").containsExactly(2, 5, 5);
    }

    @Test
    @Order(9)
    @DisplayName("(3) with (4) does not broadcast: the error names both shapes and axis -1")
    void differentSizesAboveOneDoNotBroadcast() {
        assertThatIllegalArgumentException()
                .describedAs("sizes 3 and 4 differ and neither is 1, so there is nothing to stretch")
                .isThrownBy(() -> Broadcasting.broadcastShape(new int[] {3}, new int[] {4}))
                .withMessageContaining("[3]").withMessageContaining("[4]").withMessageContaining("axis -1");
    }

    @Test
    @Order(10)
    @DisplayName("(5, 2) with (5) does not broadcast: the 5 lines up with the 2, not with the 5")
    void aVectorDoesNotLineUpWithTheFirstAxis() {
        assertThatIllegalArgumentException()
                .describedAs("(5) is read as (1, 5); its 5 meets the last axis of (5, 2), whose size is 2")
                .isThrownBy(() -> Broadcasting.broadcastShape(new int[] {5, 2}, new int[] {5}))
                .withMessageContaining("[5, 2]").withMessageContaining("[5]").withMessageContaining("axis -1");
    }

    @Test
    @Order(11)
    @DisplayName("the error names the clashing axis counted from the end: (2, 3, 4) with (5, 4) at axis -2")
    void theErrorNamesTheClashingAxis() {
        assertThatIllegalArgumentException()
                .describedAs("the last axes agree (4 and 4); the ones before them (3 and 5) clash")
                .isThrownBy(() -> Broadcasting.broadcastShape(new int[] {2, 3, 4}, new int[] {5, 4}))
                .withMessageContaining("[2, 3, 4]").withMessageContaining("[5, 4]")
                .withMessageContaining("axis -2");
    }

    @Test
    @Order(12)
    @DisplayName("a size 1 gives way even to 0: (2, 1) with (0) gives (2, 0), an empty result")
    void oneBroadcastWithZeroGivesZero() {
        int[] shape = Broadcasting.broadcastShape(new int[] {2, 1}, new int[] {0});
        int[] swapped = Broadcasting.broadcastShape(new int[] {0}, new int[] {2, 1});

        assertThat(shape).describedAs("(2, 1) with (0): at axis -1 the 1 gives way to the 0, as in NumPy and"
                + " PyTorch; the larger of the two (Math.max) would make two elements out of none")
                .containsExactly(2, 0);
        assertThat(swapped).describedAs("(0) with (2, 1), the operands swapped").containsExactly(2, 0);
    }

    @Test
    @Order(13)
    @DisplayName("(0) with (3) does not broadcast: 0 and 3 differ and neither is 1")
    void zeroDoesNotBroadcastWithThree() {
        assertThatIllegalArgumentException()
                .describedAs("an empty axis is a size like any other: it meets only 0 or 1")
                .isThrownBy(() -> Broadcasting.broadcastShape(new int[] {0}, new int[] {3}))
                .withMessageContaining("[0]").withMessageContaining("[3]").withMessageContaining("axis -1");
    }

    @Test
    @Order(14)
    @DisplayName("broadcastShape leaves both arrays as they were, also when it fails")
    void broadcastShapeLeavesItsArgumentsAlone() {
        int[] a = {2, 3};
        int[] b = {3};
        int[] clashing = {4};
        Inputs inputs = Inputs.snapshot("a", a, "b", b, "clashing", clashing);

        Broadcasting.broadcastShape(a, b);
        assertThatIllegalArgumentException().describedAs("(2, 3) with (4): 3 and 4 clash at axis -1")
                .isThrownBy(() -> Broadcasting.broadcastShape(a, clashing));

        inputs.assertUntouched();
    }

    @Test
    @Order(15)
    @DisplayName("broadcastShape returns a new array, never one of its arguments")
    void broadcastShapeReturnsANewArray() {
        int[] a = {2, 3};
        int[] b = {2, 3};
        int[] scalar = {};

        int[] same = Broadcasting.broadcastShape(a, b);
        int[] withScalar = Broadcasting.broadcastShape(a, scalar);

        assertThat(same).describedAs("(2, 3) with (2, 3): the result is a fresh array; returning a or b hands the"
                + " caller its own argument, and editing the result edits the input").isNotSameAs(a).isNotSameAs(b);
        assertThat(withScalar).describedAs("(2, 3) with (): a fresh array, not a").isNotSameAs(a);
    }

    // ---- broadcastTo ----------------------------------------------------------------------------

    @Test
    @Order(16)
    @DisplayName("broadcastTo repeats a vector (3) as the rows of (2, 3)")
    void broadcastToRepeatsAVectorAsRows() {
        Tensor x = Tensor.vector(1, 2, 3);

        Tensor view = Broadcasting.broadcastTo(x, 2, 3);

        assertThatTensor(view).describedAs("(3) broadcast to (2, 3): every row reads the same three elements")
                .isCloseTo(Tensor.matrix(new double[] {1, 2, 3}, new double[] {1, 2, 3}));
    }

    @Test
    @Order(17)
    @DisplayName("broadcastTo is a view: it shares the storage and gives the new leading axis stride 0")
    void broadcastToIsAViewWithStrideZeroOnNewAxes() {
        Tensor x = Tensor.vector(1, 2, 3);

        Tensor view = Broadcasting.broadcastTo(x, 2, 3);

        assertThatTensor(view).describedAs("broadcasting copies nothing: the view reads x's own storage")
                .sharesStorageWith(x);
        assertThatTensor(view).describedAs("stride 0 on the new axis: moving to the next row stays on the same "
                + "three elements; the old axis keeps its stride 1").hasStrides(0, 1);
    }

    @Test
    @Order(18)
    @DisplayName("broadcastTo repeats a column sliced out of a matrix, with stride 0 on the stretched axis")
    void broadcastToRepeatsAColumnWithStrideZero() {
        double[] storage = {1, 2, 3, 4, 5, 6}; // the matrix [[1, 2, 3], [4, 5, 6]]
        Tensor column = Tensor.strided(storage, new int[] {2, 1}, new int[] {3, 1}, 0); // [[1], [4]]

        Tensor view = Broadcasting.broadcastTo(column, 2, 3);

        assertThatTensor(view).describedAs("column [[1], [4]] stretched to (2, 3) repeats 1 and 4 along each "
                + "row; a stride other than 0 on the stretched axis walks into the rest of the matrix")
                .isCloseTo(Tensor.matrix(new double[] {1, 1, 1}, new double[] {4, 4, 4}));
        assertThatTensor(view).describedAs("the stretched axis gets stride 0, the row axis keeps its stride 3")
                .hasStrides(3, 0).sharesStorageWith(column);
    }

    @Test
    @Order(19)
    @DisplayName("broadcastTo keeps the offset of its input")
    void broadcastToKeepsTheOffset() {
        double[] storage = {1, 2, 3, 4, 5, 6}; // the matrix [[1, 2, 3], [4, 5, 6]]
        Tensor lastColumn = Tensor.strided(storage, new int[] {2, 1}, new int[] {3, 1}, 2); // [[3], [6]]

        Tensor view = Broadcasting.broadcastTo(lastColumn, 2, 3);

        assertThatTensor(view).describedAs("the last column [[3], [6]] starts at storage position 2")
                .isCloseTo(Tensor.matrix(new double[] {3, 3, 3}, new double[] {6, 6, 6}));
        assertThat(view.offset()).describedAs("the view starts where its input starts").isEqualTo(2);
    }

    @Test
    @Order(19)
    @DisplayName("an axis that keeps its size keeps its stride, a size-1 axis that stays 1 included")
    void axesThatKeepTheirSizeKeepTheirStride() {
        double[] storage = {1, 2, 3, 4, 5, 6}; // the matrix [[1, 2, 3], [4, 5, 6]]
        Tensor lastColumn = Tensor.strided(storage, new int[] {2, 1}, new int[] {3, 1}, 2); // [[3], [6]], strides (3, 1)

        Tensor view = Broadcasting.broadcastTo(lastColumn, 4, 2, 1);

        assertThat(view.strides()).describedAs("a new leading axis gets stride 0; the axes of (2, 1) are not"
                + " stretched, so they keep the strides (3, 1) of the input").containsExactly(0, 3, 1);
    }

    @Test
    @Order(20)
    @DisplayName("writing into the source shows through the broadcast view")
    void writesToTheSourceShowThroughTheView() {
        Tensor x = Tensor.vector(1, 2, 3);
        Tensor view = Broadcasting.broadcastTo(x, 2, 3);

        x.set(9, 1);

        assertThatTensor(view).describedAs("a view and its source are one storage: the 9 written at x[1] "
                + "appears in every row of the view")
                .isCloseTo(Tensor.matrix(new double[] {1, 9, 3}, new double[] {1, 9, 3}));
    }

    @Test
    @Order(21)
    @DisplayName("broadcastTo stretches a scalar to any shape, with every stride 0")
    void broadcastToStretchesAScalar() {
        Tensor x = Tensor.scalar(7);

        Tensor view = Broadcasting.broadcastTo(x, 2, 2);

        assertThatTensor(view).describedAs("a scalar seen as (2, 2): one element read four times")
                .isCloseTo(Tensor.matrix(new double[] {7, 7}, new double[] {7, 7}))
                .hasStrides(0, 0).sharesStorageWith(x);
    }

    @Test
    @Order(22)
    @DisplayName("broadcastTo never drops an axis: (2, 3) cannot become (3)")
    void broadcastToNeverDropsAnAxis() {
        Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});

        assertThatIllegalArgumentException()
                .describedAs("broadcasting to a shape only adds and stretches axes; it goes one way, "
                        + "even though (2, 3) and (3) broadcast together")
                .isThrownBy(() -> Broadcasting.broadcastTo(x, 3))
                .withMessageContaining("[2, 3]").withMessageContaining("[3]");
    }

    @Test
    @Order(23)
    @DisplayName("broadcastTo never shrinks an axis: (2, 3) cannot become (2, 1)")
    void broadcastToNeverShrinksAnAxis() {
        Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});

        assertThatIllegalArgumentException()
                .describedAs("only a size 1 can change; the 3 at axis -1 cannot become 1")
                .isThrownBy(() -> Broadcasting.broadcastTo(x, 2, 1))
                .withMessageContaining("[2, 3]").withMessageContaining("[2, 1]").withMessageContaining("axis -1");
    }

    @Test
    @Order(24)
    @DisplayName("broadcastTo refuses to stretch a size other than 1: (3) cannot become (4)")
    void broadcastToStretchesOnlySizeOne() {
        Tensor x = Tensor.vector(1, 2, 3);

        assertThatIllegalArgumentException()
                .describedAs("3 elements cannot be seen as 4: there is no rule for which to repeat")
                .isThrownBy(() -> Broadcasting.broadcastTo(x, 4))
                .withMessageContaining("[3]").withMessageContaining("[4]").withMessageContaining("axis -1");
    }

    @Test
    @Order(25)
    @DisplayName("broadcastTo stretches a size 1 to 0 as well: (2, 1) becomes (2, 0), a view with no elements")
    void broadcastToStretchesSizeOneToZero() {
        Tensor column = Tensor.of(new int[] {2, 1}, 1, 4);

        Tensor view = Broadcasting.broadcastTo(column, 2, 0);

        assertThatTensor(view).describedAs("(2, 1) seen as (2, 0): a size 1 gives way to any size, 0 included")
                .hasShape(2, 0).sharesStorageWith(column);
    }

    @Test
    @Order(26)
    @DisplayName("broadcastTo leaves x and the target shape array as they were")
    void broadcastToLeavesItsArgumentsAlone() {
        Tensor x = Tensor.strided(new double[] {9, 1, 2, 3}, new int[] {3}, new int[] {1}, 1);
        int[] shape = {2, 3};
        Inputs inputs = Inputs.snapshot("x", x, "shape", shape);

        Broadcasting.broadcastTo(x, shape);

        inputs.assertUntouched();
    }

    // ---- elementwise, add, multiply -------------------------------------------------------------

    @Test
    @Order(27)
    @DisplayName("add of (2, 3) and (3) adds the vector to every row")
    void addBroadcastsAVectorOverRows() {
        Tensor a = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Tensor b = Tensor.vector(10, 20, 30);

        Tensor sum = Broadcasting.add(a, b);

        assertThatTensor(sum).describedAs("(2, 3) + (3): b[j] is added to a[i, j] for every row i")
                .isCloseTo(Tensor.matrix(new double[] {11, 22, 33}, new double[] {14, 25, 36}));
    }

    @Test
    @Order(28)
    @DisplayName("multiply of a column (2, 1) and a row (1, 3) gives their outer product (2, 3)")
    void multiplyAColumnByARowGivesTheOuterProduct() {
        Tensor column = Tensor.of(new int[] {2, 1}, 1, 2);
        Tensor row = Tensor.of(new int[] {1, 3}, 3, 4, 5);

        Tensor product = Broadcasting.multiply(column, row);

        assertThatTensor(product).describedAs("(2, 1) * (1, 3): both operands stretch, out[i, j] = col[i] * row[j]")
                .isCloseTo(Tensor.matrix(new double[] {3, 4, 5}, new double[] {6, 8, 10}));
    }

    @Test
    @Order(29)
    @DisplayName("elementwise passes a's element first, even when b has the larger shape")
    void elementwisePassesTheFirstOperandFirst() {
        Tensor a = Tensor.scalar(10);
        Tensor b = Tensor.vector(1, 2, 3);

        Tensor difference = Broadcasting.elementwise(a, b, (x, y) -> x - y);

        assertThatTensor(difference).describedAs("10 - [1, 2, 3]: op(a', b') with a' from a, not the other way")
                .isCloseTo(Tensor.vector(9, 8, 7));
    }

    @Test
    @Order(30)
    @DisplayName("elementwise returns a fresh row-major tensor and leaves its operands alone")
    void elementwiseReturnsAFreshTensor() {
        Tensor a = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Tensor b = Tensor.scalar(0);
        Inputs inputs = Inputs.snapshot("a", a, "b", b);

        Tensor sum = Broadcasting.add(a, b);
        inputs.assertUntouched();
        sum.set(100, 0, 0);

        assertThatTensor(sum).describedAs("the result has its own row-major storage, even when it has a's shape")
                .doesNotShareStorageWith(a).doesNotShareStorageWith(b).hasStrides(3, 1);
        assertThatTensor(a).describedAs("the operand a, unchanged after writing into the result")
                .isCloseTo(Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6}));
    }

    @Test
    @Order(31)
    @DisplayName("elementwise reads each operand through its strides and offset (here a transposed view)")
    void elementwiseReadsOperandsThroughTheirStrides() {
        double[] storage = {1, 2, 3, 4, 5, 6}; // [[1, 2, 3], [4, 5, 6]] row-major
        Tensor transposed = Tensor.strided(storage, new int[] {3, 2}, new int[] {1, 3}, 0); // [[1, 4], [2, 5], [3, 6]]
        Tensor b = Tensor.vector(10, 20);

        Tensor sum = Broadcasting.add(transposed, b);

        assertThatTensor(sum).describedAs("the transpose [[1, 4], [2, 5], [3, 6]] + [10, 20]; walking the "
                + "storage in order would read [[1, 2], [3, 4], [5, 6]] instead")
                .isCloseTo(Tensor.matrix(new double[] {11, 24}, new double[] {12, 25}, new double[] {13, 26}));
    }

    @Test
    @Order(32)
    @DisplayName("add of shapes that do not broadcast fails and names both shapes")
    void addRejectsShapesThatDoNotBroadcast() {
        Tensor a = Tensor.vector(1, 2, 3);
        Tensor b = Tensor.vector(1, 2, 3, 4);

        assertThatIllegalArgumentException()
                .describedAs("(3) + (4): sizes 3 and 4 differ and neither is 1")
                .isThrownBy(() -> Broadcasting.add(a, b))
                .withMessageContaining("[3]").withMessageContaining("[4]");
    }

    @Test
    @Order(33)
    @DisplayName("add, multiply and elementwise all reject shapes that do not broadcast, naming both")
    void everyOperationRejectsShapesThatDoNotBroadcast() {
        Tensor a = Tensor.zeros(5, 2);
        Tensor b = Tensor.zeros(5);

        assertThatIllegalArgumentException().describedAs("multiply of (5, 2) and (5): the 5 meets the 2")
                .isThrownBy(() -> Broadcasting.multiply(a, b))
                .withMessageContaining("[5, 2]").withMessageContaining("[5]");
        assertThatIllegalArgumentException().describedAs("elementwise of (5, 2) and (5): the 5 meets the 2")
                .isThrownBy(() -> Broadcasting.elementwise(a, b, Math::max))
                .withMessageContaining("[5, 2]").withMessageContaining("[5]");
    }

    @Test
    @Order(34)
    @DisplayName("an operand with an empty axis gives an empty result: (0, 3) + (3) is (0, 3)")
    void anEmptyOperandGivesAnEmptyResult() {
        Tensor noRows = Tensor.zeros(0, 3);
        Tensor column = Tensor.of(new int[] {2, 1}, 1, 2);

        Tensor sum = Broadcasting.add(noRows, Tensor.vector(1, 2, 3));
        Tensor product = Broadcasting.multiply(column, Tensor.zeros(0));

        assertThatTensor(sum).describedAs("(0, 3) + (3): no rows to add the vector to").hasShape(0, 3);
        assertThatTensor(product).describedAs("(2, 1) * (0): the 1 gives way to the 0, two rows of nothing")
                .hasShape(2, 0);
    }

    // ---- where the Transformer uses it ----------------------------------------------------------

    @Test
    @Order(35)
    @DisplayName("layer norm's gamma (d) scales each feature of every token of x (T, d)")
    void gammaScalesEachFeatureOfEveryToken() {
        Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6}); // (T = 2, d = 3)
        Tensor gamma = Tensor.vector(2, 0, -1);                                    // (d = 3)

        Tensor scaled = Broadcasting.multiply(x, gamma);

        assertThatTensor(scaled).describedAs("x * gamma: feature j of every token is multiplied by gamma[j]")
                .isCloseTo(Tensor.matrix(new double[] {2, 0, -3}, new double[] {8, 0, -6}));
    }

    @Test
    @Order(36)
    @DisplayName("a mask (1, T) added to scores (h, T, T) hides the same keys for every head and every query")
    void aMaskHidesTheSameKeysInEveryHead() {
        Tensor scores = Tensor.of(new int[] {2, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8); // (h = 2, T = 2, T = 2)
        Tensor mask = Tensor.of(new int[] {1, 2}, 0, NEG_INF);                 // (1, T = 2): key 1 is padding

        Tensor masked = Broadcasting.add(scores, mask);

        assertThatTensor(masked).describedAs("scores + mask: key column 1 becomes -infinity in every head and "
                + "every query row, key column 0 keeps its score")
                .isCloseTo(Tensor.of(new int[] {2, 2, 2}, 1, NEG_INF, 3, NEG_INF, 5, NEG_INF, 7, NEG_INF));
    }

    // ---- Positions.addPositions -----------------------------------------------------------------

    @Test
    @Order(37)
    @DisplayName("addPositions adds row t of the table to token t of a single sample")
    void addPositionsAddsRowTToTokenT() {
        Tensor x = Tensor.of(new int[] {1, 3, 2}, 1, 1, 2, 2, 3, 3);                      // (B = 1, T = 3, d = 2)
        Tensor table = Tensor.matrix(new double[] {0, 10}, new double[] {100, 110},
                new double[] {200, 210}, new double[] {300, 310});                       // (maxLen = 4, d = 2)

        Tensor out = Positions.addPositions(x, table);

        assertThatTensor(out).describedAs("token t gets table row t; row 3 is not used, T is only 3")
                .isCloseTo(Tensor.of(new int[] {1, 3, 2}, 1, 11, 102, 112, 203, 213));
    }

    /**
     * Regression: slicing the table by the batch size ({@code table[0:B]}, viewed as {@code (B, 1, d)})
     * instead of the sequence length still broadcasts against {@code (B, T, d)} without any error, but
     * gives every token of sample b row b. Only the values show the difference.
     */
    @Test
    @Order(38)
    @DisplayName("addPositions gives token t of EVERY sample row t, not row b (slicing by batch still broadcasts)")
    void everySampleGetsRowTAtTokenT() {
        Tensor x = Tensor.zeros(2, 3, 2);                                              // (B = 2, T = 3, d = 2)
        Tensor table = Tensor.matrix(new double[] {0, 10}, new double[] {100, 110},
                new double[] {200, 210}, new double[] {300, 310});                     // (maxLen = 4, d = 2)

        Tensor out = Positions.addPositions(x, table);

        assertThatTensor(out).describedAs("positions count tokens, not samples: both samples get rows 0, 1, 2 "
                + "at tokens 0, 1, 2 (a table sliced by the batch index gives sample b row b at every token)")
                .isCloseTo(Tensor.of(new int[] {2, 3, 2}, 0, 10, 100, 110, 200, 210, 0, 10, 100, 110, 200, 210));
    }

    @Test
    @Order(39)
    @DisplayName("addPositions accepts a sequence exactly as long as the table")
    void aSequenceAsLongAsTheTableUsesEveryRow() {
        Tensor x = Tensor.zeros(1, 2, 2);                                           // (B = 1, T = 2, d = 2)
        Tensor table = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});     // (maxLen = 2, d = 2)

        Tensor out = Positions.addPositions(x, table);

        assertThatTensor(out).describedAs("T = maxLen = 2: positions 0 and 1 both have a row")
                .isCloseTo(Tensor.of(new int[] {1, 2, 2}, 1, 2, 3, 4));
    }

    @Test
    @Order(40)
    @DisplayName("addPositions reads the table through its strides and offset: a slice, a transpose, a broadcast row")
    void addPositionsReadsATableInAnyLayout() {
        Tensor x = Tensor.zeros(1, 2, 2);                                                  // (B = 1, T = 2, d = 2)
        // Rows 1 to 3 of [[9, 9], [0, 10], [100, 110], [200, 210]]: offset 2, strides (2, 1).
        Tensor slice = Tensor.strided(new double[] {9, 9, 0, 10, 100, 110, 200, 210}, new int[] {3, 2},
                new int[] {2, 1}, 2);
        // [[0, 10], [100, 110], [200, 210]] stored column by column, as the transpose of a (d, maxLen) matrix.
        Tensor transposed = Tensor.strided(new double[] {0, 100, 200, 10, 110, 210}, new int[] {3, 2},
                new int[] {1, 3}, 0);
        // One row [5, 6] repeated for every position: stride 0 on the row axis.
        Tensor repeated = Tensor.strided(new double[] {5, 6}, new int[] {3, 2}, new int[] {0, 1}, 0);

        Tensor fromSlice = Positions.addPositions(x, slice);
        Tensor fromTransposed = Positions.addPositions(x, transposed);
        Tensor fromRepeated = Positions.addPositions(x, repeated);

        Tensor firstTwoRows = Tensor.of(new int[] {1, 2, 2}, 0, 10, 100, 110);
        assertThatTensor(fromSlice).describedAs("a table that is a slice %s: row t is storage[2 + 2t ..], not"
                + " storage[2t ..]", slice).isCloseTo(firstTwoRows);
        assertThatTensor(fromTransposed).describedAs("a transposed table %s: keep its strides (1, 3) for the first"
                + " T rows, strides (d, 1) would read [0, 100] as row 0", transposed).isCloseTo(firstTwoRows);
        assertThatTensor(fromRepeated).describedAs("a broadcast table %s: every row is [5, 6]", repeated)
                .isCloseTo(Tensor.of(new int[] {1, 2, 2}, 5, 6, 5, 6));
    }

    @Test
    @Order(41)
    @DisplayName("addPositions leaves x and the table as they were and returns a fresh tensor")
    void addPositionsLeavesItsInputsAlone() {
        Tensor x = Tensor.of(new int[] {1, 2, 2}, 1, 2, 3, 4);
        Tensor table = Tensor.matrix(new double[] {10, 20}, new double[] {30, 40});
        Inputs inputs = Inputs.snapshot("x", x, "table", table);

        Tensor out = Positions.addPositions(x, table);

        inputs.assertUntouched();
        assertThatTensor(out).describedAs("x + table[0:T] in storage of its own: adding into x would destroy the"
                + " embeddings a residual connection needs").doesNotShareStorageWith(x).doesNotShareStorageWith(table)
                .hasStrides(4, 2, 1);
    }

    @Test
    @Order(42)
    @DisplayName("addPositions of an empty batch (B = 0) or an empty sequence (T = 0) is empty")
    void addPositionsOfAnEmptyBatchOrSequenceIsEmpty() {
        Tensor table = Tensor.matrix(new double[] {0, 10}, new double[] {100, 110});   // (maxLen = 2, d = 2)

        Tensor noSamples = Positions.addPositions(Tensor.zeros(0, 2, 2), table);
        Tensor noTokens = Positions.addPositions(Tensor.zeros(3, 0, 2), table);

        assertThatTensor(noSamples).describedAs("(B = 0, T = 2, d = 2): no sample, nothing to add").hasShape(0, 2, 2);
        assertThatTensor(noTokens).describedAs("(B = 3, T = 0, d = 2): the first 0 rows of the table")
                .hasShape(3, 0, 2);
    }

    @Test
    @Order(43)
    @DisplayName("addPositions fails when the sequence is longer than the table, naming both shapes")
    void addPositionsRejectsASequenceLongerThanTheTable() {
        Tensor x = Tensor.zeros(1, 5, 2);
        Tensor table = Tensor.zeros(4, 2);

        assertThatIllegalArgumentException()
                .describedAs("T = 5 positions but the table has rows only for positions 0 to 3")
                .isThrownBy(() -> Positions.addPositions(x, table))
                .withMessageContaining("[1, 5, 2]").withMessageContaining("[4, 2]");
    }

    @Test
    @Order(44)
    @DisplayName("addPositions fails when the feature sizes differ, naming both shapes")
    void addPositionsRejectsDifferentFeatureSizes() {
        Tensor x = Tensor.zeros(1, 2, 3);
        Tensor table = Tensor.zeros(4, 2);

        assertThatIllegalArgumentException()
                .describedAs("x has d = 3 features per token, the table d = 2")
                .isThrownBy(() -> Positions.addPositions(x, table))
                .withMessageContaining("[1, 2, 3]").withMessageContaining("[4, 2]");
    }

    @Test
    @Order(45)
    @DisplayName("addPositions fails when x is not a batch (B, T, d), naming its shape")
    void addPositionsRejectsAnUnbatchedInput() {
        Tensor x = Tensor.zeros(3, 2);
        Tensor table = Tensor.zeros(4, 2);

        assertThatIllegalArgumentException()
                .describedAs("x of shape (T, d) has no batch axis; addPositions takes (B, T, d)")
                .isThrownBy(() -> Positions.addPositions(x, table))
                .withMessageContaining("[3, 2]");
    }

    @Test
    @Order(46)
    @DisplayName("addPositions fails when the table is not a matrix (maxLen, d), naming its shape")
    void addPositionsRejectsATableThatIsNotAMatrix() {
        Tensor x = Tensor.zeros(1, 2, 2);
        Tensor vector = Tensor.zeros(4);
        Tensor rank3 = Tensor.zeros(4, 2, 1);

        assertThatIllegalArgumentException()
                .describedAs("a table of shape (4) has no feature axis; addPositions takes (maxLen, d)")
                .isThrownBy(() -> Positions.addPositions(x, vector))
                .withMessageContaining("table").withMessageContaining("[4]");
        assertThatIllegalArgumentException()
                .describedAs("a table of shape (4, 2, 1) has one axis too many; addPositions takes (maxLen, d)")
                .isThrownBy(() -> Positions.addPositions(x, rank3))
                .withMessageContaining("table").withMessageContaining("[4, 2, 1]");
    }
}
