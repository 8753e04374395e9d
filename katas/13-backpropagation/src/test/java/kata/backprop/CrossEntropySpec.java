package kata.backprop;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

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
@Order(3)
@DisplayName("13 Backpropagation: cross-entropy with PAD and label smoothing")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossEntropySpec {

    private static final int PAD = -1;

    @Test
    @Order(1)
    @DisplayName("two equal logits: loss ln 2, dlogits = softmax - onehot = [0.5, -0.5]")
    void twoEqualLogitsGiveLnTwo() {
        CrossEntropyResult r = CrossEntropy.of(Tensor.matrix(new double[] {0, 0}), new int[] {1}, PAD, 0.0);

        assertThat(r.loss()).describedAs("-log softmax = -log 0.5").isCloseTo(Math.log(2), within(Tolerance.DEFAULT));
        assertThatTensor(r.dLogits()).describedAs("softmax [0.5, 0.5] minus the onehot of class 1")
                .isCloseTo(Tensor.matrix(new double[] {0.5, -0.5}));
        assertThat(r.count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    @DisplayName("the loss and dlogits are means over the rows: each row's gradient is divided by n")
    void theGradientIsDividedByTheCount() {
        CrossEntropyResult r = CrossEntropy.of(Tensor.matrix(new double[] {0, 0}, new double[] {0, 0}),
                new int[] {1, 0}, PAD, 0.0);

        assertThat(r.loss()).isCloseTo(Math.log(2), within(Tolerance.DEFAULT));
        assertThatTensor(r.dLogits()).describedAs("(softmax - onehot) / 2")
                .isCloseTo(Tensor.matrix(new double[] {0.25, -0.25}, new double[] {-0.25, 0.25}));
    }

    @Test
    @Order(3)
    @DisplayName("PAD positions are left out of the mean: n counts only the real targets")
    void padPositionsAreLeftOutOfTheMean() {
        CrossEntropyResult r = CrossEntropy.of(Tensor.matrix(new double[] {0, 0}, new double[] {5, 1}),
                new int[] {1, PAD}, PAD, 0.0);

        assertThat(r.count()).describedAs("one real target, one PAD").isEqualTo(1);
        assertThat(r.loss()).describedAs("ln 2 over 1 real position, not over both rows")
                .isCloseTo(Math.log(2), within(Tolerance.DEFAULT));
        assertThatTensor(r.dLogits()).describedAs("the real row divided by n = 1, the PAD row 0")
                .isCloseTo(Tensor.matrix(new double[] {0.5, -0.5}, new double[] {0, 0}));
    }

    @Test
    @Order(4)
    @DisplayName("PAD rows get exactly zero gradient, and only PAD gives loss 0 and no gradient")
    void padRowsGetExactlyZeroGradient() {
        CrossEntropyResult r = CrossEntropy.of(Tensor.matrix(new double[] {3, 1}, new double[] {2, 7}),
                new int[] {PAD, PAD}, PAD, 0.1);

        assertThat(r.count()).isZero();
        assertThat(r.loss()).describedAs("no real position: loss 0, never NaN (0 / 0)").isEqualTo(0.0);
        assertThatTensor(r.dLogits()).isCloseTo(Tensor.zeros(2, 2), 0.0);
    }

    @Test
    @Order(5)
    @DisplayName("label smoothing: the target is (1 - eps) onehot + eps / V, spread over all V classes")
    void labelSmoothingSpreadsOverEveryClass() {
        CrossEntropyResult r = CrossEntropy.of(Tensor.matrix(new double[] {0, 0}), new int[] {0}, PAD, 0.2);

        assertThat(r.loss()).describedAs("-(0.9 log 0.5 + 0.1 log 0.5)").isCloseTo(Math.log(2), within(Tolerance.DEFAULT));
        assertThatTensor(r.dLogits()).describedAs("target [0.8 + 0.1, 0.1]: eps / V on every class, the true one"
                + " included (eps / (V - 1) on the others only would give [-0.3, 0.3])")
                .isCloseTo(Tensor.matrix(new double[] {-0.4, 0.4}));
    }

    @Test
    @Order(6)
    @DisplayName("smoothing 1 is allowed: the target is uniform, so equal logits get no gradient")
    void fullSmoothingIsAUniformTarget() {
        CrossEntropyResult r = CrossEntropy.of(Tensor.matrix(new double[] {0, 0}), new int[] {0}, PAD, 1.0);

        assertThat(r.loss()).describedAs("-(0.5 log 0.5 + 0.5 log 0.5)").isCloseTo(Math.log(2), within(Tolerance.DEFAULT));
        assertThatTensor(r.dLogits()).describedAs("softmax [0.5, 0.5] minus the uniform target").isCloseTo(Tensor.zeros(1, 2));
    }

    @Test
    @Order(7)
    @DisplayName("golden: F.cross_entropy with ignore_index and label_smoothing 0.1 matches PyTorch, loss and gradient")
    void labelSmoothingMatchesPyTorch() {
        // GoldenGradients: katas/13-backpropagation/golden/generate.py, autograd of F.cross_entropy.
        CrossEntropyResult r = CrossEntropy.of(GoldenGradients.crossEntropyLogits(), GoldenGradients.crossEntropyTargets(),
                GoldenGradients.PAD, GoldenGradients.SMOOTHING);

        assertThat(r.loss()).describedAs("the smoothed loss averaged over the 4 non-PAD rows")
                .isCloseTo(GoldenGradients.CROSS_ENTROPY_LOSS, within(Tolerance.FRAMEWORK));
        assertThatTensor(r.dLogits()).describedAs("logits.grad").isCloseTo(GoldenGradients.crossEntropyDLogits(), Tolerance.FRAMEWORK);
        assertThat(r.count()).isEqualTo(4);
    }

    @Test
    @Order(8)
    @DisplayName("logits of 1e4 stay finite: the log softmax is shifted by the row max")
    void logitsOf1e4StayFinite() {
        CrossEntropyResult r = CrossEntropy.of(Tensor.matrix(new double[] {1e4, 0}), new int[] {1}, PAD, 0.0);

        assertThat(r.loss()).describedAs("-log softmax_1 = 1e4 - 0; exp(1e4) overflows to infinity").isCloseTo(1e4, within(1e-6));
        assertThatTensor(r.dLogits()).isCloseTo(Tensor.matrix(new double[] {1, -1}));
    }

    @Test
    @Order(9)
    @DisplayName("logits are read through any layout; logits and targets are left untouched; dlogits is fresh")
    void logitsAreReadThroughTheirLayout() {
        Tensor logits = MatrixLayouts.transposedLayout(new double[][] {{0, 0}, {5, 1}});
        int[] targets = {1, PAD};
        Inputs inputs = Inputs.snapshot("logits", logits, "targets", targets);

        CrossEntropyResult r = CrossEntropy.of(logits, targets, PAD, 0.0);

        inputs.assertUntouched();
        assertThatTensor(r.dLogits()).isCloseTo(Tensor.matrix(new double[] {0.5, -0.5}, new double[] {0, 0}))
                .hasStrides(2, 1).doesNotShareStorageWith(logits);
        assertThatTensor(CrossEntropy.of(Tensor.zeros(0, 3), new int[0], PAD, 0.0).dLogits()).hasShape(0, 3);
    }

    @Test
    @Order(10)
    @DisplayName("bad logits, targets of the wrong length or out of range, and smoothing outside [0, 1] are rejected")
    void badArgumentsAreRejected() {
        assertThatIllegalArgumentException().describedAs("logits must be (N, V)")
                .isThrownBy(() -> CrossEntropy.of(Tensor.zeros(3), new int[] {0, 0, 0}, PAD, 0.0))
                .withMessageContaining("logits").withMessageContaining("[3]");
        assertThatIllegalArgumentException().describedAs("V = 0 has no class to predict")
                .isThrownBy(() -> CrossEntropy.of(Tensor.zeros(1, 0), new int[] {PAD}, PAD, 0.0))
                .withMessageContaining("logits").withMessageContaining("[1, 0]");
        assertThatIllegalArgumentException().describedAs("one target per row")
                .isThrownBy(() -> CrossEntropy.of(Tensor.zeros(2, 3), new int[] {0}, PAD, 0.0))
                .withMessageContaining("targets").withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException().describedAs("a target must be a class in [0, V) or PAD")
                .isThrownBy(() -> CrossEntropy.of(Tensor.zeros(3, 3), new int[] {0, 1, 3}, PAD, 0.0))
                .withMessageContaining("targets[2] = 3");
        assertThatIllegalArgumentException().describedAs("a negative target that is not PAD")
                .isThrownBy(() -> CrossEntropy.of(Tensor.zeros(2, 3), new int[] {-2, 0}, PAD, 0.0))
                .withMessageContaining("targets[0] = -2");
        assertThatIllegalArgumentException().describedAs("smoothing is a probability mass")
                .isThrownBy(() -> CrossEntropy.of(Tensor.zeros(1, 3), new int[] {0}, PAD, 1.5))
                .withMessageContaining("smoothing");
        assertThatIllegalArgumentException().describedAs("smoothing must not be negative")
                .isThrownBy(() -> CrossEntropy.of(Tensor.zeros(1, 3), new int[] {0}, PAD, -0.1))
                .withMessageContaining("smoothing");
        assertThatIllegalArgumentException().describedAs("smoothing NaN")
                .isThrownBy(() -> CrossEntropy.of(Tensor.zeros(1, 3), new int[] {0}, PAD, Double.NaN))
                .withMessageContaining("smoothing");
    }
}
