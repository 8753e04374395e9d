package kata.encoder;

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
 * The encoder layer built from your katas 04, 05 and 07 (07 with a stand-in single-head attention in
 * every head): these specs wait until those katas are done.
 */
@Tag("kata-09")
@Tag("integration")
@Order(3)
@DisplayName("09 Encoder layer: with your katas 04, 05 and 07")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncoderLayerIntegrationSpec {

    /** Your MultiHeadAttention with PyTorch's weights and a stand-in for kata 06 in every head. */
    private static AttentionLayer kata07() {
        MultiHeadAttention attention = new MultiHeadAttention(4, GoldenEncoderLayer.HEADS, Seeds.random(9),
                StandIns::attend);
        attention.setWeights(new MultiHeadWeights(
                GoldenEncoderLayer.queryWeight(), GoldenEncoderLayer.queryBias(),
                GoldenEncoderLayer.keyWeight(), GoldenEncoderLayer.keyBias(),
                GoldenEncoderLayer.valueWeight(), GoldenEncoderLayer.valueBias(),
                GoldenEncoderLayer.outputWeight(), GoldenEncoderLayer.outputBias()));
        return (query, memory, masked) -> attention.forward(query, memory, memory, masked).output();
    }

    /** The golden layer from your katas, with your Dropout(0.1) in the given mode. */
    private static EncoderLayer layer(NormOrder order, Dropout dropout, Mode mode) {
        LayerNorm norm1 = new LayerNorm(GoldenEncoderLayer.norm1Gamma(), GoldenEncoderLayer.norm1Beta(), GoldenEncoderLayer.EPS);
        LayerNorm norm2 = new LayerNorm(GoldenEncoderLayer.norm2Gamma(), GoldenEncoderLayer.norm2Beta(), GoldenEncoderLayer.EPS);
        var random = Seeds.random(5);
        return new EncoderLayer(order, kata07(), EncoderLayerSpec.goldenFeedForward(), norm1::apply, norm2::apply,
                x -> dropout.apply(x, mode, random).output());
    }

    @Test
    @Order(1)
    @DisplayName("golden: Post-LN from your katas, dropout in evaluation mode, matches PyTorch")
    void goldenPostNormFromYourKatas() {
        // GoldenEncoderLayer: katas/09-encoder-layer/golden/generate.py, PyTorch float64, norm_first=False.
        Tensor y = layer(NormOrder.POST_NORM, new Dropout(0.1), Mode.EVALUATION)
                .forward(GoldenEncoderLayer.x(), GoldenEncoderLayer.padded());

        assertThatTensor(y).describedAs("your LayerNorm, Dropout (evaluation) and MultiHeadAttention in a Post-LN layer")
                .isCloseTo(GoldenEncoderLayer.postNormOutput(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(2)
    @DisplayName("golden: Pre-LN from your katas, dropout in evaluation mode, matches PyTorch")
    void goldenPreNormFromYourKatas() {
        // GoldenEncoderLayer: katas/09-encoder-layer/golden/generate.py, PyTorch float64, norm_first=True.
        Tensor y = layer(NormOrder.PRE_NORM, new Dropout(0.1), Mode.EVALUATION)
                .forward(GoldenEncoderLayer.x(), GoldenEncoderLayer.padded());

        assertThatTensor(y).describedAs("your LayerNorm, Dropout (evaluation) and MultiHeadAttention in a Pre-LN layer")
                .isCloseTo(GoldenEncoderLayer.preNormOutput(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(3)
    @DisplayName("in evaluation mode the forward pass is deterministic: two calls give the same output")
    void evaluationModeIsDeterministic() {
        EncoderLayer layer = layer(NormOrder.POST_NORM, new Dropout(0.5), Mode.EVALUATION);

        Tensor first = layer.forward(GoldenEncoderLayer.x(), GoldenEncoderLayer.padded());
        Tensor second = layer.forward(GoldenEncoderLayer.x(), GoldenEncoderLayer.padded());

        assertThatTensor(second).describedAs("the second call, against the first (dropout p = 0.5, evaluation)")
                .isCloseTo(first, 0.0);
    }

    @Test
    @Order(4)
    @DisplayName("with dropout p = 1 in training, a Pre-LN layer from your katas returns x")
    void fullDropoutMakesAPreNormLayerTheIdentity() {
        Tensor y = layer(NormOrder.PRE_NORM, new Dropout(1.0), Mode.TRAINING)
                .forward(GoldenEncoderLayer.x(), GoldenEncoderLayer.padded());

        assertThatTensor(y).describedAs("both sublayer outputs dropped: only the residual path x is left")
                .isCloseTo(GoldenEncoderLayer.x());
    }
}
