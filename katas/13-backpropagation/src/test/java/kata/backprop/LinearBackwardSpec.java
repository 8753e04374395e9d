package kata.backprop;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import kata.support.testing.MatrixLayouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-13")
@Order(1)
@DisplayName("13 Backpropagation: linear layer")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinearBackwardSpec {

    @Test
    @Order(1)
    @DisplayName("a 1x2 input through a 2x2 W: dx = dy W^T, dW = x^T dy, db = dy")
    void aOneByTwoLinearHasHandComputedGradients() {
        Tensor x = Tensor.matrix(new double[] {1, 2});
        Tensor weight = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
        Tensor dy = Tensor.matrix(new double[] {1, 10});

        LinearGradients g = LinearBackward.backward(x, weight, dy);

        assertThatTensor(g.dx()).describedAs("dx = dy W^T: [1*1 + 10*2, 1*3 + 10*4]")
                .isCloseTo(Tensor.matrix(new double[] {21, 43}));
        assertThatTensor(g.dWeight()).describedAs("dW = x^T dy, (d_in, d_out) like W: entry (i, j) is x_i dy_j;"
                + " dy^T x would be PyTorch's transposed layout").isCloseTo(Tensor.matrix(new double[] {1, 10}, new double[] {2, 20}));
        assertThatTensor(g.dBias()).describedAs("db = dy: b is added once to every output").isCloseTo(Tensor.vector(1, 10));
    }

    @Test
    @Order(2)
    @DisplayName("W and b are used by every row, so their gradients sum over the rows")
    void theBiasGradientSumsEveryRow() {
        Tensor x = Tensor.matrix(new double[] {1}, new double[] {2});
        Tensor weight = Tensor.matrix(new double[] {7});
        Tensor dy = Tensor.matrix(new double[] {3}, new double[] {5});

        LinearGradients g = LinearBackward.backward(x, weight, dy);

        assertThatTensor(g.dx()).describedAs("dx row by row: dy * 7").isCloseTo(Tensor.matrix(new double[] {21}, new double[] {35}));
        assertThatTensor(g.dWeight()).describedAs("dW = 1*3 + 2*5: both rows used W").isCloseTo(Tensor.matrix(new double[] {13}));
        assertThatTensor(g.dBias()).describedAs("db = 3 + 5: both rows used b").isCloseTo(Tensor.vector(8));
    }

    @Test
    @Order(3)
    @DisplayName("a batch (B, T, d_in) adds the gradients of every element and position")
    void aBatchAddsTheGradientsOfEveryElement() {
        Tensor x = Tensor.of(new int[] {2, 1, 1}, 1, 2);
        Tensor weight = Tensor.matrix(new double[] {7});
        Tensor dy = Tensor.of(new int[] {2, 1, 1}, 3, 5);

        LinearGradients g = LinearBackward.backward(x, weight, dy);

        assertThatTensor(g.dx()).describedAs("dx keeps the batch shape").isCloseTo(Tensor.of(new int[] {2, 1, 1}, 21, 35));
        assertThatTensor(g.dWeight()).describedAs("dW sums both batch elements: 1*3 + 2*5").isCloseTo(Tensor.matrix(new double[] {13}));
        assertThatTensor(g.dBias()).describedAs("db sums both batch elements").isCloseTo(Tensor.vector(8));
    }

    @Test
    @Order(4)
    @DisplayName("golden: dx, dW and db of nn.Linear(4, 3) over a (2, 3, 4) batch match PyTorch autograd")
    void goldenGradientsMatchPyTorch() {
        // GoldenGradients: katas/13-backpropagation/golden/generate.py, autograd of sum(dy * linear(x)).
        LinearGradients g = LinearBackward.backward(GoldenGradients.linearX(), GoldenGradients.linearWeight(),
                GoldenGradients.linearDy());

        assertThatTensor(g.dx()).describedAs("x.grad").isCloseTo(GoldenGradients.linearDx(), Tolerance.FRAMEWORK);
        assertThatTensor(g.dWeight()).describedAs("weight.grad.T").isCloseTo(GoldenGradients.linearDWeight(), Tolerance.FRAMEWORK);
        assertThatTensor(g.dBias()).describedAs("bias.grad").isCloseTo(GoldenGradients.linearDBias(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(5)
    @DisplayName("x, W and dy are read through their layouts and left untouched; the gradients are fresh")
    void everyArgumentIsReadThroughItsLayoutAndLeftUntouched() {
        Tensor x = MatrixLayouts.transposedLayout(new double[][] {{1, 2}});
        Tensor weight = MatrixLayouts.steppedLayout(new double[][] {{1, 2}, {3, 4}});
        Tensor dy = MatrixLayouts.broadcastRow(new double[] {1, 10}, 1);
        Inputs inputs = Inputs.snapshot("x", x, "weight", weight, "dy", dy);

        LinearGradients g = LinearBackward.backward(x, weight, dy);

        inputs.assertUntouched();
        assertThatTensor(g.dx()).describedAs("dx with x transposed, W stepped, dy broadcast")
                .isCloseTo(Tensor.matrix(new double[] {21, 43})).hasStrides(2, 1).doesNotShareStorageWith(x);
        assertThatTensor(g.dWeight()).isCloseTo(Tensor.matrix(new double[] {1, 10}, new double[] {2, 20}))
                .hasStrides(2, 1).doesNotShareStorageWith(weight);
        assertThatTensor(g.dBias()).isCloseTo(Tensor.vector(1, 10)).doesNotShareStorageWith(dy);
    }

    @Test
    @Order(6)
    @DisplayName("no rows: dx is (0, d_in) or (0, T, d_in), dW and db are zeros")
    void noRowsGiveZeroParameterGradients() {
        LinearGradients g = LinearBackward.backward(Tensor.zeros(0, 2), Tensor.zeros(2, 3), Tensor.zeros(0, 3));
        LinearGradients noBatch = LinearBackward.backward(Tensor.zeros(0, 4, 2), Tensor.zeros(2, 3),
                Tensor.zeros(0, 4, 3));

        assertThatTensor(g.dx()).hasShape(0, 2);
        assertThatTensor(g.dWeight()).describedAs("a sum over no rows is 0").isCloseTo(Tensor.zeros(2, 3));
        assertThatTensor(g.dBias()).isCloseTo(Tensor.zeros(3));
        assertThatTensor(noBatch.dx()).describedAs("a batch of no sequences keeps its shape").hasShape(0, 4, 2);
        assertThatTensor(noBatch.dWeight()).describedAs("a sum over no batch element is 0").isCloseTo(Tensor.zeros(2, 3));
        assertThatTensor(noBatch.dBias()).isCloseTo(Tensor.zeros(3));
    }

    @Test
    @Order(7)
    @DisplayName("a weight that is not a matrix, an x of another width or rank, and a dy of the wrong shape are rejected")
    void badShapesAreRejected() {
        assertThatIllegalArgumentException().describedAs("W must be (d_in, d_out)")
                .isThrownBy(() -> LinearBackward.backward(Tensor.zeros(1, 2), Tensor.zeros(2), Tensor.zeros(1, 2)))
                .withMessageContaining("weight").withMessageContaining("[2]");
        assertThatIllegalArgumentException().describedAs("x's last axis must be W's d_in")
                .isThrownBy(() -> LinearBackward.backward(Tensor.zeros(1, 3), Tensor.zeros(2, 4), Tensor.zeros(1, 4)))
                .withMessageContaining("x").withMessageContaining("[1, 3]");
        assertThatIllegalArgumentException().describedAs("x must be (T, d_in) or (B, T, d_in)")
                .isThrownBy(() -> LinearBackward.backward(Tensor.zeros(2), Tensor.zeros(2, 4), Tensor.zeros(4)))
                .withMessageContaining("x").withMessageContaining("[2]");
        assertThatIllegalArgumentException().describedAs("x must be (T, d_in) or (B, T, d_in), not rank 4")
                .isThrownBy(() -> LinearBackward.backward(Tensor.zeros(1, 1, 1, 2), Tensor.zeros(2, 4), Tensor.zeros(1, 1, 1, 4)))
                .withMessageContaining("x").withMessageContaining("[1, 1, 1, 2]");
        assertThatIllegalArgumentException().describedAs("dy must have y's shape (T, d_out)")
                .isThrownBy(() -> LinearBackward.backward(Tensor.zeros(3, 2), Tensor.zeros(2, 4), Tensor.zeros(3, 5)))
                .withMessageContaining("dy").withMessageContaining("[3, 5]").withMessageContaining("[3, 4]");
    }
}
