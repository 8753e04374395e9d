package kata.contiguity;

import static kata.contiguity.Layouts.numbered;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-03")
@Order(1)
@DisplayName("03 Contiguity: examples of strides and views")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContiguitySpec {

    /** The (2, 3) matrix [[1, 2, 3], [4, 5, 6]], fresh and row-major. */
    private static Tensor oneToSix() {
        return Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    }

    /** Rows 2 and 3 of a (4, 3) matrix over storage 0..11: shape (2, 3), strides (3, 1), offset 6. */
    private static Tensor lastTwoRows() {
        return Tensor.strided(numbered(12), new int[] {2, 3}, new int[] {3, 1}, 6);
    }

    // ---- row-major strides ----

    @Test
    @Order(1)
    @DisplayName("row-major strides of shape (2, 3) are (3, 1)")
    void rowMajorStridesOfAMatrix() {
        int[] strides = Strides.rowMajor(2, 3);

        assertThat(strides)
                .describedAs("row-major strides of shape [2, 3]: one step down a column skips a whole row "
                        + "of 3 elements, one step along a row moves to the next position")
                .containsExactly(3, 1);
    }

    @Test
    @Order(2)
    @DisplayName("each row-major stride is the product of the sizes after its axis: (2, 3, 4) -> (12, 4, 1)")
    void rowMajorStridesOfRankThree() {
        int[] strides = Strides.rowMajor(2, 3, 4);

        assertThat(strides)
                .describedAs("row-major strides of shape [2, 3, 4]: 3 * 4, then 4, then 1")
                .containsExactly(12, 4, 1);
    }

    @Test
    @Order(3)
    @DisplayName("a scalar, shape (), has no strides")
    void rowMajorStridesOfAScalarAreEmpty() {
        int[] strides = Strides.rowMajor();

        assertThat(strides).describedAs("a rank-0 tensor has no axes, so no strides").isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("a size-1 axis leaves the strides before it unchanged: (2, 1, 3) -> (3, 3, 1)")
    void rowMajorStridesOverASizeOneAxis() {
        int[] strides = Strides.rowMajor(2, 1, 3);

        assertThat(strides)
                .describedAs("row-major strides of shape [2, 1, 3]: 1 * 3, then 3, then 1")
                .containsExactly(3, 3, 1);
    }

    @Test
    @Order(5)
    @DisplayName("a size of 0 counts as 1, so strides stay positive: (2, 0, 3) -> (3, 3, 1)")
    void rowMajorStridesTreatASizeOfZeroAsOne() {
        int[] strides = Strides.rowMajor(2, 0, 3);

        assertThat(strides)
                .describedAs("row-major strides of shape [2, 0, 3], the convention of Tensor.of and "
                        + "PyTorch: an empty axis counts as size 1 when multiplying, never as 0")
                .containsExactly(3, 3, 1);
    }

    @Test
    @Order(6)
    @DisplayName("row-major strides are arithmetic on the shape: no storage is needed, even for 2^31 elements")
    void rowMajorStridesNeedNoStorage() {
        int[] strides = Strides.rowMajor(1024, 1024, 1024, 2);

        assertThat(strides)
                .describedAs("row-major strides of shape [1024, 1024, 1024, 2], computed from the sizes "
                        + "alone (no tensor can hold 2^31 elements, so none may be allocated to read them off)")
                .containsExactly(2_097_152, 2048, 2, 1);
    }

    // ---- storage positions ----

    @Test
    @Order(7)
    @DisplayName("the position of an index is the sum of index times stride: (1, 2) with strides (3, 1) -> 5")
    void positionIsTheSumOfIndexTimesStride() {
        int position = Strides.position(new int[] {2, 3}, new int[] {3, 1}, 0, 1, 2);

        assertThat(position).describedAs("position of index [1, 2]: 1 * 3 + 2 * 1").isEqualTo(5);
    }

    @Test
    @Order(8)
    @DisplayName("the position starts at the offset: (1, 2) with strides (3, 1) and offset 6 -> 11")
    void positionStartsAtTheOffset() {
        int position = Strides.position(new int[] {2, 3}, new int[] {3, 1}, 6, 1, 2);

        assertThat(position).describedAs("position of index [1, 2] at offset 6: 6 + 1 * 3 + 2 * 1").isEqualTo(11);
    }

    @Test
    @Order(9)
    @DisplayName("the position follows whatever strides the layout has: (2, 1) with strides (1, 3) -> 5")
    void positionFollowsAnyStrides() {
        int position = Strides.position(new int[] {3, 2}, new int[] {1, 3}, 0, 2, 1);

        assertThat(position).describedAs("position of index [2, 1] with strides [1, 3]: 2 * 1 + 1 * 3").isEqualTo(5);
    }

    @Test
    @Order(10)
    @DisplayName("a scalar's only element, index (), sits at the offset")
    void positionOfAScalarIsTheOffset() {
        int position = Strides.position(new int[0], new int[0], 4);

        assertThat(position).describedAs("position of the empty index of a scalar at offset 4").isEqualTo(4);
    }

    @Test
    @Order(11)
    @DisplayName("the position of an index in a tensor uses the tensor's own strides and offset")
    void positionOfATensorUsesItsLayout() {
        Tensor x = Tensor.strided(numbered(12), new int[] {3, 2}, new int[] {1, 3}, 2);

        int position = Strides.position(x, 2, 1);

        assertThat(position)
                .describedAs("position of index [2, 1] in %s: 2 + 2 * 1 + 1 * 3 (x.get(2, 1) reads %s there)",
                        x, x.get(2, 1))
                .isEqualTo(7);
    }

    @Test
    @Order(12)
    @DisplayName("the positions of a fresh tensor, in row-major index order, are 0, 1, 2, ...")
    void positionsOfAFreshTensorAreConsecutive() {
        int[] positions = Strides.positions(oneToSix());

        assertThat(positions)
                .describedAs("positions of a row-major (2, 3) tensor in the order (0,0) (0,1) (0,2) (1,0) (1,1) (1,2)")
                .containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    @Order(13)
    @DisplayName("the positions of a transposed layout jump: (3, 2) with strides (1, 3) -> 0, 3, 1, 4, 2, 5")
    void positionsOfATransposeJump() {
        Tensor x = Tensor.strided(numbered(6), new int[] {3, 2}, new int[] {1, 3}, 0);

        int[] positions = Strides.positions(x);

        assertThat(positions)
                .describedAs("positions of %s in row-major index order: the last index moves 3 positions", x)
                .containsExactly(0, 3, 1, 4, 2, 5);
    }

    @Test
    @Order(14)
    @DisplayName("the positions of a tensor at offset 6 start at 6")
    void positionsStartAtTheOffset() {
        int[] positions = Strides.positions(lastTwoRows());

        assertThat(positions)
                .describedAs("positions of the last two rows of a (4, 3) matrix: offset 6 onwards")
                .containsExactly(6, 7, 8, 9, 10, 11);
    }

    @Test
    @Order(15)
    @DisplayName("a tensor with no elements has no positions, whatever its layout")
    void positionsOfATensorWithNoElementsAreNone() {
        Tensor x = Tensor.strided(numbered(6), new int[] {2, 0, 3}, new int[] {3, 3, 1}, 2);

        int[] positions = Strides.positions(x);

        assertThat(positions)
                .describedAs("positions of %s: a size of 0 means no index at all, not the index (0, 0, 0)", x)
                .isEmpty();
    }

    // ---- transpose and permute ----

    @Test
    @Order(16)
    @DisplayName("transposing (2, 3) with strides (3, 1) gives (3, 2) with strides (1, 3)")
    void transposeSwapsShapeAndStrides() {
        Tensor t = Views.transpose(oneToSix(), 0, 1);

        assertThatTensor(t).describedAs("a transpose swaps the sizes and the strides of the two axes")
                .hasShape(3, 2).hasStrides(1, 3);
    }

    @Test
    @Order(17)
    @DisplayName("the transpose of [[1, 2, 3], [4, 5, 6]] reads [[1, 4], [2, 5], [3, 6]]")
    void transposeReadsTheTransposedElements() {
        Tensor t = Views.transpose(oneToSix(), 0, 1);

        assertThatTensor(t).describedAs("element [i, j] of the transpose is element [j, i] of the input")
                .isCloseTo(Tensor.matrix(new double[] {1, 4}, new double[] {2, 5}, new double[] {3, 6}));
    }

    @Test
    @Order(18)
    @DisplayName("a transpose is a view: it shares storage, and a write through it shows in the input")
    void transposeIsAViewOfTheSameStorage() {
        Tensor x = oneToSix();

        Tensor t = Views.transpose(x, 0, 1);
        t.set(60.0, 2, 1);

        assertThatTensor(t).sharesStorageWith(x);
        assertThat(x.get(1, 2)).describedAs("x[1, 2] after writing 60 at [2, 1] of its transpose").isEqualTo(60.0);
    }

    @Test
    @Order(19)
    @DisplayName("a transpose keeps the offset: the first element does not move")
    void transposeKeepsTheOffset() {
        Tensor t = Views.transpose(lastTwoRows(), 0, 1);

        assertThat(t.offset()).describedAs("offset of the transpose of a tensor at offset 6").isEqualTo(6);
        assertThatTensor(t).describedAs("transpose of rows [[6, 7, 8], [9, 10, 11]]")
                .isCloseTo(Tensor.matrix(new double[] {6, 9}, new double[] {7, 10}, new double[] {8, 11}));
    }

    @Test
    @Order(20)
    @DisplayName("negative axes count from the end: transpose(x, -2, -1) swaps the last two axes")
    void transposeAcceptsNegativeAxes() {
        Tensor t = Views.transpose(Tensor.zeros(2, 3, 4), -2, -1);

        assertThatTensor(t).describedAs("axes -2 and -1 of shape [2, 3, 4] are axes 1 and 2")
                .hasShape(2, 4, 3).hasStrides(12, 1, 4);
    }

    @Test
    @Order(21)
    @DisplayName("-rank is the first axis: transpose(x, -3, -1) of a (2, 3, 4) tensor swaps the first and the last")
    void transposeAcceptsMinusRankAsTheFirstAxis() {
        Tensor t = Views.transpose(Tensor.zeros(2, 3, 4), -3, -1);

        assertThatTensor(t).describedAs("axes -3 and -1 of shape [2, 3, 4] are axes 0 and 2")
                .hasShape(4, 3, 2).hasStrides(1, 4, 12);
    }

    @Test
    @Order(22)
    @DisplayName("permute(x, 1, 2, 0) takes axis order[i] into place i: (2, 3, 4) -> (3, 4, 2)")
    void permuteTakesAxisOrderIIntoPlaceI() {
        Tensor p = Views.permute(Tensor.zeros(2, 3, 4), 1, 2, 0);

        assertThatTensor(p).describedAs("axis i of permute(x, 1, 2, 0) is axis order[i] of x, "
                        + "with its size and its stride (strides of x: [12, 4, 1])")
                .hasShape(3, 4, 2).hasStrides(4, 1, 12);
    }

    @Test
    @Order(23)
    @DisplayName("a permute is a view: p[i, j, k] is x[k, i, j], from the same storage and offset")
    void permuteIsAView() {
        Tensor x = Tensor.strided(numbered(29), new int[] {2, 3, 4}, new int[] {12, 4, 1}, 5);

        Tensor p = Views.permute(x, 1, 2, 0);

        assertThatTensor(p).sharesStorageWith(x).hasShape(3, 4, 2);
        assertThat(p.offset()).describedAs("offset of a permute of a tensor at offset 5").isEqualTo(5);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 2; k++) {
                    assertThat(p.get(i, j, k)).describedAs("p[%d, %d, %d] must be x[%d, %d, %d]", i, j, k, k, i, j)
                            .isEqualTo(x.get(k, i, j));
                }
            }
        }
    }

    @Test
    @Order(24)
    @DisplayName("negative axes in an order count from the end: permute(x, -1, 0, 1) puts the last axis first")
    void permuteAcceptsNegativeAxes() {
        int[] order = {-1, 0, 1};

        Tensor p = Views.permute(Tensor.zeros(2, 3, 4), order);

        assertThatTensor(p).describedAs("axis -1 of shape [2, 3, 4] is axis 2, so the order is (2, 0, 1)")
                .hasShape(4, 2, 3).hasStrides(1, 12, 4);
        assertThat(order).describedAs("the caller's order, after the call: count from the end in a copy")
                .containsExactly(-1, 0, 1);
    }

    // ---- narrow ----

    @Test
    @Order(25)
    @DisplayName("narrow(x, 0, 2, 2) of a (4, 3) matrix is rows 2 and 3: a view at offset 6")
    void narrowKeepsARunOfRows() {
        Tensor x = Tensor.of(new int[] {4, 3}, numbered(12));

        Tensor rows = Views.narrow(x, 0, 2, 2);

        assertThatTensor(rows).describedAs("rows 2 and 3 of a (4, 3) matrix over 0..11")
                .isCloseTo(Tensor.matrix(new double[] {6, 7, 8}, new double[] {9, 10, 11}));
        assertThatTensor(rows).sharesStorageWith(x).hasStrides(3, 1);
        assertThat(rows.offset()).describedAs("offset of rows 2 and 3: 2 rows of 3 further on, 2 * 3").isEqualTo(6);
    }

    @Test
    @Order(26)
    @DisplayName("a narrow is a view: a write through it shows in the input")
    void narrowIsAViewOfTheSameStorage() {
        Tensor x = Tensor.of(new int[] {4, 3}, numbered(12));

        Tensor rows = Views.narrow(x, 0, 2, 2);
        rows.set(-1.0, 1, 2);

        assertThat(x.get(3, 2)).describedAs("x[3, 2] after writing -1 at [1, 2] of its rows 2 and 3").isEqualTo(-1.0);
    }

    @Test
    @Order(27)
    @DisplayName("narrow(x, 1, 1, 1) of a (4, 3) matrix is column 1: strides (3, 1), offset 1, not contiguous")
    void narrowToAColumnIsNotContiguous() {
        Tensor x = Tensor.of(new int[] {4, 3}, numbered(12));

        Tensor column = Views.narrow(x, 1, 1, 1);

        assertThatTensor(column).describedAs("column 1 of a (4, 3) matrix over 0..11, as a (4, 1) tensor")
                .hasStrides(3, 1)
                .isCloseTo(Tensor.of(new int[] {4, 1}, 1, 4, 7, 10));
        assertThat(column.offset()).describedAs("offset of column 1: one step along a row").isEqualTo(1);
        assertThat(Views.isContiguous(column))
                .describedAs("%s reads positions 1, 4, 7, 10: a stride of 3 between them", column)
                .isFalse();
    }

    @Test
    @Order(28)
    @DisplayName("a narrow moves the offset on from x's own offset, by start times the stride of the axis")
    void narrowAddsToTheOffset() {
        Tensor rows = lastTwoRows();

        Tensor block = Views.narrow(rows, 1, 1, 2);

        assertThat(block.offset()).describedAs("offset of columns 1..2 of %s: 6 + 1 * 1", rows).isEqualTo(7);
        assertThatTensor(block).describedAs("columns 1 and 2 of rows 2 and 3 of a (4, 3) matrix over 0..11")
                .isCloseTo(Tensor.matrix(new double[] {7, 8}, new double[] {10, 11}));
    }

    @Test
    @Order(29)
    @DisplayName("narrow takes negative axes: narrow(x, -1, 1, 2) narrows the last axis")
    void narrowAcceptsANegativeAxis() {
        Tensor x = Tensor.of(new int[] {4, 3}, numbered(12));

        Tensor block = Views.narrow(x, -1, 1, 2);

        assertThatTensor(block).describedAs("columns 1 and 2 of a (4, 3) matrix over 0..11 (axis -1 is axis 1)")
                .isCloseTo(Tensor.of(new int[] {4, 2}, 1, 2, 4, 5, 7, 8, 10, 11));
    }

    @Test
    @Order(30)
    @DisplayName("a run of length 0 gives an empty axis: narrow(x, 0, 4, 0) of a (4, 3) matrix is (0, 3)")
    void narrowToLengthZeroGivesAnEmptyAxis() {
        Tensor x = Tensor.of(new int[] {4, 3}, numbered(12));

        Tensor none = Views.narrow(x, 0, 4, 0);

        assertThatTensor(none).describedAs("no rows, starting just past the last one").hasShape(0, 3);
        assertThat(Strides.positions(none)).describedAs("positions of an empty narrow").isEmpty();
    }

    // ---- isContiguous ----

    @Test
    @Order(31)
    @DisplayName("a fresh row-major tensor is contiguous")
    void aFreshTensorIsContiguous() {
        assertThat(Views.isContiguous(oneToSix()))
                .describedAs("a (2, 3) tensor from Tensor.of: its elements sit at positions 0..5 in row-major order")
                .isTrue();
    }

    @Test
    @Order(32)
    @DisplayName("a transpose is not contiguous")
    void aTransposeIsNotContiguous() {
        Tensor t = Views.transpose(oneToSix(), 0, 1);

        assertThat(Views.isContiguous(t))
                .describedAs("%s reads positions 0, 3, 1, 4, 2, 5 in row-major order: not consecutive", t)
                .isFalse();
    }

    @Test
    @Order(33)
    @DisplayName("whole rows further on in storage are contiguous: the offset does not matter")
    void wholeRowsAtAnOffsetAreContiguous() {
        Tensor x = lastTwoRows();

        assertThat(Views.isContiguous(x))
                .describedAs("%s reads positions 6..11 in row-major order: consecutive, starting at the offset", x)
                .isTrue();
    }

    @Test
    @Order(34)
    @DisplayName("the stride of a size-1 axis does not matter: (2, 1, 3) with strides (3, 7, 1) is contiguous")
    void theStrideOfASizeOneAxisDoesNotMatter() {
        Tensor x = Tensor.strided(numbered(6), new int[] {2, 1, 3}, new int[] {3, 7, 1}, 0);

        assertThat(Views.isContiguous(x))
                .describedAs("shape [2, 1, 3] with strides %s: axis 1 only has index 0, so its stride 7 is "
                        + "only ever multiplied by 0; the elements sit at 0..5", Arrays.toString(x.strides()))
                .isTrue();
    }

    @Test
    @Order(35)
    @DisplayName("every other column is not contiguous, though its strides (6, 2) are non-increasing")
    void everyOtherColumnIsNotContiguous() {
        Tensor x = Tensor.strided(numbered(12), new int[] {2, 3}, new int[] {6, 2}, 0);

        assertThat(Views.isContiguous(x))
                .describedAs("%s reads positions 0, 2, 4, 6, 8, 10: gaps between them (strides that do not "
                        + "increase are not enough)", x)
                .isFalse();
    }

    @Test
    @Order(36)
    @DisplayName("one element repeated with stride 0 is not contiguous")
    void aRepeatedElementIsNotContiguous() {
        Tensor x = Tensor.strided(numbered(1), new int[] {3}, new int[] {0}, 0);

        assertThat(Views.isContiguous(x))
                .describedAs("%s reads position 0 three times, not positions 0, 1, 2", x)
                .isFalse();
    }

    @Test
    @Order(37)
    @DisplayName("a scalar is contiguous, wherever it sits")
    void aScalarIsContiguous() {
        Tensor x = Tensor.strided(numbered(5), new int[0], new int[0], 4);

        assertThat(Views.isContiguous(x)).describedAs("a scalar at offset 4: one element, at the offset").isTrue();
    }

    @Test
    @Order(38)
    @DisplayName("a tensor with no elements is contiguous, whatever its strides")
    void aTensorWithNoElementsIsContiguous() {
        Tensor x = Tensor.strided(new double[0], new int[] {2, 0}, new int[] {1, 2}, 0);

        assertThat(Views.isContiguous(x))
                .describedAs("%s has no elements, so none can be out of place", x)
                .isTrue();
    }

    // ---- contiguous ----

    @Test
    @Order(39)
    @DisplayName("contiguous() returns the very same tensor when it is already contiguous")
    void contiguousReturnsTheSameTensorWhenAlreadyContiguous() {
        Tensor x = oneToSix();

        assertThat(Views.contiguous(x)).describedAs("contiguous() of a fresh tensor: no copy is needed").isSameAs(x);
    }

    @Test
    @Order(40)
    @DisplayName("contiguous() returns the very same tensor for whole rows at an offset")
    void contiguousReturnsTheSameTensorForWholeRowsAtAnOffset() {
        Tensor x = lastTwoRows();

        assertThat(Views.contiguous(x))
                .describedAs("contiguous() of %s, which is contiguous at offset 6: no copy is needed", x)
                .isSameAs(x);
    }

    @Test
    @Order(41)
    @DisplayName("contiguous() copies a transpose into a fresh row-major storage [1, 4, 2, 5, 3, 6]")
    void contiguousCopiesATransposeIntoRowMajorOrder() {
        Tensor t = Views.transpose(oneToSix(), 0, 1);

        Tensor c = Views.contiguous(t);

        assertThatTensor(c).describedAs("the copy holds the same elements").isCloseTo(t);
        assertThatTensor(c).doesNotShareStorageWith(t).hasStrides(2, 1);
        assertThat(c.offset()).describedAs("offset of a fresh copy").isZero();
        assertThat(c.storage())
                .describedAs("storage of the copy: the elements of [[1, 4], [2, 5], [3, 6]] row after row")
                .containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    @Order(42)
    @DisplayName("contiguous() copies only the elements of a stepped layout at an offset")
    void contiguousGathersASteppedLayout() {
        Tensor x = Tensor.strided(numbered(12), new int[] {2, 2}, new int[] {6, 2}, 1);

        Tensor c = Views.contiguous(x);

        assertThat(c.storage())
                .describedAs("storage of the copy of %s: positions 1, 3, 7 and 9, nothing else", x)
                .containsExactly(1, 3, 7, 9);
    }

    @Test
    @Order(43)
    @DisplayName("contiguous() of a broadcast row, stride 0, writes the row out once per repeat")
    void contiguousCopiesABroadcastRow() {
        Tensor x = Tensor.strided(new double[] {1, 2}, new int[] {3, 2}, new int[] {0, 1}, 0);

        Tensor c = Views.contiguous(x);

        assertThat(c.storage())
                .describedAs("storage of the copy of %s: the row [1, 2] three times", x)
                .containsExactly(1, 2, 1, 2, 1, 2);
    }

    @Test
    @Order(44)
    @DisplayName("contiguous() returns a tensor with no elements as it is")
    void contiguousReturnsAnEmptyTensorAsItIs() {
        Tensor x = Tensor.strided(new double[0], new int[] {2, 0}, new int[] {1, 2}, 0);

        assertThat(Views.contiguous(x)).describedAs("contiguous() of %s, which is contiguous: no copy", x).isSameAs(x);
    }

    // ---- view ----

    @Test
    @Order(45)
    @DisplayName("viewing (2, 3) as (6) reads the rows one after the other, from the same storage")
    void viewFlattensRowByRow() {
        Tensor x = oneToSix();

        Tensor v = Views.view(x, 6);

        assertThatTensor(v).sharesStorageWith(x).hasStrides(1);
        assertThatTensor(v).describedAs("a view of a contiguous tensor reads its elements in row-major order")
                .isCloseTo(Tensor.vector(1, 2, 3, 4, 5, 6));
    }

    @Test
    @Order(46)
    @DisplayName("viewing (6) as (2, 3) cuts it into rows, with row-major strides (3, 1)")
    void viewCutsIntoRows() {
        Tensor x = Tensor.vector(1, 2, 3, 4, 5, 6);

        Tensor v = Views.view(x, 2, 3);

        assertThatTensor(v).sharesStorageWith(x).hasStrides(3, 1);
        assertThatTensor(v).describedAs("(6) viewed as (2, 3)").isCloseTo(oneToSix());
    }

    @Test
    @Order(47)
    @DisplayName("a view keeps the offset: viewing rows at offset 6 as (6) reads 6..11")
    void viewKeepsTheOffset() {
        Tensor v = Views.view(lastTwoRows(), 6);

        assertThat(v.offset()).describedAs("offset of a view of a tensor at offset 6").isEqualTo(6);
        assertThatTensor(v).describedAs("the last two rows of a (4, 3) matrix over 0..11, flattened")
                .isCloseTo(Tensor.vector(6, 7, 8, 9, 10, 11));
    }

    @Test
    @Order(48)
    @DisplayName("a tensor whose size-1 axis has an odd stride can be viewed")
    void viewOfASizeOneAxisWithAnOddStride() {
        Tensor x = Tensor.strided(numbered(6), new int[] {2, 1, 3}, new int[] {3, 7, 1}, 0);

        Tensor v = Views.view(x, 3, 2);

        assertThatTensor(v).describedAs("shape [2, 1, 3] with strides %s is contiguous, so it views as (3, 2)",
                        Arrays.toString(x.strides()))
                .isCloseTo(Tensor.matrix(new double[] {0, 1}, new double[] {2, 3}, new double[] {4, 5}));
    }

    @Test
    @Order(49)
    @DisplayName("a tensor with no elements can be reshaped by view to any shape with no elements: (2, 0) -> (0, 5)")
    void viewOfATensorWithNoElements() {
        Tensor x = Tensor.zeros(2, 0);

        Tensor v = Views.view(x, 0, 5);

        assertThatTensor(v).describedAs("(2, 0) reshaped by view to (0, 5), with its row-major strides")
                .sharesStorageWith(x).hasShape(0, 5).hasStrides(5, 1);
    }

    @Test
    @Order(50)
    @DisplayName("rowMajor returns a new array every call: a caller who edits one does not change the next")
    void rowMajorReturnsANewArrayEveryCall() {
        int[] first = Strides.rowMajor(2, 3);
        first[0] = 99;

        int[] second = Strides.rowMajor(2, 3);

        assertThat(second).describedAs("the strides of (2, 3) asked again after the first answer was edited")
                .containsExactly(3, 1);
    }

    @Test
    @Order(51)
    @DisplayName("each copy contiguous() makes has storage of its own: a later copy leaves an earlier one alone")
    void contiguousCopiesAreIndependent() {
        Tensor first = Views.contiguous(Views.transpose(Tensor.of(new int[] {2, 3}, numbered(6)), 0, 1));

        Tensor second = Views.contiguous(Views.transpose(Tensor.of(new int[] {2, 3}, 6, 7, 8, 9, 10, 11), 0, 1));

        assertThat(first.sharesStorageWith(second)).describedAs("two copies share storage").isFalse();
        assertThatTensor(first).describedAs("the first copy, the transpose of [[0, 1, 2], [3, 4, 5]], after a second copy")
                .isCloseTo(Tensor.matrix(new double[] {0, 3}, new double[] {1, 4}, new double[] {2, 5}));
    }
}
