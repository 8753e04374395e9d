package kata.multihead;

import static kata.support.testing.TensorAssert.assertThatTensor;

import kata.attention.Attention;
import kata.attention.ScaledDotProductAttention;
import kata.support.Tensor;
import kata.support.Tolerance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Multi-head attention built on your kata 06: these specs wait until kata 06 is done. */
@Tag("kata-07")
@Tag("integration")
@Order(3)
@DisplayName("07 Multi-head attention: with your kata 06")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHeadIntegrationSpec {

    /** Your ScaledDotProductAttention as the single-head attention of every head. */
    private static final HeadAttention KATA_06 = (q, k, v, masked) -> {
        Attention attention = masked == null
                ? ScaledDotProductAttention.attend(q, k, v)
                : ScaledDotProductAttention.attend(q, k, v, masked);
        return new HeadResult(attention.output(), attention.weights());
    };

    @Test
    @Order(1)
    @DisplayName("golden: with your kata 06 in every head, self-attention under the causal mask matches PyTorch")
    void goldenSelfAttentionWithKata06() {
        MultiHeadAttention layer = Fixtures.goldenLayer(KATA_06);
        Tensor x = Tensor.matrix(GoldenMultiHead.X);

        MultiHeadResult result = layer.forward(x, x, x, GoldenMultiHead.CAUSAL);

        // Produced by golden/generate.py (PyTorch's nn.MultiheadAttention in float64).
        assertThatTensor(result.weights()).describedAs("per-head weights with kata 06's attention")
                .isCloseTo(Fixtures.cube(GoldenMultiHead.SELF_WEIGHTS), Tolerance.FRAMEWORK);
        assertThatTensor(result.output()).describedAs("output with kata 06's attention")
                .isCloseTo(Tensor.matrix(GoldenMultiHead.SELF_OUTPUT), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(2)
    @DisplayName("golden: with your kata 06 in every head, masked cross-attention matches PyTorch")
    void goldenCrossAttentionWithKata06() {
        MultiHeadAttention layer = Fixtures.goldenLayer(KATA_06);
        Tensor memory = Tensor.matrix(GoldenMultiHead.MEMORY);

        MultiHeadResult result = layer.forward(Tensor.matrix(GoldenMultiHead.X), memory, memory, GoldenMultiHead.CROSS_MASKED);

        // Produced by golden/generate.py, as above.
        assertThatTensor(result.weights()).describedAs("per-head cross-attention weights with kata 06's attention")
                .isCloseTo(Fixtures.cube(GoldenMultiHead.CROSS_WEIGHTS), Tolerance.FRAMEWORK);
        assertThatTensor(result.output()).describedAs("cross-attention output with kata 06's attention")
                .isCloseTo(Tensor.matrix(GoldenMultiHead.CROSS_OUTPUT), Tolerance.FRAMEWORK);
    }
}
