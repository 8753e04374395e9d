package kata.backprop;

import static kata.support.testing.GradientCheck.assertGradient;
import static kata.support.testing.GradientCheck.dot;

import java.util.SplittableRandom;
import kata.attention.ScaledDotProductAttention;
import kata.layernorm.LayerNorm;
import kata.multihead.MultiHeadAttention;
import kata.multihead.MultiHeadWeights;
import kata.positional.TokenEmbedding;
import kata.support.AttentionResult;
import kata.support.Elementwise;
import kata.support.Masks;
import kata.support.Matrices;
import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Your backward passes against finite differences of your own forward passes: these wait for katas 04, 06, 07 and 11. */
@Tag("kata-13")
@Tag("integration")
@Order(8)
@DisplayName("13 Backpropagation: with your katas 04, 06, 07 and 11")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackpropIntegrationSpec {

    private static final SplittableRandom RANDOM = new SplittableRandom(13);

    /** Your kata 04 layer norm. */
    private static final Forward.LayerNormForward KATA_04 = (x, gamma, beta, eps) -> new LayerNorm(gamma, beta, eps).apply(x);

    /** Your kata 06 attention weights (the keys stand in for the values: the weights do not depend on them). */
    private static final Forward.AttentionWeights KATA_06 = (q, k, masked) -> masked == null
            ? ScaledDotProductAttention.attend(q, k, k).weights()
            : ScaledDotProductAttention.attend(q, k, k, masked).weights();

    /** Your kata 11 lookup; the scale must be sqrt(d), the one TokenEmbedding applies. */
    private static final Forward.Embedding KATA_11 = (table, scale, ids) -> new TokenEmbedding(table).embed(ids);

    private static Tensor gaussian(int... shape) {
        return Tensor.gaussian(RANDOM, shape);
    }

    @Test
    @Order(1)
    @DisplayName("layer norm: your backward pass differentiates your kata 04 LayerNorm")
    void layerNormBackwardDifferentiatesKata04() {
        Tensor x = gaussian(3, 4);
        Tensor gamma = gaussian(4);
        Tensor beta = gaussian(4);
        Tensor dy = gaussian(3, 4);

        BlockChecks.layerNorm(KATA_04, x, gamma, beta, LayerNorm.DEFAULT_EPS, dy);
    }

    @Test
    @Order(2)
    @DisplayName("attention: your backward pass differentiates your kata 06 attention under the causal mask")
    void attentionBackwardDifferentiatesKata06() {
        Tensor q = gaussian(3, 2);
        Tensor k = gaussian(3, 2);
        Tensor v = gaussian(3, 2);
        Tensor dOutput = gaussian(3, 2);
        boolean[][] causal = Masks.causal(3);

        BlockChecks.attention(KATA_06, q, k, v, causal, dOutput);
    }

    @Test
    @Order(3)
    @DisplayName("one-head self-attention of kata 07: x feeds Q, K and V, so dx is the sum of three linear backward passes")
    void selfAttentionAccumulatesTheThreeUsesOfX() {
        Tensor x = gaussian(3, 2);
        Tensor dOutput = gaussian(3, 2);
        MultiHeadWeights w = MultiHeadAttention.initial(2, RANDOM);
        boolean[][] causal = Masks.causal(3);
        Tensor q = Matrices.linear(x, w.queryWeight(), w.queryBias());     // (T, d)
        Tensor k = Matrices.linear(x, w.keyWeight(), w.keyBias());         // (T, d)
        Tensor v = Matrices.linear(x, w.valueWeight(), w.valueBias());     // (T, d)
        AttentionResult attention = ScaledDotProductAttention.attend(q, k, v, causal);   // weights (T, T), output (T, d)

        LinearGradients out = LinearBackward.backward(attention.output(), w.outputWeight(), dOutput);
        AttentionGradients a = AttentionBackward.backward(q, k, v, attention.weights(), out.dx());
        Tensor fromQ = LinearBackward.backward(x, w.queryWeight(), a.dq()).dx();
        Tensor fromK = LinearBackward.backward(x, w.keyWeight(), a.dk()).dx();
        Tensor fromV = LinearBackward.backward(x, w.valueWeight(), a.dv()).dx();
        Tensor dx = Elementwise.add(Elementwise.add(fromQ, fromK), fromV);     // x fed all three

        assertGradient("dx", t -> dot(dOutput, layer(w).forward(t, t, t, causal).output()), x, dx);
    }

    @Test
    @Order(4)
    @DisplayName("embedding: your backward pass differentiates your kata 11 TokenEmbedding, sqrt(d) scale and repeated ids")
    void embeddingBackwardDifferentiatesKata11() {
        Tensor table = gaussian(4, 3);
        int[] ids = {2, 0, 2, 3};
        Tensor dOutput = gaussian(4, 3);

        BlockChecks.embedding(KATA_11, table, Math.sqrt(3), ids, dOutput);
    }

    /** A one-head layer of kata 07 with the given weights, each head your kata 06. */
    private static MultiHeadAttention layer(MultiHeadWeights weights) {
        MultiHeadAttention layer = new MultiHeadAttention(2, 1, new SplittableRandom(1),
                ScaledDotProductAttention::attend);
        layer.setWeights(weights);
        return layer;
    }
}
