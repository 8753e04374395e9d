package kata.dropout;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-05")
@Order(1)
@DisplayName("05 Dropout: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DropoutSpec {

    // ---- training: which units, and how much the kept ones weigh ----

    @Test
    @Order(1)
    @DisplayName("in training a unit is dropped when its draw is below p and the kept ones are doubled at p = 1/2")
    void aUnitIsDroppedWhenItsDrawIsBelowP() {
        Tensor x = Tensor.vector(1, 2, 3, 4);
        Draws draws = new Draws(0.1, 0.7, 0.3, 0.9);

        Dropped dropped = new Dropout(0.5).apply(x, Mode.TRAINING, draws);

        assertThatTensor(dropped.mask())
                .describedAs("the mask of p = 0.5 for the draws 0.1, 0.7, 0.3, 0.9: below 0.5 drops (0), otherwise keeps"
                        + " with the scale 1 / (1 - 0.5) = 2")
                .isCloseTo(Tensor.vector(0, 2, 0, 2));
        assertThatTensor(dropped.output())
                .describedAs("the output x * mask for x = [1, 2, 3, 4]")
                .isCloseTo(Tensor.vector(0, 4, 0, 8));
        assertThat(draws.used()).describedAs("random numbers drawn for 4 elements: one nextDouble() each").isEqualTo(4);
    }

    @Test
    @Order(2)
    @DisplayName("a draw equal to p keeps its unit: only a draw strictly below p drops it")
    void aDrawEqualToPKeepsItsUnit() {
        Tensor x = Tensor.vector(3, 3, 3);

        Dropped dropped = new Dropout(0.25).apply(x, Mode.TRAINING, new Draws(0.25, 0.24999, 0.0));

        assertThatTensor(dropped.mask())
                .describedAs("the mask of p = 0.25 for the draws 0.25, 0.24999, 0.0: u < p drops, so 0.25 keeps (scale"
                        + " 4/3) and the other two drop; P(u < p) is exactly p for u uniform in [0, 1)")
                .isCloseTo(Tensor.vector(4.0 / 3, 0, 0));
    }

    @Test
    @Order(3)
    @DisplayName("kept units are scaled by 1 / (1 - p), as PyTorch scales them: 1.25 at p = 0.2")
    void keptUnitsAreScaledByOneOverOneMinusP() {
        Tensor x = Tensor.vector(1, -2, 5);
        double[][] cases = {{0.1, GoldenDropout.KEPT_P_0_1}, {0.2, GoldenDropout.KEPT_P_0_2}, {0.5, GoldenDropout.KEPT_P_0_5}};

        for (double[] c : cases) {
            Dropped dropped = new Dropout(c[0]).apply(x, Mode.TRAINING, new Draws(0.99, 0.99, 0.99));

            // The scales are what nn.Dropout(p) gives kept ones in training (katas/05-dropout/golden/generate.py).
            assertThatTensor(dropped.mask())
                    .describedAs("the mask at p = %s with every unit kept: 1 / (1 - p) = %s, so that the expected"
                            + " output is x (inverted dropout); not 1 (no scaling) nor 1 - p", c[0], c[1])
                    .isCloseTo(Tensor.vector(c[1], c[1], c[1]), Tolerance.FRAMEWORK);
            assertThatTensor(dropped.output())
                    .describedAs("the output at p = %s with every unit kept: x / (1 - p)", c[0])
                    .isCloseTo(Tensor.vector(c[1], -2 * c[1], 5 * c[1]), Tolerance.FRAMEWORK);
        }
    }

    @Test
    @Order(4)
    @DisplayName("the draws go to the elements in row-major order: (0, 0), (0, 1), (0, 2), (1, 0), ...")
    void theDrawsGoToTheElementsInRowMajorOrder() {
        Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});

        Dropped dropped = new Dropout(0.5).apply(x, Mode.TRAINING, new Draws(0.9, 0.1, 0.9, 0.1, 0.9, 0.9));

        assertThatTensor(dropped.mask())
                .describedAs("the mask of a (2, 3) input for the draws 0.9, 0.1, 0.9, 0.1, 0.9, 0.9 at p = 0.5: the"
                        + " second and the fourth element (0, 1) and (1, 0) are dropped")
                .isCloseTo(Tensor.matrix(new double[] {2, 0, 2}, new double[] {0, 2, 2}));
        assertThatTensor(dropped.output())
                .describedAs("the output x * mask of %s", x)
                .isCloseTo(Tensor.matrix(new double[] {2, 0, 6}, new double[] {0, 10, 12}));
    }

    @Test
    @Order(5)
    @DisplayName("the mask follows the indices of a transposed view, not the order of its storage")
    void theMaskFollowsTheIndicesOfAViewNotItsStorage() {
        // Storage [1, 2, 3, 4] read with strides (1, 2): the transpose [[1, 3], [2, 4]].
        Tensor x = Tensor.strided(new double[] {1, 2, 3, 4}, new int[] {2, 2}, new int[] {1, 2}, 0);

        Dropped dropped = new Dropout(0.5).apply(x, Mode.TRAINING, new Draws(0.9, 0.1, 0.9, 0.9));

        assertThatTensor(dropped.mask())
                .describedAs("the mask of the view %s for the draws 0.9, 0.1, 0.9, 0.9: the second draw goes to index"
                        + " (0, 1), whatever storage position holds it", x)
                .isCloseTo(Tensor.matrix(new double[] {2, 0}, new double[] {2, 2}));
        assertThatTensor(dropped.output())
                .describedAs("the output of the view %s: x(i, j) is read with get, then times mask(i, j)", x)
                .isCloseTo(Tensor.matrix(new double[] {2, 0}, new double[] {4, 8}));
    }

    @Test
    @Order(6)
    @DisplayName("a sliced view and a broadcast view are read through their strides and offset")
    void slicedAndBroadcastViewsAreReadThroughTheirLayout() {
        double nan = Double.NaN;
        // Every other element from position 1: [5, 6, 7]. One row repeated with stride 0: [[1, 2], [1, 2]].
        Tensor sliced = Tensor.strided(new double[] {nan, 5, nan, 6, nan, 7}, new int[] {3}, new int[] {2}, 1);
        Tensor repeated = Tensor.strided(new double[] {nan, 1, 2}, new int[] {2, 2}, new int[] {0, 1}, 1);

        Dropped fromSlice = new Dropout(0.5).apply(sliced, Mode.TRAINING, new Draws(0.9, 0.1, 0.9));
        Dropped fromBroadcast = new Dropout(0.5).apply(repeated, Mode.TRAINING, new Draws(0.9, 0.1, 0.1, 0.9));

        assertThatTensor(fromSlice.output())
                .describedAs("dropout of the slice %s with the middle unit dropped", sliced)
                .isCloseTo(Tensor.vector(10, 0, 14));
        assertThatTensor(fromBroadcast.output())
                .describedAs("dropout of the broadcast view %s: each of its 4 elements gets its own draw, although"
                        + " storage holds only 2", repeated)
                .isCloseTo(Tensor.matrix(new double[] {2, 0}, new double[] {0, 4}));
    }

    // ---- the identities ----

    @Test
    @Order(7)
    @DisplayName("evaluation is the identity: output x, mask all 1, and no random number drawn")
    void evaluationIsTheIdentity() {
        Tensor x = GoldenDropout.x();

        Dropped dropped = new Dropout(0.5).apply(x, Mode.EVALUATION, new Draws());

        // nn.Dropout(0.5).eval() returns its input unchanged (katas/05-dropout/golden/generate.py).
        assertThatTensor(dropped.output())
                .describedAs("dropout in evaluation mode, as PyTorch's nn.Dropout(0.5).eval(): the input as it is")
                .isCloseTo(GoldenDropout.evaluated(), Tolerance.FRAMEWORK);
        assertThatTensor(dropped.mask())
                .describedAs("the mask in evaluation mode: every unit kept, unscaled")
                .isCloseTo(Tensor.matrix(new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 1}, new double[] {1, 1, 1, 1}));
    }

    @Test
    @Order(8)
    @DisplayName("p = 0 in training keeps every unit with scale 1: the identity")
    void pZeroIsTheIdentity() {
        Tensor x = Tensor.vector(-1, 2, 7);

        Dropped dropped = new Dropout(0).apply(x, Mode.TRAINING, new Draws(0.0, 0.3, 0.999));

        assertThatTensor(dropped.mask())
                .describedAs("the mask at p = 0: no draw is below 0 (not even 0.0), and 1 / (1 - 0) = 1")
                .isCloseTo(Tensor.vector(1, 1, 1));
        assertThatTensor(dropped.output()).describedAs("the output at p = 0: x").isCloseTo(x);
    }

    @Test
    @Order(9)
    @DisplayName("p = 1 drops every unit: zeros, without dividing by zero, no NaN")
    void pOneDropsEverythingWithoutDividingByZero() {
        Tensor x = GoldenDropout.x();

        Dropped dropped = new Dropout(1).apply(x, Mode.TRAINING, Seeds.random(1));
        Dropped nearlyOne = new Dropout(1).apply(Tensor.vector(5), Mode.TRAINING, new Draws(Math.nextDown(1.0)));

        // nn.Dropout(1.0) in training gives zeros (katas/05-dropout/golden/generate.py).
        assertThatTensor(dropped.output())
                .describedAs("the output at p = 1, as PyTorch's nn.Dropout(1.0): all 0; x * 0 / (1 - 1) would be NaN")
                .isFinite()
                .isCloseTo(GoldenDropout.droppedAll(), Tolerance.FRAMEWORK);
        assertThatTensor(dropped.mask()).describedAs("the mask at p = 1: all 0").isFinite()
                .isCloseTo(Tensor.zeros(3, 4));
        assertThatTensor(nearlyOne.output())
                .describedAs("p = 1 with the largest draw below 1: still dropped, since every draw is below 1")
                .isCloseTo(Tensor.vector(0));
    }

    // ---- randomness, inputs, empty tensors ----

    @Test
    @Order(10)
    @DisplayName("the same seed gives the same mask; another seed another mask")
    void theSameSeedGivesTheSameMask() {
        Tensor x = Tensor.zeros(100);
        Dropout dropout = new Dropout(0.5);

        Tensor first = dropout.apply(x, Mode.TRAINING, Seeds.random(7)).mask();
        Tensor again = dropout.apply(x, Mode.TRAINING, Seeds.random(7)).mask();
        Tensor other = dropout.apply(x, Mode.TRAINING, Seeds.random(8)).mask();

        assertThatTensor(again).describedAs("the mask drawn again from seed 7: a run can be replayed").isCloseTo(first);
        assertThat(Tolerance.close(0, distance(first, other), Tolerance.DEFAULT))
                .describedAs("masks of 100 units from seeds 7 and 8 are identical: the draws must come from the"
                        + " given random source, not a fixed pattern or a generator of your own")
                .isFalse();
    }

    @Test
    @Order(11)
    @DisplayName("neither mode modifies x; output and mask are fresh row-major tensors")
    void neitherModeModifiesItsInput() {
        double nan = Double.NaN;
        Tensor x = Tensor.strided(new double[] {nan, 1, nan, 2, nan, 3, nan, 4}, new int[] {2, 2}, new int[] {4, 2}, 1);

        for (Mode mode : Mode.values()) {
            Inputs inputs = Inputs.snapshot("x", x);

            Dropped dropped = new Dropout(0.5).apply(x, mode, new Draws(0.9, 0.1, 0.9, 0.1));

            inputs.assertUntouched();
            assertThatTensor(dropped.output())
                    .describedAs("the output in %s mode: a tensor of its own (returning x, or writing into it, hands the"
                            + " caller's activations over to be changed), row-major", mode)
                    .doesNotShareStorageWith(x).doesNotShareStorageWith(dropped.mask()).hasStrides(2, 1);
            assertThatTensor(dropped.mask())
                    .describedAs("the mask in %s mode: a tensor of its own, row-major", mode)
                    .doesNotShareStorageWith(x).hasStrides(2, 1);
        }
    }

    @Test
    @Order(12)
    @DisplayName("a tensor with no elements gives an empty output and mask and draws nothing; a scalar draws once")
    void emptyTensorsDrawNothing() {
        Draws none = new Draws();
        Draws one = new Draws(0.1);

        Dropped empty = new Dropout(0.5).apply(Tensor.zeros(2, 0), Mode.TRAINING, none);
        Dropped scalar = new Dropout(0.5).apply(Tensor.scalar(3), Mode.TRAINING, one);

        assertThatTensor(empty.output()).describedAs("dropout of a (2, 0) tensor: output").hasShape(2, 0);
        assertThatTensor(empty.mask()).describedAs("dropout of a (2, 0) tensor: mask").hasShape(2, 0);
        assertThatTensor(scalar.output()).describedAs("dropout of the scalar 3 with the draw 0.1 < 0.5: dropped")
                .isCloseTo(Tensor.scalar(0));
        assertThat(one.used()).describedAs("draws for a scalar, which has one element").isEqualTo(1);
    }

    @Test
    @Order(13)
    @DisplayName("in training p = 0 and p = 1 still draw one number per element, though every draw gives the same answer")
    void theEdgesOfPStillDrawOncePerElement() {
        Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Draws atZero = new Draws(0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        Draws atOne = new Draws(0.5, 0.5, 0.5, 0.5, 0.5, 0.5);

        new Dropout(0).apply(x, Mode.TRAINING, atZero);
        new Dropout(1).apply(x, Mode.TRAINING, atOne);

        assertThat(atZero.used())
                .describedAs("draws for a (2, 3) tensor in training at p = 0: one per element, as at any p; skipping them"
                        + " because every unit is kept shifts every later draw of the same generator")
                .isEqualTo(6);
        assertThat(atOne.used())
                .describedAs("draws for a (2, 3) tensor in training at p = 1: one per element, as at any p; skipping them"
                        + " because every unit is dropped shifts every later draw of the same generator")
                .isEqualTo(6);
    }

    // ---- errors ----

    @Test
    @Order(14)
    @DisplayName("a probability outside [0, 1] is rejected, NaN and infinities included, naming p")
    void aProbabilityOutsideZeroToOneIsRejected() {
        for (double p : new double[] {-0.1, 1.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            assertThatIllegalArgumentException()
                    .describedAs("new Dropout(%s): p is a probability; a check p < 0 || p > 1 lets NaN through", p)
                    .isThrownBy(() -> new Dropout(p))
                    .withMessageContaining("p = " + p);
        }
    }

    /** The sum of the absolute differences of two tensors of one shape. */
    private static double distance(Tensor a, Tensor b) {
        double sum = 0;
        for (int i = 0; i < a.size(0); i++) {
            sum += Math.abs(a.get(i) - b.get(i));
        }
        return sum;
    }
}
