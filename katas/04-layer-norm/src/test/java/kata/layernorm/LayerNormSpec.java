package kata.layernorm;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-04")
@Order(1)
@DisplayName("04 Layer normalization: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayerNormSpec {

    /** A layer norm with gamma all 1 and beta all 0 over {@code d} features, with the given eps. */
    private static LayerNorm plain(int d, double eps) {
        LayerNorm initial = LayerNorm.initial(d);
        return new LayerNorm(initial.gamma(), initial.beta(), eps);
    }

    // ---- one row ----

    @Test
    @Order(1)
    @DisplayName("a fresh layer norm starts with gamma all 1, beta all 0 and eps 1e-5")
    void initialHasUnitGammaZeroBetaAndTheDefaultEps() {
        LayerNorm norm = LayerNorm.initial(3);

        assertThatTensor(norm.gamma()).describedAs("gamma of initial(3): the identity scale").isCloseTo(Tensor.vector(1, 1, 1));
        assertThatTensor(norm.beta()).describedAs("beta of initial(3): no shift").isCloseTo(Tensor.vector(0, 0, 0));
        assertThat(norm.eps()).describedAs("eps of initial(3), PyTorch's default").isEqualTo(1e-5);
        assertThat(LayerNorm.DEFAULT_EPS).describedAs("DEFAULT_EPS").isEqualTo(1e-5);
    }

    @Test
    @Order(2)
    @DisplayName("a row is centered and divided by its biased standard deviation: [1, 3] gives about [-1, 1]")
    void aRowOfTwoIsCenteredAndScaled() {
        Tensor x = Tensor.vector(1, 3);

        Tensor y = LayerNorm.initial(2).apply(x);

        // mean 2, biased variance ((1 - 2)^2 + (3 - 2)^2) / 2 = 1, so y = (x - 2) / sqrt(1 + 1e-5).
        double scale = 1 / Math.sqrt(1 + 1e-5);
        assertThatTensor(y)
                .describedAs("LN([1, 3]) with eps 1e-5: mean 2, variance 1, so (x - 2) / sqrt(1 + 1e-5)")
                .isCloseTo(Tensor.vector(-scale, scale));
    }

    @Test
    @Order(3)
    @DisplayName("the variance is biased, divided by d and not d - 1: [2, 4, 6, 8] with eps 4 gives [-1, -1/3, 1/3, 1]")
    void aRowIsCenteredAndDividedByItsBiasedStandardDeviation() {
        Tensor x = Tensor.vector(2, 4, 6, 8);

        Tensor y = plain(4, 4).apply(x);

        // mean 5, deviations -3, -1, 1, 3, biased variance (9 + 1 + 1 + 9) / 4 = 5, sqrt(5 + 4) = 3.
        assertThatTensor(y)
                .describedAs("LN([2, 4, 6, 8]) with eps 4: variance 20 / 4 = 5 (not 20 / 3), sqrt(5 + 4) = 3,"
                        + " so the deviations -3, -1, 1, 3 are divided by 3")
                .isCloseTo(Tensor.vector(-1, -1.0 / 3, 1.0 / 3, 1));
    }

    @Test
    @Order(4)
    @DisplayName("eps is added to the variance inside the square root: [1, 3] with eps 3 gives [-1/2, 1/2]")
    void epsIsAddedToTheVarianceInsideTheSquareRoot() {
        Tensor x = Tensor.vector(1, 3);

        Tensor y = plain(2, 3).apply(x);

        // variance 1: sqrt(1 + 3) = 2, where sqrt(1) + 3 = 4 would give [-1/4, 1/4].
        assertThatTensor(y)
                .describedAs("LN([1, 3]) with eps 3: the deviations -1, 1 divided by sqrt(var + eps) = sqrt(4) = 2,"
                        + " not by sqrt(var) + eps = 4")
                .isCloseTo(Tensor.vector(-0.5, 0.5));
    }

    @Test
    @Order(5)
    @DisplayName("gamma scales and beta shifts each feature after normalizing: gamma * xhat + beta")
    void gammaScalesAndBetaShiftsEachFeature() {
        LayerNorm norm = new LayerNorm(Tensor.vector(2, 10), Tensor.vector(100, -100), 3);

        Tensor y = norm.apply(Tensor.vector(1, 3));

        // xhat = [-1/2, 1/2] as above; 2 * -1/2 + 100 = 99, 10 * 1/2 - 100 = -95.
        assertThatTensor(y)
                .describedAs("LN([1, 3]) with eps 3, gamma [2, 10] and beta [100, -100]: xhat = [-1/2, 1/2], then"
                        + " gamma_k * xhat_k + beta_k (gamma multiplies, beta adds)")
                .isCloseTo(Tensor.vector(99, -95));
    }

    // ---- many rows ----

    @Test
    @Order(6)
    @DisplayName("each row of a matrix is normalized with its own mean and variance, not the column's")
    void eachRowIsNormalizedWithItsOwnStatistics() {
        Tensor x = Tensor.matrix(new double[] {1, 2, 3}, new double[] {10, 20, 30});

        Tensor y = plain(3, 1.0 / 3).apply(x);

        // Row 0: mean 2, variance 2/3, sqrt(2/3 + 1/3) = 1. Row 1: mean 20, variance 200/3, sqrt(67).
        double r = 10 / Math.sqrt(67);
        assertThatTensor(y)
                .describedAs("LN over the last axis of %s with eps 1/3: row 0 has variance 2/3 and row 1 variance"
                        + " 200/3; statistics over a column (axis 0) mix the rows, as batch norm does", x)
                .isCloseTo(Tensor.matrix(new double[] {-1, 0, 1}, new double[] {-r, 0, r}));
    }

    @Test
    @Order(7)
    @DisplayName("a batch (B, T, d) is normalized over its last axis, one row at a time")
    void aBatchIsNormalizedOverItsLastAxis() {
        Tensor x = Tensor.of(new int[] {2, 1, 2}, 1, 3, 10, 20);

        Tensor y = plain(2, 3).apply(x);

        // Row (0, 0): [1, 3], variance 1, sqrt(4) = 2. Row (1, 0): [10, 20], variance 25, sqrt(28).
        double r = 5 / Math.sqrt(28);
        assertThatTensor(y)
                .describedAs("LN with eps 3 of the (2, 1, 2) batch %s: each innermost row on its own", x)
                .isCloseTo(Tensor.of(new int[] {2, 1, 2}, -0.5, 0.5, -r, r));
    }

    // ---- golden values ----

    @Test
    @Order(8)
    @DisplayName("golden: nn.LayerNorm(6) with eps 1e-5 on rows of different means and spreads")
    void matchesPyTorchLayerNorm() {
        LayerNorm norm = new LayerNorm(GoldenLayerNorm.gamma(), GoldenLayerNorm.beta(), GoldenLayerNorm.EPS);

        Tensor y = norm.apply(GoldenLayerNorm.x());

        // Produced by katas/04-layer-norm/golden/generate.py (torch.nn.LayerNorm in float64). The last row
        // has mean 100 and variance about 1e-5, so eps counts there.
        assertThatTensor(y)
                .describedAs("nn.LayerNorm(6) of PyTorch, float64, gamma and beta drawn at random")
                .isCloseTo(GoldenLayerNorm.y(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(9)
    @DisplayName("golden: nn.LayerNorm(4, eps=0.1) on a (2, 3, 4) batch, where eps weighs in every row")
    void matchesPyTorchLayerNormWithALargeEpsOnABatch() {
        LayerNorm norm = new LayerNorm(GoldenLayerNorm.batchGamma(), GoldenLayerNorm.batchBeta(),
                GoldenLayerNorm.BATCH_EPS);

        Tensor y = norm.apply(GoldenLayerNorm.batch());

        // Produced by katas/04-layer-norm/golden/generate.py (torch.nn.LayerNorm(4, eps=0.1) in float64).
        assertThatTensor(y)
                .describedAs("nn.LayerNorm(4, eps=0.1) of PyTorch on a (B, T, d) batch of small activations")
                .isCloseTo(GoldenLayerNorm.batchY(), Tolerance.FRAMEWORK);
    }

    // ---- extremes ----

    @Test
    @Order(10)
    @DisplayName("a constant row gives beta exactly: variance 0, no division by zero, no NaN")
    void aConstantRowGivesBeta() {
        LayerNorm norm = new LayerNorm(Tensor.vector(2, 3, 4, 5), Tensor.vector(0.5, -1, 2, 7), LayerNorm.DEFAULT_EPS);
        Tensor x = Tensor.matrix(new double[] {7, 7, 7, 7}, new double[] {1e8 + 2, 1e8 + 2, 1e8 + 2, 1e8 + 2});

        Tensor y = norm.apply(x);

        // Every deviation is exactly 0 and sqrt(0 + eps) > 0, so y = gamma * 0 + beta.
        assertThatTensor(y)
                .describedAs("LN of constant rows (7 and 1e8 + 2): every deviation is 0, eps keeps the denominator"
                        + " positive, so each row is beta; E[x^2] - E[x]^2 is not 0 for 1e8 + 2, use two passes")
                .isFinite()
                .isCloseTo(Tensor.matrix(new double[] {0.5, -1, 2, 7}, new double[] {0.5, -1, 2, 7}));
    }

    @Test
    @Order(11)
    @DisplayName("a row with a large mean and a small spread, 1e8 + 1, 2, 3, is normalized like 1, 2, 3")
    void aRowWithALargeMeanAndASmallSpreadIsNormalized() {
        Tensor x = Tensor.vector(1e8 + 1, 1e8 + 2, 1e8 + 3);

        Tensor y = LayerNorm.initial(3).apply(x);

        // mean 1e8 + 2, deviations -1, 0, 1, variance 2/3 (all exact in doubles).
        double r = 1 / Math.sqrt(2.0 / 3 + 1e-5);
        assertThatTensor(y)
                .describedAs("LN([1e8 + 1, 1e8 + 2, 1e8 + 3]): variance 2/3 from the deviations; E[x^2] - E[x]^2"
                        + " loses every digit at this size")
                .isCloseTo(Tensor.vector(-r, 0, r));
    }

    @Test
    @Order(12)
    @DisplayName("a single feature (d = 1) is always its own mean: the output is beta")
    void aSingleFeatureGivesBeta() {
        LayerNorm norm = new LayerNorm(Tensor.vector(3), Tensor.vector(-2), LayerNorm.DEFAULT_EPS);
        Tensor x = Tensor.matrix(new double[] {5}, new double[] {-1e8});

        Tensor y = norm.apply(x);

        assertThatTensor(y)
                .describedAs("LN over d = 1 feature of %s: each row is a constant row, so beta", x)
                .isCloseTo(Tensor.matrix(new double[] {-2}, new double[] {-2}));
    }

    // ---- layouts, inputs, empty axes ----

    @Test
    @Order(13)
    @DisplayName("x, gamma and beta are read through their layouts: a transposed x, a sliced gamma, a broadcast beta")
    void everyTensorArgumentIsReadThroughItsLayout() {
        double nan = Double.NaN;
        // x: storage [1, 10, 3, 30] read with strides (1, 2): the transpose [[1, 3], [10, 30]].
        Tensor x = Tensor.strided(new double[] {1, 10, 3, 30}, new int[] {2, 2}, new int[] {1, 2}, 0);
        // gamma: every other element from position 1: [2, 4]. beta: one element repeated, [5, 5].
        Tensor gamma = Tensor.strided(new double[] {nan, 2, nan, 4}, new int[] {2}, new int[] {2}, 1);
        Tensor beta = Tensor.strided(new double[] {nan, 5}, new int[] {2}, new int[] {0}, 1);

        Tensor y = new LayerNorm(gamma, beta, 3).apply(x);

        // Row [1, 3]: xhat [-1/2, 1/2]. Row [10, 30]: variance 100, xhat [-10, 10] / sqrt(103).
        double r = 10 / Math.sqrt(103);
        assertThatTensor(y)
                .describedAs("LN with eps 3 of x = %s, gamma = %s, beta = %s: read every tensor with get(),"
                        + " never by position in storage()", x, gamma, beta)
                .isCloseTo(Tensor.matrix(new double[] {2 * -0.5 + 5, 4 * 0.5 + 5},
                        new double[] {2 * -r + 5, 4 * r + 5}));
    }

    @Test
    @Order(14)
    @DisplayName("apply leaves x, gamma and beta untouched and returns a fresh row-major tensor")
    void applyLeavesItsInputsUntouched() {
        double nan = Double.NaN;
        Tensor x = Tensor.strided(new double[] {nan, 1, nan, 2, nan, 4, nan, 8}, new int[] {2, 2}, new int[] {4, 2}, 1);
        Tensor gamma = Tensor.vector(1.5, 0.5);
        Tensor beta = Tensor.vector(0, 0);
        LayerNorm norm = new LayerNorm(gamma, beta, 1e-3);
        Inputs inputs = Inputs.snapshot("x", x, "gamma", gamma, "beta", beta);

        Tensor y = norm.apply(x);

        inputs.assertUntouched();
        assertThatTensor(y)
                .describedAs("LN of %s: a result of its own, laid out row-major", x)
                .doesNotShareStorageWith(x).doesNotShareStorageWith(gamma).doesNotShareStorageWith(beta)
                .hasStrides(2, 1);
    }

    @Test
    @Order(15)
    @DisplayName("with gamma 1 and beta 0 over d = 1 the result is still a fresh tensor, not beta or x")
    void aSingleFeatureStillGivesAFreshTensor() {
        LayerNorm norm = LayerNorm.initial(1);
        Tensor x = Tensor.matrix(new double[] {0}, new double[] {0});

        Tensor y = norm.apply(x);

        assertThatTensor(y)
                .describedAs("LN of the (2, 1) zeros: the values are beta's, in a tensor of their own")
                .doesNotShareStorageWith(x).doesNotShareStorageWith(norm.beta()).doesNotShareStorageWith(norm.gamma())
                .hasStrides(1, 1)
                .isCloseTo(Tensor.matrix(new double[] {0}, new double[] {0}));
    }

    @Test
    @Order(16)
    @DisplayName("empty axes as in PyTorch: no rows gives (0, d), no features (d = 0) gives (T, 0)")
    void emptyAxesGiveEmptyResults() {
        Tensor noRows = Tensor.zeros(0, 3);
        Tensor noFeatures = Tensor.zeros(2, 0);

        Tensor fromNoRows = LayerNorm.initial(3).apply(noRows);
        Tensor fromNoFeatures = LayerNorm.initial(0).apply(noFeatures);

        assertThatTensor(fromNoRows).describedAs("LN of a (0, 3) tensor: no rows to normalize").hasShape(0, 3);
        assertThatTensor(fromNoFeatures).describedAs("LN over d = 0 of a (2, 0) tensor: rows with nothing in them")
                .hasShape(2, 0);
    }

    // ---- errors ----

    @Test
    @Order(17)
    @DisplayName("rows of the wrong length are rejected, naming x and its shape")
    void rowsOfTheWrongLengthAreRejected() {
        LayerNorm norm = LayerNorm.initial(3);

        assertThatIllegalArgumentException()
                .describedAs("a layer norm over 3 features cannot normalize rows of 4; gamma has shape [3]")
                .isThrownBy(() -> norm.apply(Tensor.zeros(2, 4)))
                .withMessageContaining("x")
                .withMessageContaining("[2, 4]");
    }

    @Test
    @Order(18)
    @DisplayName("a scalar has no feature axis to normalize over")
    void aScalarIsRejected() {
        LayerNorm norm = LayerNorm.initial(1);

        assertThatIllegalArgumentException()
                .describedAs("a rank-0 tensor (shape []) has no last axis; check the rank yourself, Tensor.size"
                        + " does not say this for you")
                .isThrownBy(() -> norm.apply(Tensor.scalar(2)))
                .withMessageContaining("x")
                .withMessageContaining("[]");
    }

    @Test
    @Order(19)
    @DisplayName("gamma must be a vector, one value per feature")
    void gammaMustBeAVector() {
        assertThatIllegalArgumentException()
                .describedAs("gamma of shape (2, 3) is not a vector (rank 1)")
                .isThrownBy(() -> new LayerNorm(Tensor.zeros(2, 3), Tensor.zeros(2, 3), 1e-5))
                .withMessageContaining("gamma")
                .withMessageContaining("[2, 3]");
    }

    @Test
    @Order(20)
    @DisplayName("beta must have the shape of gamma")
    void betaMustHaveTheShapeOfGamma() {
        assertThatIllegalArgumentException()
                .describedAs("gamma of shape (3) and beta of shape (4) cannot belong to one layer norm")
                .isThrownBy(() -> new LayerNorm(Tensor.zeros(3), Tensor.zeros(4), 1e-5))
                .withMessageContaining("beta")
                .withMessageContaining("[4]")
                .withMessageContaining("[3]");
        assertThatIllegalArgumentException()
                .describedAs("gamma of shape (3) and beta of shape (3, 1): the same count, not the same shape")
                .isThrownBy(() -> new LayerNorm(Tensor.zeros(3), Tensor.zeros(3, 1), 1e-5))
                .withMessageContaining("beta")
                .withMessageContaining("[3, 1]");
    }

    @Test
    @Order(21)
    @DisplayName("eps must be positive and finite: 0, a negative eps, NaN and infinity are rejected")
    void epsMustBePositiveAndFinite() {
        for (double eps : new double[] {0.0, -1e-5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatIllegalArgumentException()
                    .describedAs("eps = %s: with eps <= 0 a constant row divides 0 by 0; NaN and infinity turn every"
                            + " row into NaN or 0", eps)
                    .isThrownBy(() -> new LayerNorm(Tensor.zeros(2), Tensor.zeros(2), eps))
                    .withMessageContaining("eps")
                    .withMessageContaining(String.valueOf(eps));
        }
    }

    @Test
    @Order(22)
    @DisplayName("initial rejects a negative feature count")
    void initialRejectsANegativeFeatureCount() {
        assertThatIllegalArgumentException()
                .describedAs("initial(-2): a layer norm over -2 features")
                .isThrownBy(() -> LayerNorm.initial(-2))
                .withMessageContaining("d")
                .withMessageContaining("-2");
    }
}
