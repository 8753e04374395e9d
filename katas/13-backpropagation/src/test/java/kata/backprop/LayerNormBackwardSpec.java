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
@Order(4)
@DisplayName("13 Backpropagation: layer norm")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayerNormBackwardSpec {

    private static final double ROOT_TWO = Math.sqrt(2);

    @Test
    @Order(1)
    @DisplayName("x = [1, 3], eps = 1, dy = [1, 0]: dx = [0.25, -0.25] / sqrt 2, dgamma = dy * xhat, dbeta = dy")
    void aTwoFeatureRowHasHandComputedGradients() {
        // mu = 2, var = 1, sigma = sqrt(1 + 1), xhat = [-1, 1] / sqrt 2; dxhat = [1, 0];
        // dx = ([1, 0] - 0.5 - xhat * (-1 / (2 sqrt 2))) / sqrt 2 = [0.25, -0.25] / sqrt 2.
        LayerNormGradients g = LayerNormBackward.backward(Tensor.matrix(new double[] {1, 3}), Tensor.vector(1, 1), 1.0,
                Tensor.matrix(new double[] {1, 0}));

        assertThatTensor(g.dx()).describedAs("dx through xhat, mu and var; treating mu and var as constants gives"
                + " dy * gamma / sigma = [0.707, 0]").isCloseTo(Tensor.matrix(new double[] {0.25 / ROOT_TWO, -0.25 / ROOT_TWO}));
        assertThatTensor(g.dGamma()).describedAs("dgamma = dy * xhat").isCloseTo(Tensor.vector(-1 / ROOT_TWO, 0));
        assertThatTensor(g.dBeta()).describedAs("dbeta = dy").isCloseTo(Tensor.vector(1, 0));
    }

    @Test
    @Order(2)
    @DisplayName("with gamma constant, every row of dx sums to 0: shifting a row changes nothing after normalizing")
    void theRowsOfDxSumToZeroWhenGammaIsConstant() {
        Tensor x = Tensor.matrix(new double[] {1, 4, -2}, new double[] {0.5, 0.5, 3});
        Tensor dy = Tensor.matrix(new double[] {1, 2, 3}, new double[] {-1, 0, 4});

        LayerNormGradients g = LayerNormBackward.backward(x, Tensor.vector(2, 2, 2), 1e-5, dy);

        for (int row = 0; row < 2; row++) {
            double sum = g.dx().get(row, 0) + g.dx().get(row, 1) + g.dx().get(row, 2);
            assertThatTensor(Tensor.scalar(sum)).describedAs("the sum of row %d of dx: the mean's path cancels it", row)
                    .isCloseTo(Tensor.scalar(0));
        }
    }

    @Test
    @Order(3)
    @DisplayName("gamma scales dx, dgamma and dbeta sum over every row of a batch")
    void gammaScalesAndParametersSumOverRows() {
        Tensor x = Tensor.of(new int[] {2, 1, 2}, 1, 3, 1, 3);
        Tensor dy = Tensor.of(new int[] {2, 1, 2}, 1, 0, 1, 0);

        LayerNormGradients g = LayerNormBackward.backward(x, Tensor.vector(3, 3), 1.0, dy);

        double dx = 3 * 0.25 / ROOT_TWO;
        assertThatTensor(g.dx()).describedAs("gamma = 3 triples dxhat").isCloseTo(Tensor.of(new int[] {2, 1, 2}, dx, -dx, dx, -dx));
        assertThatTensor(g.dGamma()).describedAs("two rows of dy * xhat").isCloseTo(Tensor.vector(-2 / ROOT_TWO, 0));
        assertThatTensor(g.dBeta()).describedAs("two rows of dy").isCloseTo(Tensor.vector(2, 0));
    }

    @Test
    @Order(4)
    @DisplayName("golden: dx, dgamma and dbeta of nn.LayerNorm(5) match PyTorch autograd")
    void goldenGradientsMatchPyTorch() {
        // GoldenGradients: katas/13-backpropagation/golden/generate.py, autograd of sum(dy * ln(x)).
        LayerNormGradients g = LayerNormBackward.backward(GoldenGradients.layerNormX(), GoldenGradients.layerNormGamma(),
                GoldenGradients.LAYER_NORM_EPS, GoldenGradients.layerNormDy());

        assertThatTensor(g.dx()).describedAs("x.grad").isCloseTo(GoldenGradients.layerNormDx(), Tolerance.FRAMEWORK);
        assertThatTensor(g.dGamma()).describedAs("weight.grad").isCloseTo(GoldenGradients.layerNormDGamma(), Tolerance.FRAMEWORK);
        assertThatTensor(g.dBeta()).describedAs("bias.grad").isCloseTo(GoldenGradients.layerNormDBeta(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(5)
    @DisplayName("a row with a large mean and a small spread keeps its gradient (two-pass variance)")
    void aLargeMeanKeepsItsGradient() {
        // x = 1e15 + [0.125, 0.375] (exact doubles): var = 1/64; for d = 2 and dy = [1, 0] the formula
        // reduces to dx = [1, -1] * 0.5 eps / (var + eps)^1.5. One-pass variance, E[x^2] - E[x]^2 or
        // sum (x + mu)(x - mu), rounds the 1e30-sized terms and loses var entirely.
        double eps = 1e-3;
        double dx = 0.5 * eps / Math.pow(1.0 / 64 + eps, 1.5);

        LayerNormGradients shifted = LayerNormBackward.backward(Tensor.matrix(new double[] {1e15 + 0.125, 1e15 + 0.375}),
                Tensor.vector(1, 1), eps, Tensor.matrix(new double[] {1, 0}));

        assertThatTensor(shifted.dx()).describedAs("x + 1e15 has the same xhat as x: the variance comes from the deviations")
                .isCloseTo(Tensor.matrix(new double[] {dx, -dx}));
    }

    @Test
    @Order(6)
    @DisplayName("x, gamma and dy are read through their layouts and left untouched; the gradients are fresh")
    void everyArgumentIsReadThroughItsLayout() {
        Tensor x = MatrixLayouts.transposedLayout(new double[][] {{1, 3}, {1, 3}});
        Tensor gamma = MatrixLayouts.steppedLayout(new double[] {1, 1});
        Tensor dy = MatrixLayouts.broadcastRow(new double[] {1, 0}, 2);
        Inputs inputs = Inputs.snapshot("x", x, "gamma", gamma, "dy", dy);

        LayerNormGradients g = LayerNormBackward.backward(x, gamma, 1.0, dy);

        inputs.assertUntouched();
        double dx = 0.25 / ROOT_TWO;
        assertThatTensor(g.dx()).isCloseTo(Tensor.matrix(new double[] {dx, -dx}, new double[] {dx, -dx}))
                .hasStrides(2, 1).doesNotShareStorageWith(x).doesNotShareStorageWith(dy);
        assertThatTensor(g.dGamma()).isCloseTo(Tensor.vector(-2 / ROOT_TWO, 0)).doesNotShareStorageWith(gamma);
        assertThatTensor(g.dBeta()).isCloseTo(Tensor.vector(2, 0));
    }

    @Test
    @Order(7)
    @DisplayName("no rows: dx is empty and dgamma, dbeta are zeros; d = 0 gives empty results")
    void emptyAxes() {
        LayerNormGradients noRows = LayerNormBackward.backward(Tensor.zeros(0, 2), Tensor.vector(1, 1), 1e-5, Tensor.zeros(0, 2));
        LayerNormGradients noFeatures = LayerNormBackward.backward(Tensor.zeros(3, 0), Tensor.zeros(0), 1e-5, Tensor.zeros(3, 0));

        assertThatTensor(noRows.dx()).hasShape(0, 2);
        assertThatTensor(noRows.dGamma()).isCloseTo(Tensor.zeros(2));
        assertThatTensor(noRows.dBeta()).isCloseTo(Tensor.zeros(2));
        assertThatTensor(noFeatures.dx()).hasShape(3, 0);
        assertThatTensor(noFeatures.dGamma()).hasShape(0);
    }

    @Test
    @Order(8)
    @DisplayName("a gamma that is not a vector, an x of another width, a dy of another shape and a bad eps are rejected")
    void badArgumentsAreRejected() {
        Tensor gamma = Tensor.vector(1, 1);
        assertThatIllegalArgumentException().describedAs("gamma must be (d)")
                .isThrownBy(() -> LayerNormBackward.backward(Tensor.zeros(1, 2), Tensor.zeros(2, 1), 1e-5, Tensor.zeros(1, 2)))
                .withMessageContaining("gamma").withMessageContaining("[2, 1]");
        assertThatIllegalArgumentException().describedAs("x's last axis must hold d features")
                .isThrownBy(() -> LayerNormBackward.backward(Tensor.zeros(1, 3), gamma, 1e-5, Tensor.zeros(1, 3)))
                .withMessageContaining("x").withMessageContaining("[1, 3]");
        assertThatIllegalArgumentException().describedAs("a scalar x has no features")
                .isThrownBy(() -> LayerNormBackward.backward(Tensor.scalar(1), gamma, 1e-5, Tensor.scalar(1)))
                .withMessageContaining("x").withMessageContaining("[]");
        assertThatIllegalArgumentException().describedAs("dy must have x's shape")
                .isThrownBy(() -> LayerNormBackward.backward(Tensor.zeros(1, 2), gamma, 1e-5, Tensor.zeros(2, 2)))
                .withMessageContaining("dy").withMessageContaining("[2, 2]").withMessageContaining("[1, 2]");
        for (double eps : new double[] {0.0, -1e-5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatIllegalArgumentException().describedAs("eps = %s must be positive and finite", eps)
                    .isThrownBy(() -> LayerNormBackward.backward(Tensor.zeros(1, 2), gamma, eps, Tensor.zeros(1, 2)))
                    .withMessageContaining("eps");
        }
    }
}
