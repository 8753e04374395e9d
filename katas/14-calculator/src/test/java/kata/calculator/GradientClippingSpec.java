package kata.calculator;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.MatrixLayouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-14")
@Order(7)
@DisplayName("14 Calculator: gradient clipping by global norm")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GradientClippingSpec {

    @Test
    @Order(1)
    @DisplayName("the norm is taken over all gradients together: [3] and [4] have global norm 5")
    void oneNormOverEveryTensor() {
        List<Tensor> gradients = List.of(Tensor.vector(3.0), Tensor.vector(4.0));

        double norm = GradientClipping.clip(gradients, 10.0);

        assertThat(norm).describedAs("sqrt(3^2 + 4^2) over both tensors").isCloseTo(5.0, within(Tolerance.DEFAULT));
    }

    @Test
    @Order(2)
    @DisplayName("above maxNorm every gradient is scaled by the same maxNorm / norm, so the update keeps its direction")
    void aboveTheLimitEveryGradientIsScaledByTheSameFactor() {
        Tensor first = Tensor.vector(3.0, 0.0);
        Tensor second = Tensor.matrix(new double[] {0.0}, new double[] {4.0});
        List<Tensor> gradients = new ArrayList<>(List.of(first, second));

        double norm = GradientClipping.clip(gradients, 1.0);

        assertThat(norm).describedAs("the norm before clipping").isCloseTo(5.0, within(Tolerance.DEFAULT));
        assertThatTensor(first).describedAs("scaled in place by 1 / 5; clipping each tensor by its own norm would give [1, 0]")
                .isCloseTo(Tensor.vector(0.6, 0.0));
        assertThatTensor(second).describedAs("scaled in place by the same 1 / 5").isCloseTo(Tensor.matrix(new double[] {0.0},
                new double[] {0.8}));
        assertThat(gradients).describedAs("the list itself").containsExactly(first, second);
    }

    @Test
    @Order(3)
    @DisplayName("at or under maxNorm nothing changes, and infinity never clips")
    void gradientsUnderTheLimitStayAsTheyAre() {
        Tensor gradient = Tensor.vector(3.0, 4.0);

        assertThat(GradientClipping.clip(List.of(gradient), 5.0)).isCloseTo(5.0, within(Tolerance.DEFAULT));
        assertThatTensor(gradient).describedAs("norm 5 is not above maxNorm 5").isCloseTo(Tensor.vector(3.0, 4.0), 0.0);
        assertThat(GradientClipping.clip(List.of(gradient), 6.0)).isCloseTo(5.0, within(Tolerance.DEFAULT));
        assertThatTensor(gradient).isCloseTo(Tensor.vector(3.0, 4.0), 0.0);
        GradientClipping.clip(List.of(gradient), Double.POSITIVE_INFINITY);
        assertThatTensor(gradient).isCloseTo(Tensor.vector(3.0, 4.0), 0.0);
    }

    @Test
    @Order(4)
    @DisplayName("gradients of 1e150 give norm 5e150, and no gradient gives norm 0")
    void largeAndEmptyGradients() {
        Tensor big = Tensor.vector(3e150, 4e150);

        assertThat(GradientClipping.clip(List.of(big), 1.0)).describedAs("squares of 1e150 stay finite in double, up to 1e308")
                .isCloseTo(5e150, within(1e150 * Tolerance.DEFAULT));
        assertThatTensor(big).isCloseTo(Tensor.vector(0.6, 0.8));
        assertThat(GradientClipping.clip(List.of(), 1.0)).describedAs("no gradient at all").isZero();
        assertThat(GradientClipping.clip(List.of(Tensor.zeros(0, 3), Tensor.zeros(2)), 1.0)).isZero();
    }

    @Test
    @Order(5)
    @DisplayName("gradients are read and scaled through their own layouts")
    void gradientsAreReadThroughTheirLayouts() {
        Tensor transposed = MatrixLayouts.transposedLayout(new double[][] {{3, 0}, {0, 0}});
        Tensor stepped = MatrixLayouts.steppedLayout(new double[] {0, 4});

        double norm = GradientClipping.clip(List.of(transposed, stepped), 2.5);

        assertThat(norm).isCloseTo(5.0, within(Tolerance.DEFAULT));
        assertThatTensor(transposed).isCloseTo(Tensor.matrix(new double[] {1.5, 0}, new double[] {0, 0})).hasStrides(1, 2);
        assertThatTensor(stepped).isCloseTo(Tensor.vector(0, 2));
        assertThat(stepped.storage()[0]).describedAs("the gaps of a stepped layout are not gradients: they stay NaN").isNaN();
    }

    @Test
    @Order(6)
    @DisplayName("maxNorm not above 0, or NaN, is rejected, naming maxNorm")
    void badLimitsAreRejected() {
        List<Tensor> gradients = List.of(Tensor.vector(1.0));
        assertThatIllegalArgumentException().describedAs("a limit of 0 would scale every gradient to 0")
                .isThrownBy(() -> GradientClipping.clip(gradients, 0.0)).withMessageContaining("maxNorm");
        assertThatIllegalArgumentException().describedAs("a negative limit")
                .isThrownBy(() -> GradientClipping.clip(gradients, -1.0)).withMessageContaining("maxNorm");
        assertThatIllegalArgumentException().describedAs("NaN is no limit")
                .isThrownBy(() -> GradientClipping.clip(gradients, Double.NaN)).withMessageContaining("maxNorm");
    }
}
