package kata.support.testing;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.ToDoubleFunction;
import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GradientCheck: central differences name the parameter, the index and both values")
class GradientCheckTest {

    /** L(x) = sum of x_i^3, so dL/dx_i = 3 x_i^2. */
    private static final ToDoubleFunction<Tensor> CUBES = x -> {
        double sum = 0.0;
        for (int[] index : Indices.of(x.shape())) {
            sum += Math.pow(x.get(index), 3);
        }
        return sum;
    };

    @Test
    @DisplayName("the numerical gradient of a sum of cubes is 3 x^2, to about h^2")
    void numericalGradientOfCubes() {
        Tensor x = Tensor.matrix(new double[] {1, -2}, new double[] {0.5, 3});

        Tensor gradient = GradientCheck.numerical(CUBES, x);

        assertThatTensor(gradient).isCloseTo(Tensor.matrix(new double[] {3, 12}, new double[] {0.75, 27}), 1e-8);
    }

    @Test
    @DisplayName("any layout is read, and never modified: a broadcast view's elements move one at a time")
    void anyLayoutUntouched() {
        Tensor x = Tensor.strided(new double[] {Double.NaN, 2}, new int[] {2, 2}, new int[] {0, 0}, 1);
        Inputs inputs = Inputs.snapshot("x", x);

        Tensor gradient = GradientCheck.numerical(CUBES, x);

        inputs.assertUntouched();
        assertThatTensor(gradient).isCloseTo(Tensor.matrix(new double[] {12, 12}, new double[] {12, 12}), 1e-8);
    }

    @Test
    @DisplayName("a right gradient passes; a wrong one fails naming the parameter, the index and both values")
    void wrongGradientIsNamed() {
        Tensor x = Tensor.vector(1, 2);

        assertThatCode(() -> GradientCheck.assertGradient("x", CUBES, x, Tensor.vector(3, 12)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> GradientCheck.assertGradient("dx", CUBES, x, Tensor.vector(3, 11)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("gradient of dx at [1]: your backward pass gives 11.0, the central difference gives 12.0");
    }

    @Test
    @DisplayName("the tolerance is relative for large gradients and absolute near 0")
    void toleranceIsRelative() {
        ToDoubleFunction<Tensor> scaled = x -> 1e6 * x.get(0) + x.get(1);
        Tensor x = Tensor.vector(0, 0);

        assertThatCode(() -> GradientCheck.assertGradient("x", scaled, x, Tensor.vector(1e6 + 0.5, 1 + 5e-7)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> GradientCheck.assertGradient("x", scaled, x, Tensor.vector(1e6 + 5, 1)))
                .hasMessageContaining("at [0]");
        assertThatThrownBy(() -> GradientCheck.assertGradient("x", scaled, x, Tensor.vector(1e6, 1 + 5e-6)))
                .hasMessageContaining("at [1]");
    }

    @Test
    @DisplayName("a gradient of the wrong shape fails naming both shapes")
    void wrongShape() {
        assertThatThrownBy(() -> GradientCheck.assertGradient("dW", CUBES, Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("gradient of dW has shape [3, 2], but dW has shape [2, 3]");
    }

    @Test
    @DisplayName("dot is the sum of products and rejects two shapes")
    void dot() {
        Tensor a = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
        Tensor b = Tensor.matrix(new double[] {5, 6}, new double[] {7, 8});

        assertThat(GradientCheck.dot(a, b)).isEqualTo(70.0);
        assertThatIllegalArgumentException().isThrownBy(() -> GradientCheck.dot(a, Tensor.zeros(4)))
                .withMessageContaining("[2, 2]").withMessageContaining("[4]");
    }
}
