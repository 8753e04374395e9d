package kata.support.testing;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TensorAssert: failures that teach")
class TensorAssertTest {

    @Test
    @DisplayName("a value mismatch names the first and largest difference with coordinates, and both tensors")
    void valueMismatch() {
        Tensor expected = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Tensor actual = Tensor.matrix(new double[] {1, 2, 3.5}, new double[] {4, 5, 7});

        assertThatThrownBy(() -> assertThatTensor(actual).describedAs("row sums").isCloseTo(expected))
                .hasMessageContaining("[row sums]")
                .hasMessageContaining("2 of 6 differ")
                .hasMessageContaining("first difference at [0, 2]: expected 3.0 but was 3.5")
                .hasMessageContaining("largest difference at [1, 2]: expected 6.0 but was 7.0 (difference 1)")
                .hasMessageContaining("expected: shape [2, 3] [[1, 2, 3], [4, 5, 6]]");
    }

    @Test
    @DisplayName("a shape mismatch says both shapes")
    void shapeMismatch() {
        assertThatThrownBy(() -> assertThatTensor(Tensor.zeros(2, 1)).isCloseTo(Tensor.zeros(2)))
                .hasMessageContaining("Expected shape [2] but was [2, 1]");
    }

    @Test
    @DisplayName("NaN never passes as close, and isFinite points at it")
    void nan() {
        Tensor withNaN = Tensor.vector(1, Double.NaN);

        assertThatThrownBy(() -> assertThatTensor(withNaN).isCloseTo(Tensor.vector(1, 2)))
                .hasMessageContaining("[1]: expected 2.0 but was NaN");
        assertThatThrownBy(() -> assertThatTensor(withNaN).isFinite()).hasMessageContaining("element [1] is NaN");
    }

    @Test
    @DisplayName("a NaN is named as yours or the expected one, never \"expected NaN but was NaN\"")
    void whichValueIsNaN() {
        Tensor withNaN = Tensor.vector(1, Double.NaN);

        assertThatThrownBy(() -> assertThatTensor(withNaN).isCloseTo(Tensor.vector(1, 2)))
                .hasMessageContaining("your value is not a number").hasMessageNotContaining("difference NaN");
        assertThatThrownBy(() -> assertThatTensor(Tensor.vector(1, 2)).isCloseTo(withNaN))
                .hasMessageContaining("[1]: the expected value is NaN").hasMessageContaining("but yours is 2.0")
                .hasMessageNotContaining("difference NaN");
        assertThatThrownBy(() -> assertThatTensor(withNaN).isCloseTo(Tensor.vector(1, Double.NaN)))
                .hasMessageContaining("[1]: your value is NaN, and so is the expected one")
                .hasMessageNotContaining("expected NaN but was NaN").hasMessageNotContaining("difference NaN");
    }

    @Test
    @DisplayName("a copy where a view was expected is called a copy")
    void storage() {
        Tensor input = Tensor.zeros(2);

        assertThatThrownBy(() -> assertThatTensor(Tensor.zeros(2)).sharesStorageWith(input))
                .hasMessageContaining("a copy was made");
        assertThatThrownBy(() -> assertThatTensor(input).doesNotShareStorageWith(input))
                .hasMessageContaining("shares storage with the input");
    }
}
