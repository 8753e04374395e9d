package kata.encoder;

import static kata.support.testing.StandIns.attention;
import static kata.support.testing.StandIns.plus;
import static kata.support.testing.StandIns.times;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.AttentionLayer;
import kata.support.NormOrder;
import kata.support.Tensor;
import kata.support.TensorFunction;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import kata.support.testing.MatrixLayouts;
import kata.support.testing.StandIns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-09")
@Order(1)
@DisplayName("09 Encoder layer: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncoderLayerSpec {

    /** x = [[1, 2], [3, -1]]: the wiring specs follow it through stand-ins by hand. */
    private static Tensor x() {
        return Tensor.matrix(new double[] {1, 2}, new double[] {3, -1});
    }

    /** attention(x) = 2 x, FFN(x) = x + 1, LN1(x) = 10 x, LN2(x) = x - 3: each placement gives other numbers. */
    private static EncoderLayer layer(NormOrder order, TensorFunction dropout) {
        return new EncoderLayer(order, attention(2, 0), plus(1), times(10), plus(-3), dropout);
    }

    /** y = a x + b, elementwise, for x = x(). */
    private static Tensor affine(double a, double b) {
        return Tensor.matrix(new double[] {a + b, 2 * a + b}, new double[] {3 * a + b, -a + b});
    }

    /** W1 = [[1, -1], [0, 1]], b1 = [0, 0.5], W2 = [[1, 2], [3, -1]], b2 = [0.25, 0]. */
    private static FeedForward handFeedForward() {
        return new FeedForward(Tensor.matrix(new double[] {1, -1}, new double[] {0, 1}), Tensor.vector(0, 0.5),
                Tensor.matrix(new double[] {1, 2}, new double[] {3, -1}), Tensor.vector(0.25, 0));
    }

    /** The golden layer's feed-forward network: your {@link FeedForward} with PyTorch's weights. */
    static FeedForward goldenFeedForward() {
        return new FeedForward(GoldenEncoderLayer.w1(), GoldenEncoderLayer.b1(), GoldenEncoderLayer.w2(),
                GoldenEncoderLayer.b2());
    }

    /** The golden layer: stand-in attention and norms with PyTorch's weights, your FFN, no dropout. */
    static EncoderLayer goldenLayer(NormOrder order) {
        return new EncoderLayer(order,
                StandIns.multiHead(GoldenEncoderLayer.HEADS,
                        GoldenEncoderLayer.queryWeight(), GoldenEncoderLayer.queryBias(),
                        GoldenEncoderLayer.keyWeight(), GoldenEncoderLayer.keyBias(),
                        GoldenEncoderLayer.valueWeight(), GoldenEncoderLayer.valueBias(),
                        GoldenEncoderLayer.outputWeight(), GoldenEncoderLayer.outputBias()),
                goldenFeedForward(),
                StandIns.layerNorm(GoldenEncoderLayer.norm1Gamma(), GoldenEncoderLayer.norm1Beta(), GoldenEncoderLayer.EPS),
                StandIns.layerNorm(GoldenEncoderLayer.norm2Gamma(), GoldenEncoderLayer.norm2Beta(), GoldenEncoderLayer.EPS),
                x -> x);
    }

    @Test
    @Order(1)
    @DisplayName("the FFN is max(0, x W1 + b1) W2 + b2: a negative hidden unit contributes nothing")
    void feedForwardCutsNegativeHiddenUnitsToZero() {
        // Row [1, 2]: hidden [1, 1.5], out [5.75, 0.5]. Row [-1, 1]: hidden [-1, 2.5] -> ReLU [0, 2.5],
        // out [7.75, -2.5] (without the ReLU it would be [6.75, -4.5]).
        Tensor x = Tensor.matrix(new double[] {1, 2}, new double[] {-1, 1});

        Tensor y = handFeedForward().apply(x);

        assertThatTensor(y).describedAs("FFN(x) = max(0, x W1 + b1) W2 + b2, the ReLU between the two layers")
                .isCloseTo(Tensor.matrix(new double[] {5.75, 0.5}, new double[] {7.75, -2.5}));
    }

    @Test
    @Order(2)
    @DisplayName("the FFN reads x and every weight through its layout, leaves them untouched and returns a fresh tensor")
    void feedForwardReadsEveryLayout() {
        Tensor x = MatrixLayouts.transposedLayout(new double[][] {{1, 2}, {-1, 1}});
        FeedForward ffn = new FeedForward(MatrixLayouts.steppedLayout(new double[][] {{1, -1}, {0, 1}}),
                MatrixLayouts.steppedLayout(new double[] {0, 0.5}),
                MatrixLayouts.transposedLayout(new double[][] {{1, 2}, {3, -1}}),
                Tensor.strided(new double[] {Double.NaN, 0.25, 0}, new int[] {2}, new int[] {1}, 1));
        Tensor broadcast = MatrixLayouts.broadcastRow(new double[] {1, 2}, 2);
        Inputs inputs = Inputs.snapshot("x", x, "broadcast", broadcast, "w1", ffn.w1(), "b1", ffn.b1(), "w2", ffn.w2(),
                "b2", ffn.b2());

        Tensor y = ffn.apply(x);
        Tensor fromBroadcast = ffn.apply(broadcast);

        inputs.assertUntouched();
        assertThatTensor(fromBroadcast).describedAs("the FFN of a broadcast view (stride 0): both rows [1, 2]")
                .isCloseTo(Tensor.matrix(new double[] {5.75, 0.5}, new double[] {5.75, 0.5}));
        assertThatTensor(y).describedAs("the FFN of views equals the FFN of their values")
                .isCloseTo(Tensor.matrix(new double[] {5.75, 0.5}, new double[] {7.75, -2.5}))
                .doesNotShareStorageWith(x).hasStrides(2, 1);
    }

    @Test
    @Order(3)
    @DisplayName("the FFN of no tokens is a (0, d) tensor")
    void feedForwardOfNoTokensIsEmpty() {
        assertThatTensor(handFeedForward().apply(Tensor.zeros(0, 2))).describedAs("FFN of x with shape (0, 2)")
                .hasShape(0, 2);
    }

    @Test
    @Order(4)
    @DisplayName("Post-LN normalizes each residual sum: h = LN1(x + A(x)), y = LN2(h + FFN(h))")
    void postNormNormalizesEachResidualSum() {
        // h = 10 (x + 2x) = 30x; y = (30x + 30x + 1) - 3 = 60x - 2.
        Tensor y = layer(NormOrder.POST_NORM, t -> t).forward(x(), null);

        assertThatTensor(y).describedAs("attention 2x, FFN x + 1, LN1 10x, LN2 x - 3, Post-LN: 60x - 2")
                .isCloseTo(affine(60, -2));
    }

    @Test
    @Order(5)
    @DisplayName("Pre-LN normalizes each sublayer's input and adds to the raw x: h = x + A(LN1(x)), y = h + FFN(LN2(h))")
    void preNormNormalizesEachSublayerInput() {
        // h = x + 2 (10x) = 21x; y = 21x + (21x - 3 + 1) = 42x - 2.
        Tensor y = layer(NormOrder.PRE_NORM, t -> t).forward(x(), null);

        assertThatTensor(y).describedAs("attention 2x, FFN x + 1, LN1 10x, LN2 x - 3, Pre-LN: 42x - 2")
                .isCloseTo(affine(42, -2));
    }

    @Test
    @Order(6)
    @DisplayName("dropout acts on each sublayer's output, before its residual add")
    void dropoutActsOnEachSublayerOutput() {
        // Dropout 0.5x. Post-LN: h = 10 (x + x) = 20x, y = 20x + 0.5 (20x + 1) - 3 = 30x - 2.5.
        // Pre-LN: h = x + 0.5 (20x) = 11x, y = 11x + 0.5 (11x - 3 + 1) = 16.5x - 1.
        Tensor post = layer(NormOrder.POST_NORM, times(0.5)).forward(x(), null);
        Tensor pre = layer(NormOrder.PRE_NORM, times(0.5)).forward(x(), null);

        assertThatTensor(post).describedAs("Post-LN with dropout 0.5x on both sublayer outputs: 30x - 2.5")
                .isCloseTo(affine(30, -2.5));
        assertThatTensor(pre).describedAs("Pre-LN with dropout 0.5x on both sublayer outputs: 16.5x - 1")
                .isCloseTo(affine(16.5, -1));
    }

    @Test
    @Order(7)
    @DisplayName("with both sublayers dropped, Pre-LN returns x and Post-LN returns LN2(LN1(x))")
    void droppedSublayersMakeAPreNormLayerTheIdentity() {
        Tensor pre = layer(NormOrder.PRE_NORM, times(0)).forward(x(), null);
        Tensor post = layer(NormOrder.POST_NORM, times(0)).forward(x(), null);

        assertThatTensor(pre).describedAs("Pre-LN: dropout never touches the residual path, so y = x")
                .isCloseTo(x());
        assertThatTensor(post).describedAs("Post-LN: y = LN2(LN1(x + 0) + 0) = 10x - 3").isCloseTo(affine(10, -3));
    }

    @Test
    @Order(8)
    @DisplayName("zero sublayers make a Pre-LN layer the identity, even for a row of large values")
    void zeroSublayersMakeAPreNormLayerTheIdentity() {
        Tensor x = Tensor.matrix(new double[] {1e8, 1e8 + 1}, new double[] {-3, 0.5});
        EncoderLayer layer = new EncoderLayer(NormOrder.PRE_NORM, attention(0, 0), times(0), plus(7), plus(5),
                t -> t);
        Inputs inputs = Inputs.snapshot("x", x);

        Tensor y = layer.forward(x, null);

        inputs.assertUntouched();
        assertThatTensor(y).describedAs("x + 0 + 0 = x, in a fresh tensor")
                .isCloseTo(Tensor.matrix(new double[] {1e8, 1e8 + 1}, new double[] {-3, 0.5}), 0.0)
                .doesNotShareStorageWith(x);
    }

    @Test
    @Order(9)
    @DisplayName("self-attention gets one sequence as query and memory, LN1(x) in Pre-LN, and the key padding mask")
    void theAttentionGetsOneSequenceAndTheKeyPaddingMask() {
        StandIns.RecordingAttention pre = new StandIns.RecordingAttention();
        StandIns.RecordingAttention post = new StandIns.RecordingAttention();
        Tensor x = x();

        new EncoderLayer(NormOrder.PRE_NORM, pre, times(0), times(10), t -> t, t -> t).forward(x, new boolean[] {false, true});
        new EncoderLayer(NormOrder.POST_NORM, post, times(0), times(10), t -> t, t -> t).forward(x, null);

        assertThat(pre.calls()).describedAs("self-attention calls, one per forward").hasSize(1);
        assertThatTensor(pre.calls().get(0).query()).describedAs("Pre-LN queries: LN1(x) = 10x").isCloseTo(affine(10, 0));
        assertThatTensor(pre.calls().get(0).memory()).describedAs("Pre-LN keys and values: LN1(x) = 10x, the same sequence")
                .isCloseTo(affine(10, 0));
        assertThat(pre.calls().get(0).masked()).describedAs("masked[i][j] = padded[j]: token 1 hidden as a key (column)"
                + " from every query").isDeepEqualTo(new boolean[][] {{false, true}, {false, true}});
        assertThatTensor(post.calls().get(0).query()).describedAs("Post-LN queries: x itself").isCloseTo(x());
        assertThatTensor(post.calls().get(0).memory()).describedAs("Post-LN keys and values: x itself").isCloseTo(x());
        assertThat(post.calls().get(0).masked()).describedAs("padded = null: no mask").isNull();
    }

    @Test
    @Order(10)
    @DisplayName("a sequence of no tokens gives a (0, d) output")
    void aSequenceOfNoTokensGivesAnEmptyOutput() {
        Tensor y = layer(NormOrder.POST_NORM, t -> t).forward(Tensor.zeros(0, 2), new boolean[0]);

        assertThatTensor(y).describedAs("the layer of x with shape (0, 2)").hasShape(0, 2);
    }

    @Test
    @Order(11)
    @DisplayName("golden: Post-LN with a key padding mask matches PyTorch's nn.TransformerEncoderLayer(norm_first=False)")
    void goldenPostNorm() {
        // GoldenEncoderLayer: katas/09-encoder-layer/golden/generate.py, PyTorch float64, dropout 0.
        Tensor y = goldenLayer(NormOrder.POST_NORM).forward(GoldenEncoderLayer.x(), GoldenEncoderLayer.padded());

        assertThatTensor(y).describedAs("PyTorch's Post-LN encoder layer (stand-in attention and norms, your FFN)")
                .isCloseTo(GoldenEncoderLayer.postNormOutput(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(12)
    @DisplayName("golden: Pre-LN with a key padding mask matches PyTorch's nn.TransformerEncoderLayer(norm_first=True)")
    void goldenPreNorm() {
        // GoldenEncoderLayer: katas/09-encoder-layer/golden/generate.py, PyTorch float64, dropout 0.
        Tensor y = goldenLayer(NormOrder.PRE_NORM).forward(GoldenEncoderLayer.x(), GoldenEncoderLayer.padded());

        assertThatTensor(y).describedAs("PyTorch's Pre-LN encoder layer (stand-in attention and norms, your FFN)")
                .isCloseTo(GoldenEncoderLayer.preNormOutput(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(13)
    @DisplayName("golden: x stored column by column gives the same output, x and padded untouched")
    void goldenInputInAnotherLayout() {
        Tensor x = MatrixLayouts.transposedLayout(StandIns.rowsOf(GoldenEncoderLayer.x()));
        boolean[] padded = GoldenEncoderLayer.padded();
        Inputs inputs = Inputs.snapshot("x", x);

        Tensor y = goldenLayer(NormOrder.PRE_NORM).forward(x, padded);

        inputs.assertUntouched();
        assertThat(padded).describedAs("padded after the call").containsExactly(GoldenEncoderLayer.padded());
        assertThatTensor(y).describedAs("the Pre-LN layer of a transposed-layout x")
                .isCloseTo(GoldenEncoderLayer.preNormOutput(), Tolerance.FRAMEWORK).doesNotShareStorageWith(x);
    }

    @Test
    @Order(14)
    @DisplayName("FFN parameters of the wrong shape are rejected, naming the parameter and its shape")
    void feedForwardParametersOfTheWrongShapeAreRejected() {
        Tensor w1 = Tensor.zeros(2, 3);
        Tensor w2 = Tensor.zeros(3, 2);

        assertThatIllegalArgumentException().describedAs("w1 must be a matrix (d, d_ff)")
                .isThrownBy(() -> new FeedForward(Tensor.zeros(6), Tensor.zeros(3), w2, Tensor.zeros(2)))
                .withMessageContaining("w1").withMessageContaining("[6]");
        assertThatIllegalArgumentException().describedAs("b1 must have d_ff = 3 entries")
                .isThrownBy(() -> new FeedForward(w1, Tensor.zeros(2), w2, Tensor.zeros(2)))
                .withMessageContaining("b1").withMessageContaining("[2]").withMessageContaining("[3]");
        assertThatIllegalArgumentException().describedAs("w2 must be (d_ff, d) = (3, 2)")
                .isThrownBy(() -> new FeedForward(w1, Tensor.zeros(3), Tensor.zeros(2, 3), Tensor.zeros(2)))
                .withMessageContaining("w2").withMessageContaining("[2, 3]").withMessageContaining("[3, 2]");
        assertThatIllegalArgumentException().describedAs("b2 must have d = 2 entries")
                .isThrownBy(() -> new FeedForward(w1, Tensor.zeros(3), w2, Tensor.zeros(3)))
                .withMessageContaining("b2").withMessageContaining("[3]").withMessageContaining("[2]");
    }

    @Test
    @Order(15)
    @DisplayName("the FFN rejects an x that is not (T, d)")
    void feedForwardRejectsAnXOfTheWrongShape() {
        assertThatIllegalArgumentException().describedAs("x must have d = 2 columns")
                .isThrownBy(() -> handFeedForward().apply(Tensor.zeros(2, 3)))
                .withMessageContaining("x").withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException().describedAs("x must be a matrix")
                .isThrownBy(() -> handFeedForward().apply(Tensor.zeros(2)))
                .withMessageMatching("(?s).*\\bx\\b.*").withMessageContaining("[2]");
    }

    @Test
    @Order(16)
    @DisplayName("the layer rejects an x that is not a matrix, naming its shape")
    void theLayerRejectsAnXThatIsNotAMatrix() {
        assertThatIllegalArgumentException().describedAs("x must be (T, d)")
                .isThrownBy(() -> layer(NormOrder.PRE_NORM, t -> t).forward(Tensor.zeros(1, 2, 2), null))
                .withMessageContaining("x").withMessageContaining("matrix").withMessageContaining("[1, 2, 2]");
    }

    @Test
    @Order(17)
    @DisplayName("padded must have one flag per token and leave at least one real token")
    void paddedOfTheWrongLengthOrAllPaddingIsRejected() {
        EncoderLayer layer = layer(NormOrder.POST_NORM, t -> t);

        assertThatIllegalArgumentException().describedAs("padded of length 3 for T = 2 tokens")
                .isThrownBy(() -> layer.forward(x(), new boolean[] {false, false, true}))
                .withMessageContaining("padded");
        assertThatIllegalArgumentException().describedAs("padded of length 1 for T = 2 tokens")
                .isThrownBy(() -> layer.forward(x(), new boolean[] {false}))
                .withMessageContaining("padded");
        assertThatIllegalArgumentException().describedAs("every token padded: no query has a key to attend to")
                .isThrownBy(() -> layer.forward(x(), new boolean[] {true, true}))
                .withMessageContaining("padded");
    }

    @Test
    @Order(18)
    @DisplayName("a sublayer that changes the shape is rejected, naming the sublayer and both shapes")
    void aSublayerThatChangesTheShapeIsRejected() {
        TensorFunction identity = t -> t;
        AttentionLayer wide = (query, memory, masked) -> Tensor.zeros(2, 3);
        EncoderLayer badAttention = new EncoderLayer(NormOrder.POST_NORM, wide, identity, identity, identity, identity);
        EncoderLayer badFeedForward = new EncoderLayer(NormOrder.PRE_NORM, attention(1, 0), t -> Tensor.zeros(1, 2),
                identity, identity, identity);

        assertThatIllegalArgumentException().describedAs("the self-attention returned (2, 3) for x of (2, 2)")
                .isThrownBy(() -> badAttention.forward(x(), null))
                .withMessageContaining("self-attention").withMessageContaining("[2, 3]").withMessageContaining("[2, 2]");
        assertThatIllegalArgumentException().describedAs("the FFN returned (1, 2) for x of (2, 2)")
                .isThrownBy(() -> badFeedForward.forward(x(), null))
                .withMessageContaining("feed-forward").withMessageContaining("[1, 2]").withMessageContaining("[2, 2]");
    }
}
