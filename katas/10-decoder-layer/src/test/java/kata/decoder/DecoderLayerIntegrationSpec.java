package kata.decoder;

import static kata.support.testing.TensorAssert.assertThatTensor;

import kata.dropout.Dropout;
import kata.dropout.Mode;
import kata.layernorm.LayerNorm;
import kata.multihead.MultiHeadAttention;
import kata.multihead.MultiHeadWeights;
import kata.support.AttentionLayer;
import kata.support.NormOrder;
import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.StandIns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The decoder layer built from your katas 04, 05 and 07 (07 with a stand-in single-head attention in
 * every head, the FFN a stand-in for kata 09's): these specs wait until those katas are done.
 */
@Tag("kata-10")
@Tag("integration")
@Order(3)
@DisplayName("10 Decoder layer: with your katas 04, 05 and 07")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecoderLayerIntegrationSpec {

    /** Your MultiHeadAttention with the given weights and a stand-in for kata 06 in every head. */
    private static AttentionLayer kata07(Tensor[] w) {
        MultiHeadAttention attention = new MultiHeadAttention(4, GoldenDecoderLayer.HEADS, Seeds.random(9),
                StandIns::attend);
        attention.setWeights(new MultiHeadWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]));
        return (query, memory, masked) -> attention.forward(query, memory, memory, masked).output();
    }

    /** The golden layer from your katas, with your Dropout in the given mode. */
    private static DecoderLayer layer(NormOrder order, Dropout dropout, Mode mode) {
        double eps = GoldenDecoderLayer.EPS;
        LayerNorm norm1 = new LayerNorm(GoldenDecoderLayer.norm1Gamma(), GoldenDecoderLayer.norm1Beta(), eps);
        LayerNorm norm2 = new LayerNorm(GoldenDecoderLayer.norm2Gamma(), GoldenDecoderLayer.norm2Beta(), eps);
        LayerNorm norm3 = new LayerNorm(GoldenDecoderLayer.norm3Gamma(), GoldenDecoderLayer.norm3Beta(), eps);
        var random = Seeds.random(5);
        return new DecoderLayer(order, kata07(DecoderLayerSpec.goldenSelfWeights()), kata07(DecoderLayerSpec.goldenCrossWeights()),
                DecoderLayerSpec.goldenFeedForward(), norm1::apply, norm2::apply, norm3::apply,
                x -> dropout.apply(x, mode, random).output());
    }

    private static Tensor forward(DecoderLayer layer) {
        return layer.forward(GoldenDecoderLayer.target(), GoldenDecoderLayer.memory(), GoldenDecoderLayer.memoryPadded());
    }

    @Test
    @Order(1)
    @DisplayName("golden: Post-LN from your katas, dropout in evaluation mode, matches PyTorch")
    void goldenPostNormFromYourKatas() {
        // GoldenDecoderLayer: katas/10-decoder-layer/golden/generate.py, PyTorch float64, norm_first=False.
        Tensor y = forward(layer(NormOrder.POST_NORM, new Dropout(0.1), Mode.EVALUATION));

        assertThatTensor(y).describedAs("your LayerNorm, Dropout (evaluation) and MultiHeadAttention in a Post-LN decoder layer")
                .isCloseTo(GoldenDecoderLayer.postNormOutput(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(2)
    @DisplayName("golden: Pre-LN from your katas, dropout in evaluation mode, matches PyTorch")
    void goldenPreNormFromYourKatas() {
        // GoldenDecoderLayer: katas/10-decoder-layer/golden/generate.py, PyTorch float64, norm_first=True.
        Tensor y = forward(layer(NormOrder.PRE_NORM, new Dropout(0.1), Mode.EVALUATION));

        assertThatTensor(y).describedAs("your LayerNorm, Dropout (evaluation) and MultiHeadAttention in a Pre-LN decoder layer")
                .isCloseTo(GoldenDecoderLayer.preNormOutput(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(3)
    @DisplayName("in evaluation mode the forward pass is deterministic: two calls give the same output")
    void evaluationModeIsDeterministic() {
        DecoderLayer layer = layer(NormOrder.PRE_NORM, new Dropout(0.5), Mode.EVALUATION);

        Tensor first = forward(layer);
        Tensor second = forward(layer);

        assertThatTensor(second).describedAs("the second call, against the first (dropout p = 0.5, evaluation)")
                .isCloseTo(first, 0.0);
    }
}
