package kata.backprop;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.Tensor;
import kata.support.testing.Inputs;
import kata.support.testing.MatrixLayouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-13")
@Order(2)
@DisplayName("13 Backpropagation: ReLU and softmax")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivationBackwardSpec {

    @Test
    @Order(1)
    @DisplayName("ReLU passes dy where x is positive and blocks it where x is negative")
    void reluPassesDyWherePositive() {
        Tensor dx = ReluBackward.backward(Tensor.vector(-1, 2, -3, 4), Tensor.vector(5, 6, 7, 8));

        assertThatTensor(dx).describedAs("relu'(x) is 1 for x > 0 and 0 for x < 0").isCloseTo(Tensor.vector(0, 6, 0, 8));
    }

    @Test
    @Order(2)
    @DisplayName("ReLU's gradient at exactly 0 is 0 (the stated subgradient)")
    void theGradientAtZeroIsZero() {
        Tensor dx = ReluBackward.backward(Tensor.vector(0, 0.0), Tensor.vector(5, 6));

        assertThatTensor(dx).describedAs("at x = 0 the convention (PyTorch's) is a gradient of 0").isCloseTo(Tensor.vector(0, 0));
    }

    @Test
    @Order(3)
    @DisplayName("ReLU reads x and dy through any layout, modifies neither, and works on scalars and empty tensors")
    void xAndDyAreNotModified() {
        Tensor x = MatrixLayouts.transposedLayout(new double[][] {{-1, 2}, {3, -4}});
        Tensor dy = MatrixLayouts.broadcastRow(new double[] {5, 6}, 2);
        Inputs inputs = Inputs.snapshot("x", x, "dy", dy);

        Tensor dx = ReluBackward.backward(x, dy);

        inputs.assertUntouched();
        assertThatTensor(dx).describedAs("relu applied to x in place would change the caller's activations")
                .isCloseTo(Tensor.matrix(new double[] {0, 6}, new double[] {5, 0})).hasStrides(2, 1)
                .doesNotShareStorageWith(x).doesNotShareStorageWith(dy);
        assertThatTensor(ReluBackward.backward(Tensor.scalar(3), Tensor.scalar(2))).isCloseTo(Tensor.scalar(2));
        assertThatTensor(ReluBackward.backward(Tensor.zeros(0, 3), Tensor.zeros(0, 3))).hasShape(0, 3);
    }

    @Test
    @Order(4)
    @DisplayName("ReLU returns a fresh dx even when every x is positive and dx equals dy")
    void reluReturnsAFreshDxWhenEveryXIsPositive() {
        Tensor x = Tensor.vector(1, 2, 3);
        Tensor dy = Tensor.vector(5, 6, 7);

        Tensor dx = ReluBackward.backward(x, dy);
        dx.set(-1, 0);

        assertThatTensor(dx).describedAs("with nothing to block dx has dy's values, but it is a fresh tensor: returning"
                + " dy itself lets whoever updates dx change the gradient still flowing to the layer below")
                .hasStrides(1).doesNotShareStorageWith(dy).doesNotShareStorageWith(x);
        assertThatTensor(dy).describedAs("dy after writing -1 into dx[0]: it must not have changed")
                .isCloseTo(Tensor.vector(5, 6, 7));
    }

    @Test
    @Order(5)
    @DisplayName("ReLU rejects a dy of another shape")
    void reluRejectsMismatchedShapes() {
        assertThatIllegalArgumentException().describedAs("dy must have x's shape")
                .isThrownBy(() -> ReluBackward.backward(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .withMessageContaining("dy").withMessageContaining("[3, 2]").withMessageContaining("[2, 3]");
    }

    @Test
    @Order(6)
    @DisplayName("softmax of two logits: s = [0.25, 0.75], dy = [1, 0] gives dx = [0.1875, -0.1875]")
    void aSoftmaxOfTwoLogitsHasHandComputedGradients() {
        Tensor dx = SoftmaxBackward.backward(Tensor.matrix(new double[] {0.25, 0.75}), Tensor.matrix(new double[] {1, 0}));

        assertThatTensor(dx).describedAs("dx = s * (dy - sum(dy * s)), sum = 0.25: [0.25 * 0.75, 0.75 * -0.25];"
                + " s * dy alone forgets that every s shares the normalizer")
                .isCloseTo(Tensor.matrix(new double[] {0.1875, -0.1875}));
    }

    @Test
    @Order(7)
    @DisplayName("softmax: each row subtracts its own sum(dy * s)")
    void eachRowUsesItsOwnSum() {
        Tensor s = Tensor.matrix(new double[] {0.25, 0.75}, new double[] {0.5, 0.5});
        Tensor dy = Tensor.matrix(new double[] {1, 0}, new double[] {0, 2});

        Tensor dx = SoftmaxBackward.backward(s, dy);

        assertThatTensor(dx).describedAs("row sums 0.25 and 1: rows are separate softmaxes")
                .isCloseTo(Tensor.matrix(new double[] {0.1875, -0.1875}, new double[] {-0.5, 0.5}));
    }

    @Test
    @Order(8)
    @DisplayName("softmax reads s and dy through any layout, modifies neither, and keeps empty shapes")
    void softmaxReadsAnyLayoutAndLeavesInputsAlone() {
        Tensor s = MatrixLayouts.transposedLayout(new double[][] {{0.25, 0.75}, {0.5, 0.5}});
        Tensor dy = MatrixLayouts.steppedLayout(new double[][] {{1, 0}, {0, 2}});
        Inputs inputs = Inputs.snapshot("s", s, "dy", dy);

        Tensor dx = SoftmaxBackward.backward(s, dy);

        inputs.assertUntouched();
        assertThatTensor(dx).isCloseTo(Tensor.matrix(new double[] {0.1875, -0.1875}, new double[] {-0.5, 0.5}))
                .hasStrides(2, 1).doesNotShareStorageWith(s).doesNotShareStorageWith(dy);
        assertThatTensor(SoftmaxBackward.backward(Tensor.zeros(2, 0), Tensor.zeros(2, 0))).hasShape(2, 0);
        assertThatTensor(SoftmaxBackward.backward(Tensor.zeros(0, 3), Tensor.zeros(0, 3))).hasShape(0, 3);
    }

    @Test
    @Order(9)
    @DisplayName("softmax rejects a scalar s and a dy of another shape")
    void softmaxRejectsBadShapes() {
        assertThatIllegalArgumentException().describedAs("a softmax needs an axis")
                .isThrownBy(() -> SoftmaxBackward.backward(Tensor.scalar(1), Tensor.scalar(1)))
                .withMessageContaining("s").withMessageContaining("[]");
        assertThatIllegalArgumentException().describedAs("dy must have s's shape")
                .isThrownBy(() -> SoftmaxBackward.backward(Tensor.zeros(2, 3), Tensor.zeros(2, 4)))
                .withMessageContaining("dy").withMessageContaining("[2, 4]").withMessageContaining("[2, 3]");
    }
}
