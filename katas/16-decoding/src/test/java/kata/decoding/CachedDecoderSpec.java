package kata.decoding;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import kata.support.Matrices;
import kata.support.NormOrder;
import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.testing.Inputs;
import kata.support.testing.MatrixLayouts;
import kata.support.testing.StandIns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-16")
@Order(6)
@DisplayName("16 Decoding: the cached decoder, examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CachedDecoderSpec {

    private static final int VOCAB = 6;
    private static final int D = 4;
    private static final int HEADS = 2;
    private static final int LAYERS = 2;
    private static final int POSITIONS = 8;
    private static final int[] TOKENS = {3, 1, 4, 1, 5};
    private static final DecoderWeights WEIGHTS = Decoders.random(Seeds.random(16), VOCAB, D, LAYERS, POSITIONS);
    private static final Tensor MEMORY = Tensor.gaussian(Seeds.random(61), 3, D);
    private static final boolean[] PADDED = {false, true, false};

    @Test
    @Order(1)
    @DisplayName("Post-LN: at every step the logits are the parallel pass's row over the whole prefix, to 1e-12")
    void postNormStepsEqualTheParallelPass() {
        assertStepsEqualTheParallelPass(NormOrder.POST_NORM, null);
    }

    @Test
    @Order(2)
    @DisplayName("Pre-LN: at every step the logits are the parallel pass's row over the whole prefix, to 1e-12")
    void preNormStepsEqualTheParallelPass() {
        assertStepsEqualTheParallelPass(NormOrder.PRE_NORM, null);
    }

    @Test
    @Order(3)
    @DisplayName("Post-LN with a padded memory row: the cross-attention hides it at every step")
    void postNormWithPaddingEqualsTheParallelPass() {
        assertStepsEqualTheParallelPass(NormOrder.POST_NORM, PADDED);
    }

    @Test
    @Order(4)
    @DisplayName("Pre-LN with a padded memory row: the cross-attention hides it at every step")
    void preNormWithPaddingEqualsTheParallelPass() {
        assertStepsEqualTheParallelPass(NormOrder.PRE_NORM, PADDED);
    }

    @Test
    @Order(5)
    @DisplayName("each layer's self cache holds that layer's keys and values of every position fed so far")
    void eachLayerCachesItsOwnKeys() {
        for (NormOrder order : NormOrder.values()) {
            CachedDecoder decoder = new CachedDecoder(WEIGHTS, order, HEADS, POSITIONS);
            decoder.start(MEMORY, null);

            for (int token : TOKENS) {
                decoder.step(token);
            }

            for (int layer = 0; layer < LAYERS; layer++) {
                assertThat(decoder.selfCache(layer).length()).describedAs("%s: rows in layer %s's cache after 5 tokens",
                        order, layer).isEqualTo(TOKENS.length);
                assertThatTensor(decoder.selfCache(layer).keys())
                        .describedAs("%s: layer %s's cached keys, the parallel pass's keys of that layer (from LN1 of its"
                                + " input under PRE_NORM, from the input itself under POST_NORM)", order, layer)
                        .isCloseTo(Decoders.parallelKeys(WEIGHTS, order, HEADS, TOKENS, MEMORY, layer), Decoders.CACHED);
            }
        }
    }

    @Test
    @Order(6)
    @DisplayName("the memory's keys and values are computed once, in start: changing the memory afterwards changes nothing")
    void theMemoryIsProjectedOnceInStart() {
        Tensor memory = StandIns.rows(MEMORY, 0, 3);
        CachedDecoder decoder = new CachedDecoder(WEIGHTS, NormOrder.PRE_NORM, HEADS, POSITIONS);
        decoder.start(memory, null);
        memory.set(42.0, 0, 0);
        memory.set(-7.0, 2, 3);

        double[] logits = decoder.step(TOKENS[0]);

        for (int layer = 0; layer < LAYERS; layer++) {
            AttentionWeights cross = WEIGHTS.layers().get(layer).crossAttention();
            assertThatTensor(decoder.memoryCache(layer).keys()).describedAs("layer %s's memory keys: memory W_K + b_K of"
                    + " its cross-attention", layer).isCloseTo(Matrices.linear(MEMORY, cross.keyWeight(), cross.keyBias()));
            assertThatTensor(decoder.memoryCache(layer).values()).describedAs("layer %s's memory values: memory W_V + b_V"
                    + " (not W_K)", layer).isCloseTo(Matrices.linear(MEMORY, cross.valueWeight(), cross.valueBias()));
        }
        assertThat(logits).describedAs("the first step after the memory was changed: the logits of the memory given to start")
                .containsExactly(Decoders.row(Decoders.parallel(WEIGHTS, NormOrder.PRE_NORM, HEADS, new int[] {TOKENS[0]},
                        MEMORY, null), 0), offset(Decoders.CACHED));
    }

    @Test
    @Order(7)
    @DisplayName("start begins a new sequence: the caches are emptied and positions count from 0 again")
    void startBeginsANewSequence() {
        CachedDecoder decoder = new CachedDecoder(WEIGHTS, NormOrder.POST_NORM, HEADS, POSITIONS);
        decoder.start(MEMORY, null);
        for (int token : TOKENS) {
            decoder.step(token);
        }
        Tensor other = Tensor.gaussian(Seeds.random(7), 2, D);
        int[] second = {2, 0, 5};

        decoder.start(other, null);
        assertThat(decoder.length()).describedAs("tokens fed after a new start").isZero();
        Tensor expected = Decoders.parallel(WEIGHTS, NormOrder.POST_NORM, HEADS, second, other, null);
        for (int t = 0; t < second.length; t++) {
            double[] logits = decoder.step(second[t]);

            assertThat(logits).describedAs("step %s of the second sequence: as if the first had never been", t)
                    .containsExactly(Decoders.row(expected, t), offset(Decoders.CACHED));
        }
        assertThat(decoder.memoryCache(1).length()).describedAs("rows of the second memory in layer 1's memory cache").isEqualTo(2);
    }

    @Test
    @Order(8)
    @DisplayName("embeddings of mean 1e8 and spread 0.1: the norms use the mean of squared deviations, never E[x^2] - E[x]^2")
    void largeMeansKeepTheNormsExact() {
        DecoderWeights weights = Decoders.random(Seeds.random(8), VOCAB, D, LAYERS, POSITIONS);
        Tensor embedding = Tensor.zeros(VOCAB, D);
        for (int v = 0; v < VOCAB; v++) {
            for (int c = 0; c < D; c++) {
                embedding.set(1e8 + 0.1 * weights.embedding().get(v, c), v, c);
            }
        }
        DecoderWeights shifted = new DecoderWeights(embedding, weights.positions(), weights.layers(), weights.finalNorm(),
                weights.outputWeight(), weights.outputBias());
        for (NormOrder order : NormOrder.values()) {
            CachedDecoder decoder = new CachedDecoder(shifted, order, HEADS, POSITIONS);
            Tensor parallel = Decoders.parallel(shifted, order, HEADS, TOKENS, MEMORY, null);
            decoder.start(MEMORY, null);

            for (int t = 0; t < TOKENS.length; t++) {
                assertThat(decoder.step(TOKENS[t])).describedAs("%s, step %s, inputs near 1e8: the variance of a row is"
                        + " the mean of (x - mean)^2, about 0.01 here, not E[x^2] - E[x]^2, which loses it", order, t)
                        .containsExactly(Decoders.row(parallel, t), offset(1e-6));
            }
        }
    }

    // ---- contracts ----

    @Test
    @Order(9)
    @DisplayName("a step past maxLength is an IllegalStateException naming maxLength, and changes nothing")
    void aStepPastMaxLengthIsRefused() {
        CachedDecoder decoder = new CachedDecoder(WEIGHTS, NormOrder.PRE_NORM, HEADS, 3);
        decoder.start(MEMORY, PADDED);
        for (int t = 0; t < 3; t++) {
            decoder.step(TOKENS[t]);
        }

        assertThatIllegalStateException().describedAs("a fourth token into a decoder of maxLength 3")
                .isThrownBy(() -> decoder.step(TOKENS[3])).withMessageContaining("maxLength = 3");
        assertThat(decoder.length()).describedAs("tokens after the refused step").isEqualTo(3);
        assertThat(decoder.selfCache(0).length()).describedAs("rows of layer 0's cache after the refused step").isEqualTo(3);
        CachedDecoder one = new CachedDecoder(WEIGHTS, NormOrder.POST_NORM, HEADS, 1);
        one.start(MEMORY, null);
        one.step(TOKENS[0]);
        assertThatIllegalStateException().describedAs("a second token into a decoder of maxLength 1")
                .isThrownBy(() -> one.step(TOKENS[1])).withMessageContaining("maxLength = 1");
        CachedDecoder full = new CachedDecoder(WEIGHTS, NormOrder.POST_NORM, HEADS, POSITIONS);
        full.start(MEMORY, null);
        for (int t = 0; t < POSITIONS; t++) {
            full.step(t % VOCAB);
        }
        assertThatIllegalStateException().describedAs("a ninth token into a decoder of maxLength 8, every position used")
                .isThrownBy(() -> full.step(TOKENS[0])).withMessageContaining("maxLength = 8");
        decoder.start(MEMORY, PADDED);
        assertThat(decoder.step(TOKENS[0])).describedAs("the first step after a new start")
                .containsExactly(Decoders.row(Decoders.parallel(WEIGHTS, NormOrder.PRE_NORM, HEADS, new int[] {TOKENS[0]},
                        MEMORY, PADDED), 0), offset(Decoders.CACHED));
    }

    @Test
    @Order(10)
    @DisplayName("a step before start is an IllegalStateException; a token outside [0, V) an IllegalArgumentException naming token")
    void aStepBeforeStartOrABadTokenIsRefused() {
        CachedDecoder decoder = new CachedDecoder(WEIGHTS, NormOrder.POST_NORM, HEADS, POSITIONS);

        assertThatIllegalStateException().describedAs("a step before the first start").isThrownBy(() -> decoder.step(1));
        decoder.start(MEMORY, null);
        assertThatIllegalArgumentException().describedAs("token -1").isThrownBy(() -> decoder.step(-1)).withMessageContaining("token");
        assertThatIllegalArgumentException().describedAs("token 6 of a vocabulary of 6")
                .isThrownBy(() -> decoder.step(VOCAB)).withMessageContaining("token");
        assertThat(decoder.length()).describedAs("tokens after two refused steps").isZero();
    }

    @Test
    @Order(11)
    @DisplayName("a bad head count, maxLength, memory or padding is rejected, naming it")
    void badArgumentsAreRejected() {
        CachedDecoder decoder = new CachedDecoder(WEIGHTS, NormOrder.PRE_NORM, HEADS, POSITIONS);

        assertThatIllegalArgumentException().describedAs("3 heads do not divide d = 4")
                .isThrownBy(() -> new CachedDecoder(WEIGHTS, NormOrder.PRE_NORM, 3, 4)).withMessageContaining("numHeads");
        assertThatIllegalArgumentException().describedAs("0 heads")
                .isThrownBy(() -> new CachedDecoder(WEIGHTS, NormOrder.PRE_NORM, 0, 4)).withMessageContaining("numHeads");
        assertThatIllegalArgumentException().describedAs("maxLength 0")
                .isThrownBy(() -> new CachedDecoder(WEIGHTS, NormOrder.PRE_NORM, HEADS, 0)).withMessageContaining("maxLength");
        assertThatIllegalArgumentException().describedAs("maxLength 9 with a positions table of 8 rows")
                .isThrownBy(() -> new CachedDecoder(WEIGHTS, NormOrder.PRE_NORM, HEADS, 9))
                .withMessageContaining("maxLength").withMessageContaining("[8, 4]");
        assertThatIllegalArgumentException().describedAs("a memory of width 3")
                .isThrownBy(() -> decoder.start(Tensor.zeros(2, 3), null)).withMessageContaining("memory").withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException().describedAs("a memory without rows")
                .isThrownBy(() -> decoder.start(Tensor.zeros(0, 4), null)).withMessageContaining("memory").withMessageContaining("[0, 4]");
        assertThatIllegalArgumentException().describedAs("a memory that is a vector")
                .isThrownBy(() -> decoder.start(Tensor.zeros(4), null)).withMessageContaining("memory").withMessageContaining("[4]");
        assertThatIllegalArgumentException().describedAs("2 padding flags for 3 memory rows")
                .isThrownBy(() -> decoder.start(MEMORY, new boolean[] {false, true})).withMessageContaining("memoryPadded");
        assertThatIllegalArgumentException().describedAs("every memory row padded")
                .isThrownBy(() -> decoder.start(MEMORY, new boolean[] {true, true, true})).withMessageContaining("memoryPadded");
    }

    @Test
    @Order(12)
    @DisplayName("weights and memory of any layout give the same logits; inputs stay untouched and each step's array is fresh")
    void anyLayoutAndInputsUntouched() {
        DecoderWeights strided = Decoders.otherLayouts(WEIGHTS);
        Tensor memory = MatrixLayouts.transposedLayout(StandIns.rowsOf(MEMORY));
        boolean[] padded = PADDED.clone();
        Inputs inputs = Inputs.snapshot("memory", memory, "embedding", strided.embedding(), "positions", strided.positions(),
                "queryWeight", strided.layers().get(1).selfAttention().queryWeight(), "gamma", strided.layers().get(0).norm2().gamma());
        CachedDecoder decoder = new CachedDecoder(strided, NormOrder.POST_NORM, HEADS, POSITIONS);
        Tensor expected = Decoders.parallel(WEIGHTS, NormOrder.POST_NORM, HEADS, TOKENS, MEMORY, PADDED);

        decoder.start(memory, padded);
        padded[0] = true;
        double[] first = decoder.step(TOKENS[0]);
        first[0] = 1e9;
        double[] second = decoder.step(TOKENS[1]);

        inputs.assertUntouched();
        assertThat(second).describedAs("step 1 with weights stored column by column and every other position, and a"
                        + " transposed memory; the caller's padding flags changed after start")
                .containsExactly(Decoders.row(expected, 1), offset(Decoders.CACHED)).isNotSameAs(first);
        assertThat(decoder.step(TOKENS[2])).describedAs("step 2 after the caller wrote into step 0's logits")
                .containsExactly(Decoders.row(expected, 2), offset(Decoders.CACHED));
    }

    private static void assertStepsEqualTheParallelPass(NormOrder order, boolean[] padded) {
        CachedDecoder decoder = new CachedDecoder(WEIGHTS, order, HEADS, POSITIONS);
        Tensor parallel = Decoders.parallel(WEIGHTS, order, HEADS, TOKENS, MEMORY, padded);
        decoder.start(MEMORY, padded);

        for (int t = 0; t < TOKENS.length; t++) {
            double[] logits = decoder.step(TOKENS[t]);

            // The parallel pass is built from StandIns (multiHead, layerNorm, feedForward) and Masks: see Decoders.
            assertThat(logits).describedAs("%s, memory padding %s: the logits of step %s (token %s at position %s) must"
                            + " be row %s of the parallel pass over %s; the position is the step's, the cache holds"
                            + " every earlier row of every layer", order, padded == null ? "none" : java.util.Arrays.toString(padded),
                    t, TOKENS[t], t, t, List.of(java.util.Arrays.stream(TOKENS, 0, t + 1).boxed().toArray()))
                    .containsExactly(Decoders.row(parallel, t), offset(Decoders.CACHED));
            assertThat(decoder.length()).describedAs("tokens fed").isEqualTo(t + 1);
        }
    }
}
