package kata.calculator;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
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

@Tag("kata-14")
@Order(6)
@DisplayName("14 Calculator: Adam")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdamSpec {

    private static final double RATE = 0.01;

    /** theta - rate * g / (|g| + eps): where the paper's Adam puts theta after one step, or after steps of one constant g. */
    private static double moved(double theta, double g) {
        return theta - RATE * g / (Math.abs(g) + 1e-9);
    }

    @Test
    @Order(1)
    @DisplayName("the first step moves every parameter by about rate against its gradient: bias correction makes mhat = g, vhat = g^2")
    void theFirstStepMovesEachParameterByAboutTheRate() {
        Tensor weight = Tensor.vector(1.0, -2.0, 0.5);
        Adam adam = Adam.paper(List.of(weight));

        adam.step(List.of(Tensor.vector(0.3, -4.0, 1e-3)), RATE);

        assertThatTensor(weight).describedAs("theta - rate * g / (|g| + eps), whatever the gradient's size; without"
                + " the bias correction m = 0.1 g and v = 0.02 g^2 would move each by rate * 0.1 / sqrt(0.02) = 0.707 rate")
                .isCloseTo(Tensor.vector(moved(1.0, 0.3), moved(-2.0, -4.0), moved(0.5, 1e-3)));
        assertThat(adam.steps()).isEqualTo(1);
    }

    @Test
    @Order(2)
    @DisplayName("a constant gradient moves the parameter by rate at every step: the correction divides by 1 - beta^t with t counting steps")
    void aConstantGradientMovesByTheRateEveryStep() {
        Tensor weight = Tensor.vector(1.0, -1.0);
        Adam adam = Adam.paper(List.of(weight));

        for (int t = 1; t <= 3; t++) {
            adam.step(List.of(Tensor.vector(2.0, -0.5)), RATE);
        }

        assertThatTensor(weight).describedAs("after 3 steps of one g: m = (1 - 0.9^3) g, v = (1 - 0.98^3) g^2, so"
                + " mhat = g and vhat = g^2 at every t; a t stuck at 1 gives other moves from step 2 on")
                .isCloseTo(Tensor.vector(moved(moved(moved(1.0, 2.0), 2.0), 2.0), moved(moved(moved(-1.0, -0.5), -0.5), -0.5)));
        assertThat(adam.steps()).isEqualTo(3);
    }

    @Test
    @Order(3)
    @DisplayName("the moments are kept per element: a gradient that flips sign slows the move to rate * 0.01 / 0.19 / 1")
    void theMomentsAreKeptPerElement() {
        Tensor weight = Tensor.vector(0.0, 0.0);
        Adam adam = Adam.paper(List.of(weight));

        adam.step(List.of(Tensor.vector(1.0, 1.0)), RATE);
        adam.step(List.of(Tensor.vector(-1.0, 1.0)), RATE);

        // element 0: m = 0.9 * 0.1 - 0.1 = -0.01, mhat = -0.01 / 0.19; v = 0.98 * 0.02 + 0.02 = 0.0396, vhat = 1.
        double flipped = -RATE - RATE * (-0.01 / 0.19) / (1.0 + 1e-9);
        assertThatTensor(weight).describedAs("element 0 moved -rate then back by rate * 0.01 / 0.19; element 1 -rate twice")
                .isCloseTo(Tensor.vector(flipped, moved(moved(0.0, 1.0), 1.0)));
    }

    @Test
    @Order(4)
    @DisplayName("golden: three steps at a constant rate match torch.optim.Adam (0.9, 0.98), eps 1e-9, to 1e-9")
    void goldenStepsMatchPyTorch() {
        // GoldenAdam: katas/14-calculator/golden/generate.py, torch.optim.Adam in float64.
        Tensor weight = GoldenAdam.weight();
        Tensor bias = GoldenAdam.bias();
        Adam adam = new Adam(List.of(weight, bias), GoldenAdam.BETA1, GoldenAdam.BETA2, GoldenAdam.EPS);
        List<List<Tensor>> gradients = gradients();
        List<List<Tensor>> expected = List.of(
                List.of(GoldenAdam.constantWeight1(), GoldenAdam.constantBias1()),
                List.of(GoldenAdam.constantWeight2(), GoldenAdam.constantBias2()),
                List.of(GoldenAdam.constantWeight3(), GoldenAdam.constantBias3()));

        for (int t = 0; t < GoldenAdam.STEPS; t++) {
            adam.step(gradients.get(t), GoldenAdam.CONSTANT_RATE);

            assertThatTensor(weight).describedAs("the weight after step %d (entry (0, 1) has gradient 0 at step 1)", t + 1)
                    .isCloseTo(expected.get(t).get(0), Tolerance.FRAMEWORK);
            assertThatTensor(bias).describedAs("the bias after step %d (entry 2 has gradient 1e-12 at step 1: eps"
                    + " decides its move)", t + 1).isCloseTo(expected.get(t).get(1), Tolerance.FRAMEWORK);
        }
    }

    @Test
    @Order(5)
    @DisplayName("golden: the rate of each step is the one passed to it, as PyTorch's lr set before each step")
    void eachStepUsesItsOwnRate() {
        // GoldenAdam: katas/14-calculator/golden/generate.py, group['lr'] set before each step.
        Tensor weight = GoldenAdam.weight();
        Tensor bias = GoldenAdam.bias();
        Adam adam = Adam.paper(List.of(weight, bias));
        List<List<Tensor>> gradients = gradients();
        List<List<Tensor>> expected = List.of(
                List.of(GoldenAdam.varyingWeight1(), GoldenAdam.varyingBias1()),
                List.of(GoldenAdam.varyingWeight2(), GoldenAdam.varyingBias2()),
                List.of(GoldenAdam.varyingWeight3(), GoldenAdam.varyingBias3()));

        for (int t = 0; t < GoldenAdam.STEPS; t++) {
            adam.step(gradients.get(t), GoldenAdam.varyingRates()[t]);

            assertThatTensor(weight).describedAs("the weight after step %d at rate %s", t + 1, GoldenAdam.varyingRates()[t])
                    .isCloseTo(expected.get(t).get(0), Tolerance.FRAMEWORK);
            assertThatTensor(bias).describedAs("the bias after step %d", t + 1).isCloseTo(expected.get(t).get(1), Tolerance.FRAMEWORK);
        }
    }

    @Test
    @Order(6)
    @DisplayName("the parameters are updated in place, through any layout; the gradients and the list are untouched")
    void parametersAreUpdatedInPlace() {
        Tensor weight = MatrixLayouts.transposedLayout(new double[][] {{1, 2}, {3, 4}});
        Tensor bias = MatrixLayouts.steppedLayout(new double[] {5, 6});
        Tensor dWeight = MatrixLayouts.broadcastRow(new double[] {1, -1}, 2);
        Tensor dBias = MatrixLayouts.steppedLayout(new double[] {-2, 0});
        List<Tensor> parameters = new ArrayList<>(List.of(weight, bias));
        List<Tensor> gradients = new ArrayList<>(List.of(dWeight, dBias));
        Inputs inputs = Inputs.snapshot("gradients", gradients.toArray(new Tensor[0]));
        Adam adam = Adam.paper(parameters);

        adam.step(gradients, RATE);

        inputs.assertUntouched();
        assertThat(parameters).describedAs("the list of parameters").containsExactly(weight, bias);
        assertThat(gradients).describedAs("the list of gradients").containsExactly(dWeight, dBias);
        assertThatTensor(weight).describedAs("the transposed weight, moved in place against the broadcast gradient")
                .isCloseTo(Tensor.matrix(new double[] {moved(1, 1), moved(2, -1)}, new double[] {moved(3, 1), moved(4, -1)}))
                .hasStrides(1, 2);
        assertThatTensor(bias).describedAs("a zero gradient leaves its entry where it is: 0 / (0 + eps) = 0")
                .isCloseTo(Tensor.vector(moved(5, -2), 6)).hasStrides(2);
        assertThat(bias.storage()[0]).describedAs("the stepped bias's gaps stay NaN").isNaN();
    }

    @Test
    @Order(7)
    @DisplayName("rate 0 moves nothing but counts the step")
    void rateZeroCountsTheStep() {
        Tensor weight = Tensor.vector(1.0);
        Adam adam = Adam.paper(List.of(weight));

        adam.step(List.of(Tensor.vector(3.0)), 0.0);

        assertThatTensor(weight).isCloseTo(Tensor.vector(1.0), 0.0);
        assertThat(adam.steps()).isEqualTo(1);
    }

    @Test
    @Order(8)
    @DisplayName("betas outside [0, 1) and eps not above 0 are rejected, each named with its value")
    void badHyperparametersAreRejected() {
        List<Tensor> parameters = List.of(Tensor.vector(1.0));
        assertThatIllegalArgumentException().describedAs("beta1 = 1 never forgets and its correction divides by 0")
                .isThrownBy(() -> new Adam(parameters, 1.0, 0.98, 1e-9)).withMessageContaining("beta1").withMessageContaining("1.0");
        assertThatIllegalArgumentException().describedAs("a negative beta1")
                .isThrownBy(() -> new Adam(parameters, -0.1, 0.98, 1e-9)).withMessageContaining("beta1").withMessageContaining("-0.1");
        assertThatIllegalArgumentException().describedAs("beta2 = 1")
                .isThrownBy(() -> new Adam(parameters, 0.9, 1.0, 1e-9)).withMessageContaining("beta2").withMessageContaining("1.0");
        assertThatIllegalArgumentException().describedAs("a negative beta2")
                .isThrownBy(() -> new Adam(parameters, 0.9, -0.5, 1e-9)).withMessageContaining("beta2").withMessageContaining("-0.5");
        assertThatIllegalArgumentException().describedAs("NaN is no beta")
                .isThrownBy(() -> new Adam(parameters, Double.NaN, 0.98, 1e-9)).withMessageContaining("beta1").withMessageContaining("NaN");
        assertThatIllegalArgumentException().describedAs("NaN is no beta")
                .isThrownBy(() -> new Adam(parameters, 0.9, Double.NaN, 1e-9)).withMessageContaining("beta2").withMessageContaining("NaN");
        assertThatIllegalArgumentException().describedAs("eps 0 divides by zero where vhat is 0")
                .isThrownBy(() -> new Adam(parameters, 0.9, 0.98, 0.0)).withMessageContaining("eps").withMessageContaining("0.0");
        assertThatIllegalArgumentException().describedAs("NaN is no eps")
                .isThrownBy(() -> new Adam(parameters, 0.9, 0.98, Double.NaN)).withMessageContaining("eps").withMessageContaining("NaN");
        assertThat(new Adam(parameters, 0.0, 0.0, Double.MIN_VALUE).steps()).describedAs("beta 0 and the smallest eps are allowed")
                .isZero();
    }

    @Test
    @Order(9)
    @DisplayName("a gradient list of another size or shape, and a negative or NaN rate, are rejected and change nothing")
    void badStepsAreRejectedAndChangeNothing() {
        Tensor weight = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Tensor bias = Tensor.vector(7, 8, 9);
        Adam adam = Adam.paper(List.of(weight, bias));
        Tensor dBias = Tensor.vector(1, 1, 1);

        assertThatIllegalArgumentException().describedAs("one gradient per parameter")
                .isThrownBy(() -> adam.step(List.of(dBias), RATE)).withMessageContaining("gradients");
        assertThatIllegalArgumentException().describedAs("gradients[0] must have the weight's shape")
                .isThrownBy(() -> adam.step(List.of(Tensor.zeros(3, 2), dBias), RATE))
                .withMessageContaining("gradient 0").withMessageContaining("[3, 2]").withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException().describedAs("gradients[1] must have the bias's shape, checked before any update")
                .isThrownBy(() -> adam.step(List.of(Tensor.zeros(2, 3), Tensor.vector(1, 1)), RATE))
                .withMessageContaining("gradient 1").withMessageContaining("[2]").withMessageContaining("[3]");
        assertThatIllegalArgumentException().describedAs("a negative rate climbs the loss")
                .isThrownBy(() -> adam.step(List.of(Tensor.zeros(2, 3), dBias), -0.01)).withMessageContaining("rate");
        assertThatIllegalArgumentException().describedAs("NaN is no rate")
                .isThrownBy(() -> adam.step(List.of(Tensor.zeros(2, 3), dBias), Double.NaN)).withMessageContaining("rate");

        assertThat(adam.steps()).describedAs("no rejected step counts").isZero();
        assertThatTensor(weight).describedAs("no rejected step moves a parameter")
                .isCloseTo(Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 0.0);
        assertThatTensor(bias).isCloseTo(Tensor.vector(7, 8, 9), 0.0);
    }

    private static List<List<Tensor>> gradients() {
        return List.of(
                List.of(GoldenAdam.weightGradient1(), GoldenAdam.biasGradient1()),
                List.of(GoldenAdam.weightGradient2(), GoldenAdam.biasGradient2()),
                List.of(GoldenAdam.weightGradient3(), GoldenAdam.biasGradient3()));
    }
}
