package kata.layernorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-04")
@Order(3)
@DisplayName("04 Layer normalization: parameter counts")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParameterCountSpec {

    @Test
    @Order(1)
    @DisplayName("a layer norm over d features has 2d parameters: gamma and beta")
    void aLayerNormHasTwoParametersPerFeature() {
        assertThat(ParameterCount.layerNorm(1)).describedAs("layerNorm(1): one gamma, one beta").isEqualTo(2L);
        assertThat(ParameterCount.layerNorm(3)).describedAs("layerNorm(3): gamma (3) and beta (3)").isEqualTo(6L);
    }

    @Test
    @Order(2)
    @DisplayName("a linear layer d_in -> d_out has d_in d_out weights and d_out biases")
    void aLinearLayerHasOneWeightPerPairAndOneBiasPerOutput() {
        assertThat(ParameterCount.linear(3, 5))
                .describedAs("linear(3, 5): W (3, 5) holds 15, b (5) holds 5")
                .isEqualTo(20L);
        assertThat(ParameterCount.linear(5, 3))
                .describedAs("linear(5, 3): W (5, 3) holds 15, b (3) holds 3 (one bias per output, not per input)")
                .isEqualTo(18L);
    }

    @Test
    @Order(3)
    @DisplayName("multi-head attention has 4d^2 + 4d parameters: W_Q, W_K, W_V and W_O, each d x d with a bias")
    void attentionHasFourProjectionsWithBiases() {
        assertThat(ParameterCount.multiHeadAttention(4, 2))
                .describedAs("multiHeadAttention(4, 2): 4 * (4 * 4 + 4) = 80")
                .isEqualTo(80L);
    }

    @Test
    @Order(4)
    @DisplayName("the head count does not change the attention count: d = 12 with 1, 2, 3, 4, 6 or 12 heads is 624")
    void attentionHasTheSameCountForEveryHeadCount() {
        for (int numHeads : new int[] {1, 2, 3, 4, 6, 12}) {
            assertThat(ParameterCount.multiHeadAttention(12, numHeads))
                    .describedAs("multiHeadAttention(12, %d): the heads split the d columns of each projection into"
                            + " h slices of d / h; they do not each own a d x d matrix, so 4 * 144 + 48", numHeads)
                    .isEqualTo(624L);
        }
    }

    @Test
    @Order(5)
    @DisplayName("the feed-forward network d -> d_ff -> d has 2 d d_ff + d_ff + d parameters")
    void theFeedForwardNetworkHasTwoLinearLayers() {
        assertThat(ParameterCount.feedForward(2, 3))
                .describedAs("feedForward(2, 3): linear(2, 3) = 9 and linear(3, 2) = 8")
                .isEqualTo(17L);
    }

    @Test
    @Order(6)
    @DisplayName("an encoder layer is attention + FFN + 2 layer norms, a decoder layer 2 attentions + FFN + 3 norms")
    void layersAddUpTheirBlocks() {
        // d = 4, h = 2, d_ff = 8: attention 80, FFN 2 * 4 * 8 + 8 + 4 = 76, a layer norm 8.
        assertThat(ParameterCount.encoderLayer(4, 2, 8))
                .describedAs("encoderLayer(4, 2, 8): self-attention 80 + FFN 76 + 2 layer norms of 8")
                .isEqualTo(172L);
        assertThat(ParameterCount.decoderLayer(4, 2, 8))
                .describedAs("decoderLayer(4, 2, 8): self- and cross-attention 2 * 80 + FFN 76 + 3 layer norms of 8")
                .isEqualTo(260L);
    }

    @Test
    @Order(7)
    @DisplayName("golden: at d = 512, h = 8, d_ff = 2048 the counts are PyTorch's")
    void theCountsAtTheBaseModelSize() {
        // GoldenLayerNorm holds sum(p.numel() for p in module.parameters()) of the PyTorch modules, written by
        // katas/04-layer-norm/golden/generate.py: 1,024; 1,050,624; 2,099,712; 3,152,384; 4,204,032.
        assertThat(ParameterCount.layerNorm(512)).describedAs("nn.LayerNorm(512)").isEqualTo(GoldenLayerNorm.LAYER_NORM_512);
        assertThat(ParameterCount.multiHeadAttention(512, 8))
                .describedAs("nn.MultiheadAttention(512, 8)").isEqualTo(GoldenLayerNorm.ATTENTION_512_8_HEADS);
        assertThat(ParameterCount.multiHeadAttention(512, 1))
                .describedAs("nn.MultiheadAttention(512, 1)").isEqualTo(GoldenLayerNorm.ATTENTION_512_1_HEAD);
        assertThat(ParameterCount.feedForward(512, 2048))
                .describedAs("nn.Linear(512, 2048) then nn.Linear(2048, 512)").isEqualTo(GoldenLayerNorm.FEED_FORWARD_512_2048);
        assertThat(ParameterCount.encoderLayer(512, 8, 2048))
                .describedAs("nn.TransformerEncoderLayer(512, 8, 2048)").isEqualTo(GoldenLayerNorm.ENCODER_LAYER_512_8_2048);
        assertThat(ParameterCount.decoderLayer(512, 8, 2048))
                .describedAs("nn.TransformerDecoderLayer(512, 8, 2048)").isEqualTo(GoldenLayerNorm.DECODER_LAYER_512_8_2048);
    }

    @Test
    @Order(8)
    @DisplayName("counts of wide models do not overflow: 4d^2 passes 2^31 from d = 23,171")
    void countsOfLargeModelsDoNotOverflow() {
        // Computed by hand (and with Python's exact integers): d = 65,536, h = 64, d_ff = 262,144.
        assertThat(ParameterCount.layerNorm(Integer.MAX_VALUE))
                .describedAs("layerNorm(2^31 - 1): 2 * 2,147,483,647, computed in long").isEqualTo(4_294_967_294L);
        assertThat(ParameterCount.linear(100_000, 100_000))
                .describedAs("linear(100,000, 100,000): 10^10 + 10^5; multiply as long, not int").isEqualTo(10_000_100_000L);
        assertThat(ParameterCount.multiHeadAttention(65_536, 64))
                .describedAs("multiHeadAttention(65,536, 64): 4 * 2^32 + 4 * 2^16").isEqualTo(17_180_131_328L);
        assertThat(ParameterCount.feedForward(65_536, 262_144))
                .describedAs("feedForward(65,536, 262,144): 2 * 2^16 * 2^18 + 2^18 + 2^16").isEqualTo(34_360_066_048L);
        assertThat(ParameterCount.encoderLayer(65_536, 64, 262_144))
                .describedAs("encoderLayer(65,536, 64, 262,144)").isEqualTo(51_540_459_520L);
        assertThat(ParameterCount.decoderLayer(65_536, 64, 262_144))
                .describedAs("decoderLayer(65,536, 64, 262,144)").isEqualTo(68_720_721_920L);
    }

    // ---- errors ----

    @Test
    @Order(9)
    @DisplayName("every size must be positive; the message names the size as name = value")
    void nonPositiveSizesAreRejected() {
        rejects("layerNorm(0)", () -> ParameterCount.layerNorm(0), "dModel = 0");
        rejects("linear(0, 3)", () -> ParameterCount.linear(0, 3), "dIn = 0");
        rejects("linear(3, -1)", () -> ParameterCount.linear(3, -1), "dOut = -1");
        rejects("multiHeadAttention(0, 1)", () -> ParameterCount.multiHeadAttention(0, 1), "dModel = 0");
        rejects("multiHeadAttention(-8, 2)", () -> ParameterCount.multiHeadAttention(-8, 2), "dModel = -8");
        rejects("multiHeadAttention(8, 0)", () -> ParameterCount.multiHeadAttention(8, 0), "numHeads = 0");
        rejects("multiHeadAttention(8, -2)", () -> ParameterCount.multiHeadAttention(8, -2), "numHeads = -2");
        rejects("feedForward(0, 16)", () -> ParameterCount.feedForward(0, 16), "dModel = 0");
        rejects("feedForward(8, 0)", () -> ParameterCount.feedForward(8, 0), "dFF = 0");
        rejects("encoderLayer(8, 2, -1)", () -> ParameterCount.encoderLayer(8, 2, -1), "dFF = -1");
        rejects("decoderLayer(0, 1, 4)", () -> ParameterCount.decoderLayer(0, 1, 4), "dModel = 0");
    }

    @Test
    @Order(10)
    @DisplayName("the head count must divide d; the message names both")
    void aHeadCountThatDoesNotDivideTheWidthIsRejected() {
        rejects("multiHeadAttention(10, 4)", () -> ParameterCount.multiHeadAttention(10, 4), "dModel = 10", "numHeads = 4");
        rejects("encoderLayer(12, 5, 48)", () -> ParameterCount.encoderLayer(12, 5, 48), "dModel = 12", "numHeads = 5");
        rejects("decoderLayer(6, 4, 24)", () -> ParameterCount.decoderLayer(6, 4, 24), "dModel = 6", "numHeads = 4");
    }

    private static void rejects(String call, ThrowingCallable count, String... named) {
        var thrown = assertThatIllegalArgumentException()
                .describedAs("%s: expected an IllegalArgumentException naming %s", call, String.join(" and ", named))
                .isThrownBy(count);
        for (String name : named) {
            thrown.withMessageContaining(name);
        }
    }
}
