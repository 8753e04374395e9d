package kata.layernorm;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import kata.support.Matrices;
import kata.support.Tensor;
import kata.support.TensorFunction;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-04")
@Order(2)
@DisplayName("04 Layer normalization: Pre-LN and Post-LN wirings")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResidualSpec {

    /** A layer norm with gamma all 1 and beta all 0 over {@code d} features, with the given eps. */
    private static LayerNorm plain(int d, double eps) {
        LayerNorm initial = LayerNorm.initial(d);
        return new LayerNorm(initial.gamma(), initial.beta(), eps);
    }

    /** A sublayer that remembers what it was given and returns {@code 3 v}. */
    private static final class Tripler implements TensorFunction {
        private final List<Tensor> seen = new ArrayList<>();

        @Override
        public Tensor apply(Tensor v) {
            seen.add(v);
            Tensor out = Tensor.zeros(v.shape());
            for (int k = 0; k < v.size(0); k++) {
                out.set(3 * v.get(k), k);
            }
            return out;
        }
    }

    // ---- Pre-LN: x + F(LN(x)) ----

    @Test
    @Order(1)
    @DisplayName("Pre-LN adds the sublayer of the normalized input to the raw input: x + F(LN(x))")
    void preNormAddsTheSublayerOfTheNormalizedInputToTheRawInput() {
        Tensor x = Tensor.vector(2, 4, 6, 8);
        Tripler tripler = new Tripler();

        Tensor y = Residual.preNorm(x, plain(4, 4), tripler);

        // LN(x) with eps 4 is [-1, -1/3, 1/3, 1] (variance 5, sqrt(5 + 4) = 3); F triples it.
        assertThatTensor(tripler.seen.get(0))
                .describedAs("what F was given in Pre-LN: LN(x) = [-1, -1/3, 1/3, 1], not x")
                .isCloseTo(Tensor.vector(-1, -1.0 / 3, 1.0 / 3, 1));
        assertThatTensor(y)
                .describedAs("Pre-LN of x = [2, 4, 6, 8] with F(v) = 3v: x + 3 LN(x) = [2 - 3, 4 - 1, 6 + 1, 8 + 3]; the"
                        + " residual path is the raw x, not LN(x), and the sum is not normalized")
                .isCloseTo(Tensor.vector(-1, 3, 7, 11));
    }

    @Test
    @Order(2)
    @DisplayName("Post-LN normalizes the sum of the input and its sublayer: LN(x + F(x))")
    void postNormNormalizesTheSumOfInputAndSublayer() {
        Tensor x = Tensor.vector(2, 4, 6, 8);
        List<Tensor> seen = new ArrayList<>();
        TensorFunction alternating = v -> {
            seen.add(v);
            return Tensor.vector(1, -1, 1, -1);
        };

        Tensor y = Residual.postNorm(x, plain(4, 5), alternating);

        // x + F(x) = [3, 3, 7, 7]: mean 5, variance 4, sqrt(4 + 5) = 3.
        assertThatTensor(seen.get(0))
                .describedAs("what F was given in Post-LN: x itself, [2, 4, 6, 8]")
                .isCloseTo(x);
        assertThatTensor(y)
                .describedAs("Post-LN of x = [2, 4, 6, 8] with F(x) = [1, -1, 1, -1] and eps 5: LN([3, 3, 7, 7]); the"
                        + " norm takes the sum, not F(x) alone")
                .isCloseTo(Tensor.vector(-2.0 / 3, -2.0 / 3, 2.0 / 3, 2.0 / 3));
    }

    @Test
    @Order(3)
    @DisplayName("with the identity sublayer Post-LN gives LN(2x) and Pre-LN gives x + LN(x), not normalized")
    void postNormRowsAreNormalizedAndPreNormRowsAreNot() {
        Tensor x = Tensor.vector(1, 3);

        Tensor post = Residual.postNorm(x, plain(2, 3), v -> v);
        Tensor pre = Residual.preNorm(x, plain(2, 3), v -> v);

        // LN([2, 6]) with eps 3: variance 4, sqrt(7). x + LN(x) = [1 - 1/2, 3 + 1/2]: mean 2, not 0.
        double r = 2 / Math.sqrt(7);
        assertThatTensor(post)
                .describedAs("Post-LN of [1, 3] with F the identity and eps 3: LN([2, 6]), a row of mean 0")
                .isCloseTo(Tensor.vector(-r, r));
        assertThatTensor(pre)
                .describedAs("Pre-LN of [1, 3] with F the identity and eps 3: [1, 3] + LN([1, 3]), a row of mean 2; a"
                        + " Pre-LN stack ends with one more layer norm for this reason")
                .isCloseTo(Tensor.vector(0.5, 3.5));
    }

    @Test
    @Order(4)
    @DisplayName("a sublayer that outputs zeros (fully dropped) makes Pre-LN the identity and Post-LN plain LN(x)")
    void aZeroSublayerLeavesXOrLnOfX() {
        Tensor x = Tensor.matrix(new double[] {1, 3}, new double[] {-4, 6});
        TensorFunction zero = v -> Tensor.zeros(v.shape());

        Tensor pre = Residual.preNorm(x, plain(2, 3), zero);
        Tensor post = Residual.postNorm(x, plain(2, 3), zero);

        // Row [-4, 6]: variance 25, sqrt(28).
        double r = 5 / Math.sqrt(28);
        assertThatTensor(pre).describedAs("Pre-LN of %s with F = 0: x + 0 = x", x).isCloseTo(x);
        assertThatTensor(post).describedAs("Post-LN of %s with F = 0 and eps 3: LN(x + 0) = LN(x)", x)
                .isCloseTo(Tensor.matrix(new double[] {-0.5, 0.5}, new double[] {-r, r}));
    }

    @Test
    @Order(5)
    @DisplayName("golden: both wirings of an nn.Linear(5, 5) sublayer with nn.LayerNorm(5), as PyTorch computes them")
    void matchesPyTorchWirings() {
        LayerNorm norm = new LayerNorm(GoldenLayerNorm.normGamma(), GoldenLayerNorm.normBeta(), GoldenLayerNorm.EPS);
        TensorFunction linear = v -> Matrices.linear(v, GoldenLayerNorm.sublayerWeight(), GoldenLayerNorm.sublayerBias());

        Tensor pre = Residual.preNorm(GoldenLayerNorm.sequence(), norm, linear);
        Tensor post = Residual.postNorm(GoldenLayerNorm.sequence(), norm, linear);

        // Produced by katas/04-layer-norm/golden/generate.py: x + linear(norm(x)) and norm(x + linear(x)) in
        // float64, the weight written as weight.T so that the sublayer is x W + b.
        assertThatTensor(pre).describedAs("Pre-LN x + linear(norm(x)) computed by PyTorch")
                .isCloseTo(GoldenLayerNorm.preNorm(), Tolerance.FRAMEWORK);
        assertThatTensor(post).describedAs("Post-LN norm(x + linear(x)) computed by PyTorch")
                .isCloseTo(GoldenLayerNorm.postNorm(), Tolerance.FRAMEWORK);
    }

    // ---- layouts, inputs, empty axes ----

    @Test
    @Order(6)
    @DisplayName("both wirings read x and the sublayer's output through their layouts")
    void bothWiringsReadEveryTensorThroughItsLayout() {
        double nan = Double.NaN;
        // x: the transpose [[1, 3], [10, 30]] of storage [1, 10, 3, 30]; F(v): the row [1, -1] repeated (stride 0).
        Tensor x = Tensor.strided(new double[] {1, 10, 3, 30}, new int[] {2, 2}, new int[] {1, 2}, 0);
        TensorFunction broadcastRow = v -> Tensor.strided(new double[] {nan, 1, -1}, new int[] {2, 2}, new int[] {0, 1}, 1);

        Tensor pre = Residual.preNorm(x, plain(2, 3), broadcastRow);
        Tensor post = Residual.postNorm(x, plain(2, 3), broadcastRow);

        // x + F = [[2, 2], [11, 29]]: row 0 constant, row 1 variance 81, sqrt(84).
        double r = 9 / Math.sqrt(84);
        assertThatTensor(pre)
                .describedAs("Pre-LN of x = %s with F(v) = [[1, -1], [1, -1]] (a broadcast view): read both with get()", x)
                .isCloseTo(Tensor.matrix(new double[] {2, 2}, new double[] {11, 29}));
        assertThatTensor(post)
                .describedAs("Post-LN of x = %s with F(v) = [[1, -1], [1, -1]] (a broadcast view): LN([[2, 2], [11, 29]])", x)
                .isCloseTo(Tensor.matrix(new double[] {0, 0}, new double[] {-r, r}));
    }

    @Test
    @Order(7)
    @DisplayName("both wirings leave x untouched and return a fresh tensor, even when F returns its argument")
    void bothWiringsLeaveTheirInputUntouched() {
        Tensor x = Tensor.matrix(new double[] {1, 3}, new double[] {-4, 6});
        Tensor constant = Tensor.matrix(new double[] {1, 1}, new double[] {2, 2});
        Inputs inputs = Inputs.snapshot("x", x, "the sublayer's output", constant);

        Tensor postIdentity = Residual.postNorm(x, plain(2, 3), v -> v);
        Tensor preIdentity = Residual.preNorm(x, plain(2, 3), v -> v);
        Tensor preConstant = Residual.preNorm(x, plain(2, 3), v -> constant);
        Tensor postConstant = Residual.postNorm(x, plain(2, 3), v -> constant);

        inputs.assertUntouched();
        for (Tensor y : new Tensor[] {postIdentity, preIdentity, preConstant, postConstant}) {
            assertThatTensor(y)
                    .describedAs("a wiring's result: a tensor of its own, row-major; adding into F's output in place"
                            + " writes into x when F is the identity")
                    .doesNotShareStorageWith(x).doesNotShareStorageWith(constant).hasStrides(2, 1);
        }
    }

    @Test
    @Order(8)
    @DisplayName("a sequence of no tokens, shape (0, d), goes through both wirings as (0, d)")
    void anEmptySequenceGivesAnEmptyResult() {
        Tensor x = Tensor.zeros(0, 4);

        Tensor pre = Residual.preNorm(x, LayerNorm.initial(4), v -> v);
        Tensor post = Residual.postNorm(x, LayerNorm.initial(4), v -> v);

        assertThatTensor(pre).describedAs("Pre-LN of a (0, 4) sequence").hasShape(0, 4);
        assertThatTensor(post).describedAs("Post-LN of a (0, 4) sequence").hasShape(0, 4);
    }

    @Test
    @Order(9)
    @DisplayName("each wiring calls the sublayer exactly once")
    void eachWiringCallsTheSublayerOnce() {
        Tensor x = Tensor.vector(2, 4, 6, 8);
        Tripler preSublayer = new Tripler();
        Tripler postSublayer = new Tripler();

        Residual.preNorm(x, plain(4, 4), preSublayer);
        Residual.postNorm(x, plain(4, 4), postSublayer);

        assertThat(preSublayer.seen)
                .describedAs("calls of F in one Pre-LN call: one; calling F again (say, once to check its shape and"
                        + " once to add it) doubles the cost and, with dropout inside F, draws other units")
                .hasSize(1);
        assertThat(postSublayer.seen)
                .describedAs("calls of F in one Post-LN call: one; calling F again (say, once to check its shape and"
                        + " once to add it) doubles the cost and, with dropout inside F, draws other units")
                .hasSize(1);
    }

    // ---- errors ----

    @Test
    @Order(10)
    @DisplayName("a sublayer that changes the shape is rejected by both wirings, naming both shapes")
    void aSublayerThatChangesTheShapeIsRejected() {
        Tensor x = Tensor.zeros(2, 3);
        TensorFunction widening = v -> Tensor.zeros(2, 4);

        assertThatIllegalArgumentException()
                .describedAs("Pre-LN: x of shape (2, 3) and a sublayer output of shape (2, 4) cannot be added")
                .isThrownBy(() -> Residual.preNorm(x, LayerNorm.initial(3), widening))
                .withMessageContaining("sublayer")
                .withMessageContaining("[2, 3]")
                .withMessageContaining("[2, 4]");
        assertThatIllegalArgumentException()
                .describedAs("Post-LN: x of shape (2, 3) and a sublayer output of shape (2, 4) cannot be added")
                .isThrownBy(() -> Residual.postNorm(x, LayerNorm.initial(3), widening))
                .withMessageContaining("sublayer")
                .withMessageContaining("[2, 3]")
                .withMessageContaining("[2, 4]");
    }

    @Test
    @Order(11)
    @DisplayName("a sublayer output with the same number of elements in another shape is rejected too")
    void aSublayerThatReshapesIsRejected() {
        Tensor x = Tensor.zeros(2, 3);
        TensorFunction reshaping = v -> Tensor.zeros(3, 2);

        assertThatIllegalArgumentException()
                .describedAs("Pre-LN: x of shape (2, 3) and F(x) of shape (3, 2): six elements each, not one shape")
                .isThrownBy(() -> Residual.preNorm(x, LayerNorm.initial(3), reshaping))
                .withMessageContaining("sublayer")
                .withMessageContaining("[3, 2]");
    }

    @Test
    @Order(12)
    @DisplayName("Pre-LN rejects an x whose rows do not fit the norm, as LayerNorm.apply does")
    void preNormRejectsRowsThatDoNotFitTheNorm() {
        assertThatIllegalArgumentException()
                .describedAs("Pre-LN of x of shape (2, 5) with a layer norm over 3 features")
                .isThrownBy(() -> Residual.preNorm(Tensor.zeros(2, 5), LayerNorm.initial(3), v -> v))
                .withMessageContaining("x")
                .withMessageContaining("[2, 5]");
    }
}
