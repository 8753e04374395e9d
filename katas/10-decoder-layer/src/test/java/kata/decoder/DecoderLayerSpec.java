package kata.decoder;

import static kata.support.testing.StandIns.affine;
import static kata.support.testing.StandIns.attention;
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

@Tag("kata-10")
@Order(1)
@DisplayName("10 Decoder layer: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecoderLayerSpec {

    /** x = [[1, 2], [3, -1]]: the wiring specs follow it through stand-ins by hand. */
    private static Tensor x() {
        return Tensor.matrix(new double[] {1, 2}, new double[] {3, -1});
    }

    /** The memory: one row m0 = [5, 7]. */
    private static Tensor memory() {
        return Tensor.matrix(new double[] {5, 7});
    }

    /**
     * Self-attention 2 q, cross-attention 3 q + m0 (m0 the memory's first row), FFN x + 1,
     * LN1 10 x, LN2 x - 3, LN3 0.5 x: each placement gives other numbers.
     */
    private static DecoderLayer layer(NormOrder order, TensorFunction dropout) {
        return new DecoderLayer(order, attention(2, 0), attention(3, 1), affine(1, 1), affine(10, 0), affine(1, -3),
                affine(0.5, 0), dropout);
    }

    /** y = a x + b m0 + c, elementwise, for x = x() and m0 = [5, 7] on every row. */
    private static Tensor expected(double a, double b, double c) {
        return Tensor.matrix(new double[] {a + 5 * b + c, 2 * a + 7 * b + c}, new double[] {3 * a + 5 * b + c, -a + 7 * b + c});
    }

    private static double largestDifference(Tensor a, Tensor b) {
        double largest = 0.0;
        for (int t = 0; t < a.size(0); t++) {
            for (int c = 0; c < a.size(1); c++) {
                largest = Math.max(largest, Math.abs(a.get(t, c) - b.get(t, c)));
            }
        }
        return largest;
    }

    /** W_Q, b_Q, W_K, b_K, W_V, b_V, W_O, b_O of the golden self-attention. */
    static Tensor[] goldenSelfWeights() {
        return new Tensor[] {GoldenDecoderLayer.selfQueryWeight(), GoldenDecoderLayer.selfQueryBias(),
            GoldenDecoderLayer.selfKeyWeight(), GoldenDecoderLayer.selfKeyBias(),
            GoldenDecoderLayer.selfValueWeight(), GoldenDecoderLayer.selfValueBias(),
            GoldenDecoderLayer.selfOutputWeight(), GoldenDecoderLayer.selfOutputBias()};
    }

    /** W_Q, b_Q, W_K, b_K, W_V, b_V, W_O, b_O of the golden cross-attention. */
    static Tensor[] goldenCrossWeights() {
        return new Tensor[] {GoldenDecoderLayer.crossQueryWeight(), GoldenDecoderLayer.crossQueryBias(),
            GoldenDecoderLayer.crossKeyWeight(), GoldenDecoderLayer.crossKeyBias(),
            GoldenDecoderLayer.crossValueWeight(), GoldenDecoderLayer.crossValueBias(),
            GoldenDecoderLayer.crossOutputWeight(), GoldenDecoderLayer.crossOutputBias()};
    }

    /** The golden FFN, written out plainly. */
    static TensorFunction goldenFeedForward() {
        return StandIns.feedForward(GoldenDecoderLayer.w1(), GoldenDecoderLayer.b1(), GoldenDecoderLayer.w2(),
                GoldenDecoderLayer.b2());
    }

    /** The golden layer with stand-ins for every part and PyTorch's weights, no dropout. */
    static DecoderLayer goldenLayer(NormOrder order) {
        double eps = GoldenDecoderLayer.EPS;
        return new DecoderLayer(order, StandIns.multiHead(GoldenDecoderLayer.HEADS, goldenSelfWeights()),
                StandIns.multiHead(GoldenDecoderLayer.HEADS, goldenCrossWeights()), goldenFeedForward(),
                StandIns.layerNorm(GoldenDecoderLayer.norm1Gamma(), GoldenDecoderLayer.norm1Beta(), eps),
                StandIns.layerNorm(GoldenDecoderLayer.norm2Gamma(), GoldenDecoderLayer.norm2Beta(), eps),
                StandIns.layerNorm(GoldenDecoderLayer.norm3Gamma(), GoldenDecoderLayer.norm3Beta(), eps),
                x -> x);
    }

    @Test
    @Order(1)
    @DisplayName("Post-LN normalizes each of the three residual sums, the cross-attention reading the memory")
    void postNormWiresThreeSublayers() {
        // h1 = 10 (x + 2x) = 30x; h2 = (30x + 90x + m0) - 3; y = 0.5 (2 h2 + 1) = 120x + m0 - 2.5.
        Tensor y = layer(NormOrder.POST_NORM, t -> t).forward(x(), memory(), null);

        assertThatTensor(y).describedAs("self 2q, cross 3q + m0, FFN x + 1, LN1 10x, LN2 x - 3, LN3 0.5x, Post-LN:"
                + " 120x + m0 - 2.5").isCloseTo(expected(120, 1, -2.5));
    }

    @Test
    @Order(2)
    @DisplayName("Pre-LN normalizes each sublayer's input, adds to the raw sum, and leaves the memory as it is")
    void preNormWiresThreeSublayers() {
        // h1 = x + 2 (10x) = 21x; h2 = 21x + 3 (21x - 3) + m0 = 84x + m0 - 9; y = h2 + 0.5 h2 + 1 = 126x + 1.5 m0 - 12.5.
        Tensor y = layer(NormOrder.PRE_NORM, t -> t).forward(x(), memory(), null);

        assertThatTensor(y).describedAs("self 2q, cross 3q + m0, FFN x + 1, LN1 10x, LN2 x - 3, LN3 0.5x, Pre-LN:"
                + " 126x + 1.5 m0 - 12.5").isCloseTo(expected(126, 1.5, -12.5));
    }

    @Test
    @Order(3)
    @DisplayName("dropout acts on each of the three sublayer outputs, before its residual add")
    void dropoutActsOnEachSublayerOutput() {
        // Dropout 0.5x. Post-LN: h1 = 20x, h2 = 20x + 0.5 (60x + m0) - 3, y = 0.75 h2 + 0.25 = 37.5x + 0.375 m0 - 2.
        // Pre-LN: h1 = 11x, h2 = 11x + 0.5 (3 (11x - 3) + m0), y = 1.25 h2 + 0.5 = 34.375x + 0.625 m0 - 5.125.
        Tensor post = layer(NormOrder.POST_NORM, affine(0.5, 0)).forward(x(), memory(), null);
        Tensor pre = layer(NormOrder.PRE_NORM, affine(0.5, 0)).forward(x(), memory(), null);

        assertThatTensor(post).describedAs("Post-LN with dropout 0.5x on the three sublayer outputs: 37.5x + 0.375 m0 - 2")
                .isCloseTo(expected(37.5, 0.375, -2));
        assertThatTensor(pre).describedAs("Pre-LN with dropout 0.5x on the three sublayer outputs: 34.375x + 0.625 m0 - 5.125")
                .isCloseTo(expected(34.375, 0.625, -5.125));
    }

    @Test
    @Order(4)
    @DisplayName("with every sublayer dropped, Pre-LN returns x and Post-LN returns LN3(LN2(LN1(x)))")
    void droppedSublayersMakeAPreNormLayerTheIdentity() {
        Tensor pre = layer(NormOrder.PRE_NORM, affine(0, 0)).forward(x(), memory(), null);
        Tensor post = layer(NormOrder.POST_NORM, affine(0, 0)).forward(x(), memory(), null);

        assertThatTensor(pre).describedAs("Pre-LN: dropout never touches the residual path, so y = x").isCloseTo(x());
        assertThatTensor(post).describedAs("Post-LN: y = 0.5 (10x - 3) = 5x - 1.5").isCloseTo(expected(5, 0, -1.5));
    }

    @Test
    @Order(5)
    @DisplayName("each attention gets its inputs and its mask: self-attention LN1(x) twice under the causal mask,"
            + " cross-attention LN2(h1) over the raw memory under the memory mask")
    void eachAttentionGetsItsInputsAndMask() {
        StandIns.RecordingAttention self = new StandIns.RecordingAttention();
        StandIns.RecordingAttention cross = new StandIns.RecordingAttention();
        DecoderLayer layer = new DecoderLayer(NormOrder.PRE_NORM, self, cross, affine(0, 0), affine(10, 0),
                affine(1, -3), t -> t, t -> t);
        Tensor memory = Tensor.matrix(new double[] {5, 7}, new double[] {-1, 4});

        layer.forward(x(), memory, new boolean[] {false, true});
        layer.forward(x(), memory, null);

        assertThat(self.calls()).describedAs("self-attention calls, one per forward").hasSize(2);
        assertThatTensor(self.calls().get(0).query()).describedAs("self-attention queries: LN1(x) = 10x")
                .isCloseTo(expected(10, 0, 0));
        assertThatTensor(self.calls().get(0).memory()).describedAs("self-attention keys and values: LN1(x) = 10x, the decoder's own")
                .isCloseTo(expected(10, 0, 0));
        assertThat(self.calls().get(0).masked()).describedAs("self-attention mask: causal, the diagonal visible")
                .isDeepEqualTo(new boolean[][] {{false, true}, {false, false}});
        assertThat(cross.calls()).describedAs("cross-attention calls, one per forward").hasSize(2);
        assertThatTensor(cross.calls().get(0).query()).describedAs("cross-attention queries: LN2(h1) = x - 3 (the self-attention returned 0)")
                .isCloseTo(expected(1, 0, -3));
        assertThatTensor(cross.calls().get(0).memory()).describedAs("cross-attention keys and values: the memory, not normalized")
                .isCloseTo(memory);
        assertThat(cross.calls().get(0).masked()).describedAs("cross-attention mask: memory row 1 hidden from both queries")
                .isDeepEqualTo(new boolean[][] {{false, true}, {false, true}});
        assertThat(cross.calls().get(1).masked()).describedAs("memoryPadded = null: no cross-attention mask").isNull();
        assertThat(self.calls().get(1).masked()).describedAs("the causal mask stays without memory padding")
                .isDeepEqualTo(new boolean[][] {{false, true}, {false, false}});
    }

    @Test
    @Order(6)
    @DisplayName("a target of no tokens gives a (0, d) output, even over an empty or all-padding memory: no query needs a key")
    void aTargetOfNoTokensGivesAnEmptyOutput() {
        DecoderLayer layer = layer(NormOrder.POST_NORM, t -> t);

        Tensor y = layer.forward(Tensor.zeros(0, 2), memory(), new boolean[] {false});
        Tensor overNoMemory = layer.forward(Tensor.zeros(0, 2), Tensor.zeros(0, 2), null);
        Tensor overPadding = layer.forward(Tensor.zeros(0, 2), memory(), new boolean[] {true});

        assertThatTensor(y).describedAs("the layer of a target with shape (0, 2)").hasShape(0, 2);
        assertThatTensor(overNoMemory).describedAs("the layer of a (0, 2) target over a (0, 2) memory").hasShape(0, 2);
        assertThatTensor(overPadding).describedAs("the layer of a (0, 2) target over a memory of padding only")
                .hasShape(0, 2);
    }

    @Test
    @Order(7)
    @DisplayName("golden: Post-LN under the causal and memory padding masks matches PyTorch's nn.TransformerDecoderLayer(norm_first=False)")
    void goldenPostNorm() {
        // GoldenDecoderLayer: katas/10-decoder-layer/golden/generate.py, PyTorch float64, dropout 0.
        Tensor y = goldenLayer(NormOrder.POST_NORM)
                .forward(GoldenDecoderLayer.target(), GoldenDecoderLayer.memory(), GoldenDecoderLayer.memoryPadded());

        assertThatTensor(y).describedAs("PyTorch's Post-LN decoder layer (stand-in parts)")
                .isCloseTo(GoldenDecoderLayer.postNormOutput(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(8)
    @DisplayName("golden: Pre-LN under the causal and memory padding masks matches PyTorch's nn.TransformerDecoderLayer(norm_first=True)")
    void goldenPreNorm() {
        // GoldenDecoderLayer: katas/10-decoder-layer/golden/generate.py, PyTorch float64, dropout 0.
        Tensor y = goldenLayer(NormOrder.PRE_NORM)
                .forward(GoldenDecoderLayer.target(), GoldenDecoderLayer.memory(), GoldenDecoderLayer.memoryPadded());

        assertThatTensor(y).describedAs("PyTorch's Pre-LN decoder layer (stand-in parts)")
                .isCloseTo(GoldenDecoderLayer.preNormOutput(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(9)
    @DisplayName("golden: target and memory stored column by column give the same output, every input untouched")
    void goldenInputsInAnotherLayout() {
        Tensor target = MatrixLayouts.transposedLayout(StandIns.rowsOf(GoldenDecoderLayer.target()));
        Tensor memory = MatrixLayouts.steppedLayout(StandIns.rowsOf(GoldenDecoderLayer.memory()));
        boolean[] padded = GoldenDecoderLayer.memoryPadded();
        Inputs inputs = Inputs.snapshot("target", target, "memory", memory);

        Tensor y = goldenLayer(NormOrder.POST_NORM).forward(target, memory, padded);

        inputs.assertUntouched();
        assertThat(padded).describedAs("memoryPadded after the call").containsExactly(GoldenDecoderLayer.memoryPadded());
        assertThatTensor(y).describedAs("the Post-LN layer of a transposed target and a stepped memory")
                .isCloseTo(GoldenDecoderLayer.postNormOutput(), Tolerance.FRAMEWORK)
                .doesNotShareStorageWith(target).doesNotShareStorageWith(memory);
    }

    @Test
    @Order(10)
    @DisplayName("the cross-attention output depends on the memory: another real memory row gives another output")
    void crossAttentionOutputDependsOnTheMemory() {
        DecoderLayer layer = goldenLayer(NormOrder.PRE_NORM);
        Tensor memory = GoldenDecoderLayer.memory();
        memory.set(memory.get(0, 0) + 1.0, 0, 0);

        Tensor y = layer.forward(GoldenDecoderLayer.target(), GoldenDecoderLayer.memory(), GoldenDecoderLayer.memoryPadded());
        Tensor changed = layer.forward(GoldenDecoderLayer.target(), memory, GoldenDecoderLayer.memoryPadded());

        assertThat(largestDifference(changed, y))
                .describedAs("the largest change of the output when memory[0][0] grows by 1 (the decoder reads the encoder)")
                .isGreaterThan(1e-3);
    }

    @Test
    @Order(11)
    @DisplayName("decoding step by step gives the outputs of the parallel pass: a prefix of t tokens gives its first t rows")
    void stepByStepDecodingMatchesTheParallelPass() {
        for (NormOrder order : NormOrder.values()) {
            DecoderLayer layer = goldenLayer(order);
            Tensor target = GoldenDecoderLayer.target();
            Tensor parallel = layer.forward(target, GoldenDecoderLayer.memory(), GoldenDecoderLayer.memoryPadded());

            for (int t = 1; t <= target.size(0); t++) {
                Tensor prefix = layer.forward(StandIns.rows(target, 0, t), GoldenDecoderLayer.memory(),
                        GoldenDecoderLayer.memoryPadded());

                assertThatTensor(prefix).describedAs("%s: the layer of the first %d tokens against rows 0 .. %d of the"
                        + " parallel pass (teacher forcing)", order, t, t - 1)
                        .isCloseTo(StandIns.rows(parallel, 0, t), Tolerance.DEFAULT);
            }
        }
    }

    @Test
    @Order(12)
    @DisplayName("target and memory must be matrices of one width, naming the argument and the shapes")
    void targetAndMemoryOfTheWrongShapeAreRejected() {
        DecoderLayer layer = layer(NormOrder.PRE_NORM, t -> t);

        assertThatIllegalArgumentException().describedAs("target must be (T, d)")
                .isThrownBy(() -> layer.forward(Tensor.zeros(1, 2, 2), memory(), null))
                .withMessageContaining("target").withMessageContaining("[1, 2, 2]");
        assertThatIllegalArgumentException().describedAs("memory must be (T_m, d)")
                .isThrownBy(() -> layer.forward(x(), Tensor.zeros(2), null))
                .withMessageContaining("memory").withMessageContaining("[2]");
        assertThatIllegalArgumentException().describedAs("memory of width 3 for a target of width 2")
                .isThrownBy(() -> layer.forward(x(), Tensor.zeros(1, 3), null))
                .withMessageContaining("memory").withMessageContaining("[1, 3]");
        assertThatIllegalArgumentException().describedAs("a memory of no rows leaves the cross-attention nothing to read")
                .isThrownBy(() -> layer.forward(x(), Tensor.zeros(0, 2), null))
                .withMessageContaining("memory").withMessageContaining("[0, 2]");
    }

    @Test
    @Order(13)
    @DisplayName("memoryPadded must have one flag per memory row and leave at least one real row")
    void memoryPaddedOfTheWrongLengthOrAllPaddingIsRejected() {
        DecoderLayer layer = layer(NormOrder.POST_NORM, t -> t);

        assertThatIllegalArgumentException().describedAs("memoryPadded of length 2 for 1 memory row")
                .isThrownBy(() -> layer.forward(x(), memory(), new boolean[] {false, false}))
                .withMessageContaining("memoryPadded");
        assertThatIllegalArgumentException().describedAs("every memory row padded: no query has a key to attend to")
                .isThrownBy(() -> layer.forward(x(), memory(), new boolean[] {true}))
                .withMessageContaining("memoryPadded");
    }

    @Test
    @Order(14)
    @DisplayName("a sublayer that changes the shape is rejected, naming the sublayer and both shapes")
    void aSublayerThatChangesTheShapeIsRejected() {
        TensorFunction identity = t -> t;
        AttentionLayer wide = (q, m, masked) -> Tensor.zeros(2, 3);
        DecoderLayer badSelf = new DecoderLayer(NormOrder.POST_NORM, wide, attention(1, 0), identity, identity, identity,
                identity, identity);
        DecoderLayer badCross = new DecoderLayer(NormOrder.PRE_NORM, attention(1, 0), wide, identity, identity, identity,
                identity, identity);
        DecoderLayer badFeedForward = new DecoderLayer(NormOrder.POST_NORM, attention(1, 0), attention(1, 0),
                t -> Tensor.zeros(1, 2), identity, identity, identity, identity);

        assertThatIllegalArgumentException().describedAs("the self-attention returned (2, 3) for a (2, 2) target")
                .isThrownBy(() -> badSelf.forward(x(), memory(), null))
                .withMessageContaining("self-attention").withMessageContaining("[2, 3]").withMessageContaining("[2, 2]");
        assertThatIllegalArgumentException().describedAs("the cross-attention returned (2, 3) for a (2, 2) target")
                .isThrownBy(() -> badCross.forward(x(), memory(), null))
                .withMessageContaining("cross-attention").withMessageContaining("[2, 3]").withMessageContaining("[2, 2]");
        assertThatIllegalArgumentException().describedAs("the FFN returned (1, 2) for a (2, 2) target")
                .isThrownBy(() -> badFeedForward.forward(x(), memory(), null))
                .withMessageContaining("feed-forward").withMessageContaining("[1, 2]").withMessageContaining("[2, 2]");
    }
}
