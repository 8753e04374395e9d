package kata.multihead;

import kata.attention.ScaledDotProductAttention;
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
    private static final HeadAttention KATA_06 = ScaledDotProductAttention::attend;

    @Test
    @Order(1)
    @DisplayName("golden: with your kata 06 in every head, self-attention under the causal mask matches PyTorch")
    void goldenSelfAttentionWithKata06() {
        Fixtures.assertGoldenSelfAttention(KATA_06, "your kata 06 in every head");
    }

    @Test
    @Order(2)
    @DisplayName("golden: with your kata 06 in every head, masked cross-attention matches PyTorch")
    void goldenCrossAttentionWithKata06() {
        Fixtures.assertGoldenCrossAttention(KATA_06, "your kata 06 in every head");
    }
}
