package kata.contiguity;

import static kata.contiguity.Layouts.numbered;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every error the Javadoc promises, each with the argument named in the message. Where a missing
 * check would not fail on its own (a run of storage that goes on, a count that divides anyway),
 * the input is chosen so that the unchecked code returns a wrong answer instead of crashing.
 */
@Tag("kata-03")
@Order(3)
@DisplayName("03 Contiguity: errors")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContiguityErrorsSpec {

    /** A (4, 3) matrix over storage 0..11, fresh and row-major. */
    private static Tensor fourByThree() {
        return Tensor.of(new int[] {4, 3}, numbered(12));
    }

    /** Rows 0 and 1 of a (4, 3) matrix: shape (2, 3) at offset 0, with storage for two more rows after it. */
    private static Tensor firstTwoRows() {
        return Tensor.strided(new double[12], new int[] {2, 3}, new int[] {3, 1}, 0);
    }

    // ---- Strides ----

    @Test
    @Order(1)
    @DisplayName("a negative size is rejected, naming the shape")
    void rowMajorRejectsANegativeSize() {
        assertThatIllegalArgumentException()
                .describedAs("a size of -1 has no strides; the message must name the shape [2, -1]")
                .isThrownBy(() -> Strides.rowMajor(2, -1))
                .withMessageContaining("[2, -1]");
    }

    @Test
    @Order(2)
    @DisplayName("shape and strides of different lengths are rejected, naming both")
    void positionRejectsShapeAndStridesOfDifferentLengths() {
        assertThatIllegalArgumentException()
                .describedAs("shape [2, 3] has two axes but strides [3, 1, 1] three: no layout has both "
                        + "(without a check, the index [1, 2] silently gets a position)")
                .isThrownBy(() -> Strides.position(new int[] {2, 3}, new int[] {3, 1, 1}, 0, 1, 2))
                .withMessageContaining("[2, 3]")
                .withMessageContaining("[3, 1, 1]");
    }

    @Test
    @Order(3)
    @DisplayName("an index with the wrong number of coordinates is rejected, naming the index and the shape")
    void positionRejectsAnIndexOfTheWrongRank() {
        assertThatIllegalArgumentException()
                .describedAs("index [1] has one coordinate, shape [2, 3] has two axes")
                .isThrownBy(() -> Strides.position(new int[] {2, 3}, new int[] {3, 1}, 0, 1))
                .withMessageContaining("[1]")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(4)
    @DisplayName("an index beyond the shape is rejected, naming the index and the shape")
    void positionRejectsACoordinateOutOfRange() {
        assertThatIllegalArgumentException()
                .describedAs("index [2, 0] of shape [2, 3]: axis 0 only has indices 0 and 1")
                .isThrownBy(() -> Strides.position(new int[] {2, 3}, new int[] {3, 1}, 0, 2, 0))
                .withMessageContaining("[2, 0]")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(5)
    @DisplayName("a negative coordinate is rejected, naming the index and the shape")
    void positionRejectsANegativeCoordinate() {
        assertThatIllegalArgumentException()
                .describedAs("index [-1, 2] of shape [2, 3]: coordinates start at 0 (without the check "
                        + "its position is -3 + 2 = -1, before the storage)")
                .isThrownBy(() -> Strides.position(new int[] {2, 3}, new int[] {3, 1}, 0, -1, 2))
                .withMessageContaining("[-1, 2]")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(6)
    @DisplayName("an index outside a tensor is rejected, naming the index and the tensor's shape")
    void positionInATensorRejectsACoordinateOutOfRange() {
        Tensor x = firstTwoRows();

        assertThatIllegalArgumentException()
                .describedAs("index [0, 3] of a (2, 3) tensor: axis 1 only has indices 0, 1 and 2")
                .isThrownBy(() -> Strides.position(x, 0, 3))
                .withMessageContaining("[0, 3]")
                .withMessageContaining("[2, 3]");
    }

    // ---- transpose and permute ----

    @Test
    @Order(7)
    @DisplayName("transposing an axis beyond the rank is rejected, naming the axis and the shape")
    void transposeRejectsAnAxisOutOfRange() {
        assertThatIllegalArgumentException()
                .describedAs("a (4, 5) tensor has axes -2 to 1; axis 2, the rank, is one past the last")
                .isThrownBy(() -> Views.transpose(Tensor.zeros(4, 5), 0, 2))
                .withMessageContaining("axis 2")
                .withMessageContaining("[4, 5]");
    }

    @Test
    @Order(8)
    @DisplayName("a negative axis beyond -rank is rejected, naming the axis and the shape")
    void transposeRejectsANegativeAxisBeyondTheRank() {
        assertThatIllegalArgumentException()
                .describedAs("a (4, 5) tensor has axes -2 to 1; -3 would be the third axis from the end")
                .isThrownBy(() -> Views.transpose(Tensor.zeros(4, 5), -3, 0))
                .withMessageContaining("-3")
                .withMessageContaining("[4, 5]");
    }

    @Test
    @Order(9)
    @DisplayName("a scalar has no axes to transpose")
    void transposeRejectsAScalar() {
        assertThatIllegalArgumentException()
                .describedAs("a scalar, shape [], has no axis 0 (nor -1)")
                .isThrownBy(() -> Views.transpose(Tensor.scalar(1.0), 0, -1))
                .withMessageContaining("[]");
    }

    @Test
    @Order(10)
    @DisplayName("an order that repeats an axis is not a permutation, and is rejected")
    void permuteRejectsARepeatedAxis() {
        assertThatIllegalArgumentException()
                .describedAs("order [0, 0] takes axis 0 twice and axis 1 never")
                .isThrownBy(() -> Views.permute(Tensor.zeros(2, 3), 0, 0))
                .withMessageContaining("[0, 0]")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(11)
    @DisplayName("an order that names one axis twice, once counted from the end, is rejected")
    void permuteRejectsAnAxisRepeatedAsANegativeAxis() {
        assertThatIllegalArgumentException()
                .describedAs("for a (2, 3) tensor, axis -2 is axis 0: order [0, -2] takes it twice")
                .isThrownBy(() -> Views.permute(Tensor.zeros(2, 3), 0, -2))
                .withMessageContaining("[0, -2]")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(12)
    @DisplayName("an order with a negative axis beyond -rank is rejected, naming the order and the shape")
    void permuteRejectsANegativeAxisBeyondTheRank() {
        assertThatIllegalArgumentException()
                .describedAs("a (2, 3) tensor has axes -2 to 1: -3 counted from the end is still before axis 0")
                .isThrownBy(() -> Views.permute(Tensor.zeros(2, 3), 0, -3))
                .withMessageContaining("[0, -3]")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(13)
    @DisplayName("an order with an axis beyond the rank is rejected, naming the order and the shape")
    void permuteRejectsAnAxisOutOfRange() {
        assertThatIllegalArgumentException()
                .describedAs("a (2, 3) tensor has axes -2 to 1: order [0, 2] names an axis it does not have")
                .isThrownBy(() -> Views.permute(Tensor.zeros(2, 3), 0, 2))
                .withMessageContaining("[0, 2]")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(14)
    @DisplayName("an order with more axes than the tensor has is rejected")
    void permuteRejectsAnOrderOfTheWrongLength() {
        assertThatIllegalArgumentException()
                .describedAs("order [1, 0, 2] has three entries, a (2, 3) tensor two axes")
                .isThrownBy(() -> Views.permute(Tensor.zeros(2, 3), 1, 0, 2))
                .withMessageContaining("[1, 0, 2]")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(15)
    @DisplayName("an order with fewer axes than the tensor has is incomplete, and rejected")
    void permuteRejectsAnIncompleteOrder() {
        assertThatIllegalArgumentException()
                .describedAs("order [1] leaves out axis 0 of a (2, 3) tensor: a permute keeps every axis")
                .isThrownBy(() -> Views.permute(Tensor.zeros(2, 3), 1))
                .withMessageContaining("[1]")
                .withMessageContaining("[2, 3]");
    }

    // ---- narrow ----

    @Test
    @Order(16)
    @DisplayName("narrowing an axis the tensor does not have is rejected, naming the axis and the shape")
    void narrowRejectsAnAxisOutOfRange() {
        assertThatIllegalArgumentException()
                .describedAs("a (4, 3) tensor has axes -2 to 1; axis 5 does not exist")
                .isThrownBy(() -> Views.narrow(fourByThree(), 5, 0, 1))
                .withMessageContaining("5")
                .withMessageContaining("[4, 3]");
    }

    @Test
    @Order(17)
    @DisplayName("a run past the end of the axis is rejected, even where the storage goes on")
    void narrowRejectsARunPastTheEndOfTheAxis() {
        Tensor x = firstTwoRows();

        assertThatIllegalArgumentException()
                .describedAs("rows 1 and 2 of a (2, 3) tensor: it has no row 2 (its storage goes on for two more "
                        + "rows, so only a check of start + length against the size catches this)")
                .isThrownBy(() -> Views.narrow(x, 0, 1, 2))
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(18)
    @DisplayName("a negative start is rejected, even where the storage has room before the offset")
    void narrowRejectsANegativeStart() {
        Tensor x = Tensor.strided(new double[12], new int[] {2, 3}, new int[] {3, 1}, 6);

        assertThatIllegalArgumentException()
                .describedAs("start -1 on axis 0 of rows 2 and 3 of a (4, 3) matrix: indices start at 0 "
                        + "(without a check the view would silently start at row 1 of the storage)")
                .isThrownBy(() -> Views.narrow(x, 0, -1, 2))
                .withMessageContaining("-1")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(19)
    @DisplayName("a negative length is rejected, naming the shape")
    void narrowRejectsANegativeLength() {
        assertThatIllegalArgumentException()
                .describedAs("a run of -1 indices of a (4, 3) tensor does not exist; 0 would be an empty run")
                .isThrownBy(() -> Views.narrow(fourByThree(), 0, 1, -1))
                .withMessageContaining("-1")
                .withMessageContaining("[4, 3]");
    }

    // ---- view ----

    @Test
    @Order(20)
    @DisplayName("a view to a shape with a negative size is rejected, naming the shape")
    void viewRejectsANegativeSize() {
        assertThatIllegalArgumentException()
                .describedAs("(-2, -3) multiplies out to 6, as (2, 3) does, but no axis has -2 indices")
                .isThrownBy(() -> Views.view(firstTwoRows(), -2, -3))
                .withMessageContaining("[-2, -3]");
    }

    @Test
    @Order(21)
    @DisplayName("a view to a shape with more elements is rejected, naming both shapes")
    void viewRejectsMoreElements() {
        assertThatIllegalArgumentException()
                .describedAs("(2, 3) holds 6 elements, (4, 2) would need 8")
                .isThrownBy(() -> Views.view(firstTwoRows(), 4, 2))
                .withMessageContaining("[2, 3]")
                .withMessageContaining("[4, 2]");
    }

    @Test
    @Order(22)
    @DisplayName("a view to a shape with fewer elements is rejected too: a view reshapes, it does not cut")
    void viewRejectsFewerElements() {
        assertThatIllegalArgumentException()
                .describedAs("(2, 3) holds 6 elements, (2, 2) only 4: reading the first 4 silently drops two")
                .isThrownBy(() -> Views.view(firstTwoRows(), 2, 2))
                .withMessageContaining("[2, 3]")
                .withMessageContaining("[2, 2]");
    }

    @Test
    @Order(23)
    @DisplayName("a tensor that is not contiguous cannot be reshaped by view, and the message says to call contiguous()")
    void viewRefusesATensorThatIsNotContiguous() {
        Tensor t = Views.transpose(Tensor.zeros(2, 3), 0, 1);

        assertThatIllegalArgumentException()
                .describedAs("the transpose %s reads its storage out of row-major order", t)
                .isThrownBy(() -> Views.view(t, 6))
                .withMessageContaining("contiguous()")
                .withMessageContaining("[3, 2]");
    }

    // ---- heads ----

    @Test
    @Order(24)
    @DisplayName("splitting d = 10 into 4 heads is rejected, naming d and the number of heads")
    void splitRejectsAWidthNotDivisibleByTheHeads() {
        assertThatIllegalArgumentException()
                .describedAs("10 columns do not split into 4 heads of equal width: check d % numHeads "
                        + "(a later view to (3, 4, 2) would fail too, but about 24 elements, not about the heads)")
                .isThrownBy(() -> Heads.split(Tensor.zeros(3, 10), 4))
                .withMessageContaining("10")
                .withMessageContaining("numHeads");
    }

    @Test
    @Order(25)
    @DisplayName("splitting into 0 heads is rejected, naming numHeads and the shape, not an ArithmeticException")
    void splitRejectsZeroHeads() {
        assertThatIllegalArgumentException()
                .describedAs("numHeads = 0: check it before d % numHeads, which divides by zero")
                .isThrownBy(() -> Heads.split(Tensor.zeros(3, 4), 0))
                .withMessageContaining("numHeads")
                .withMessageContaining("[3, 4]");
    }

    @Test
    @Order(26)
    @DisplayName("a negative number of heads is rejected, naming numHeads and the shape")
    void splitRejectsANegativeNumberOfHeads() {
        assertThatIllegalArgumentException()
                .describedAs("numHeads = -2: 4 % -2 == 0, so only a check that numHeads is positive catches it")
                .isThrownBy(() -> Heads.split(Tensor.zeros(3, 4), -2))
                .withMessageContaining("numHeads")
                .withMessageContaining("[3, 4]");
    }

    @Test
    @Order(27)
    @DisplayName("split needs a matrix (T, d): a rank-3 tensor is rejected, naming its shape")
    void splitRejectsATensorThatIsNotAMatrix() {
        assertThatIllegalArgumentException()
                .describedAs("shape [2, 4, 1] is not (T, d) (without a rank check it would split as if it were (2, 4))")
                .isThrownBy(() -> Heads.split(Tensor.zeros(2, 4, 1), 2))
                .withMessageContaining("[2, 4, 1]");
    }

    @Test
    @Order(28)
    @DisplayName("merge needs heads (h, T, d_k): a matrix is rejected, naming its shape")
    void mergeRejectsAMatrix() {
        assertThatIllegalArgumentException()
                .describedAs("shape [3, 4] is not (h, T, d_k)")
                .isThrownBy(() -> Heads.merge(Tensor.zeros(3, 4)))
                .withMessageContaining("[3, 4]");
    }

    @Test
    @Order(29)
    @DisplayName("merge needs heads (h, T, d_k): a rank-4 tensor is rejected, naming its shape")
    void mergeRejectsARankFourTensor() {
        assertThatIllegalArgumentException()
                .describedAs("shape [2, 3, 2, 1] is not (h, T, d_k) (without a rank check it would merge as "
                        + "if it were (2, 3, 2))")
                .isThrownBy(() -> Heads.merge(Tensor.zeros(2, 3, 2, 1)))
                .withMessageContaining("[2, 3, 2, 1]");
    }

    @Test
    @Order(30)
    @DisplayName("transpose checks its axes even when both are the same: axis 2 of a matrix is rejected")
    void transposeChecksAnAxisNamedTwice() {
        assertThatIllegalArgumentException()
                .describedAs("transpose(x, 2, 2) of shape [4, 3]: swapping an axis with itself changes nothing, but axis 2"
                        + " does not exist")
                .isThrownBy(() -> Views.transpose(fourByThree(), 2, 2))
                .withMessageContaining("2").withMessageContaining("[4, 3]");
    }

    @Test
    @Order(31)
    @DisplayName("narrow rejects a length so large that start + length overflows an int, naming it and the shape")
    void narrowRejectsALengthThatOverflows() {
        assertThatIllegalArgumentException()
                .describedAs("narrow(x, 0, 1, Integer.MAX_VALUE) of shape [4, 3]: 1 + 2147483647 wraps to a negative int")
                .isThrownBy(() -> Views.narrow(fourByThree(), 0, 1, Integer.MAX_VALUE))
                .withMessageContaining(String.valueOf(Integer.MAX_VALUE)).withMessageContaining("[4, 3]");
    }

    @Test
    @Order(32)
    @DisplayName("an empty index is a scalar's: for a matrix it is rejected, naming the shape")
    void positionRejectsAnEmptyIndexOfAMatrix() {
        assertThatIllegalArgumentException()
                .describedAs("index () of shape [4, 3] has no coordinate for either axis")
                .isThrownBy(() -> Strides.position(fourByThree()))
                .withMessageContaining("[4, 3]");
    }

    @Test
    @Order(33)
    @DisplayName("view refuses a tensor that is not contiguous even when the new shape is its own shape")
    void viewRefusesATransposeToItsOwnShape() {
        Tensor transposed = Views.transpose(fourByThree(), 0, 1); // (3, 4), strides (1, 3)

        assertThatIllegalArgumentException()
                .describedAs("view of the transpose [3, 4] to (3, 4): the same shape, but not row-major in storage,"
                        + " so a view would need row-major strides it does not have")
                .isThrownBy(() -> Views.view(transposed, 3, 4))
                .withMessageContaining("[3, 4]").withMessageContaining("contiguous()");
    }
}
