package kata.calculator;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.GradientCheck;
import kata.support.testing.Indices;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The whole model, built from your katas 09, 10, 11 and 13 (and 04 to 07 through them): these wait until they are done. */
@Tag("kata-14")
@Tag("integration")
@Order(9)
@DisplayName("14 Calculator: the model, from your katas 09, 10, 11 and 13")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelSpec {

    private static final int[] SOURCE = Dataset.source(new Problem(7, 45), Format.PLAIN);       // 7+45___

    @Test
    @Order(1)
    @DisplayName("parameters() lists the documented tensors in order: 49 for the tiny model, 1,774 numbers")
    void parametersComeInTheDocumentedOrder() {
        Model model = ModelChecks.tiny(1);

        List<Tensor> parameters = model.parameters();
        List<int[]> expected = ModelChecks.parameterShapes(ModelConfig.tiny());

        assertThat(parameters).describedAs("table; encoder layer (2 + 8 + 2 + 4); final norm; decoder layer"
                + " (2 + 8 + 2 + 8 + 2 + 4); final norm; W_out, b_out").hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThatTensor(parameters.get(k)).describedAs("parameters()[%d]", k).hasShape(expected.get(k));
        }
        assertThat(model.parameterCount()).describedAs("V d + (2 LN + attention + FFN) + LN + (3 LN + 2 attention + FFN)"
                + " + LN + d V + V = 112 + 600 + 16 + 904 + 16 + 126").isEqualTo(1_774);
        assertThat(model.config()).isEqualTo(ModelConfig.tiny());
    }

    @Test
    @Order(2)
    @DisplayName("the calculator's model has 235,534 parameters: the formula for d = 64, d_ff = 256, 2 + 2 layers")
    void theCalculatorHasTheFormulasCount() {
        Model model = Model.initial(ModelConfig.calculator(), Seeds.random(2));

        int d = 64;
        int attention = 4 * (d * d + d);
        int feedForward = d * 256 + 256 + 256 * d + d;
        int expected = 14 * d + 2 * (4 * d + attention + feedForward) + 2 * d + 2 * (6 * d + 2 * attention + feedForward)
                + 2 * d + d * 14 + 14;

        assertThat(model.parameterCount()).describedAs("the sum of the element counts of parameters()").isEqualTo(expected)
                .isEqualTo(235_534);
        assertThat(model.parameters()).describedAs("two layers of each: 91 tensors")
                .hasSameSizeAs(ModelChecks.parameterShapes(ModelConfig.calculator()));
    }

    @Test
    @Order(3)
    @DisplayName("initialization: the same seed gives the same model; norms start at gamma 1, beta 0; weights are small")
    void initializationFollowsTheConventions() {
        Model model = Model.initial(ModelConfig.calculator(), Seeds.random(3));
        List<Tensor> again = Model.initial(ModelConfig.calculator(), Seeds.random(3)).parameters();
        List<Tensor> parameters = model.parameters();

        for (int k = 0; k < parameters.size(); k++) {
            assertThatTensor(again.get(k)).describedAs("parameters()[%d] from the same seed", k).isCloseTo(parameters.get(k), 0.0);
        }
        // 14 * 64 = 896 values of N(0, 1/64): the sample standard deviation is 0.125 +- 0.003.
        assertThat(standardDeviation(parameters.get(0))).describedAs("the token table's spread, 1 / sqrt(d) = 0.125"
                + " (an N(0, 1) table times sqrt(d) would drown the positions)").isCloseTo(0.125, within(0.015));
        assertThatTensor(parameters.get(1)).describedAs("encoder ln1 gamma").isCloseTo(ones(64), 0.0);
        assertThatTensor(parameters.get(2)).describedAs("encoder ln1 beta").isCloseTo(Tensor.zeros(64), 0.0);
        assertThat(maxAbs(parameters.get(13))).describedAs("W1 (64, 256) uniform in +-1/sqrt(64)").isLessThan(0.125);
        assertThat(maxAbs(parameters.get(parameters.size() - 2))).describedAs("W_out (64, 14) uniform in +-1/sqrt(64)")
                .isLessThan(0.125).isGreaterThan(0.1);
    }

    @Test
    @Order(4)
    @DisplayName("sizes below 1, a vocabulary below 3 ids and heads that do not divide d are rejected, each named")
    void badConfigurationsAreRejected() {
        assertThatIllegalArgumentException().describedAs("d = 0 has no feature")
                .isThrownBy(() -> Model.initial(new ModelConfig(14, 0, 1, 16, 1, 1, 8), Seeds.random(1)))
                .withMessageContaining("dModel");
        assertThatIllegalArgumentException().describedAs("4 heads do not split d = 6")
                .isThrownBy(() -> Model.initial(new ModelConfig(14, 6, 4, 16, 1, 1, 8), Seeds.random(1)))
                .withMessageContaining("dModel").withMessageContaining("numHeads");
        assertThatIllegalArgumentException().describedAs("PAD, START and END need three ids")
                .isThrownBy(() -> Model.initial(new ModelConfig(2, 8, 2, 16, 1, 1, 8), Seeds.random(1)))
                .withMessageContaining("vocabSize");
        assertThatIllegalArgumentException().describedAs("at least one encoder layer")
                .isThrownBy(() -> Model.initial(new ModelConfig(14, 8, 2, 16, 0, 1, 8), Seeds.random(1)))
                .withMessageContaining("encoderLayers");
        assertThatIllegalArgumentException().describedAs("at least one decoder layer")
                .isThrownBy(() -> Model.initial(new ModelConfig(14, 8, 2, 16, 1, 0, 8), Seeds.random(1)))
                .withMessageContaining("decoderLayers");
        assertThatIllegalArgumentException().describedAs("a positional table of at least one row")
                .isThrownBy(() -> Model.initial(new ModelConfig(14, 8, 2, 16, 1, 1, 0), Seeds.random(1)))
                .withMessageContaining("maxLength");
        assertThatIllegalArgumentException().describedAs("at least one head: 8 % 0 is no answer")
                .isThrownBy(() -> Model.initial(new ModelConfig(14, 8, 0, 16, 1, 1, 8), Seeds.random(1)))
                .withMessageContaining("numHeads");
        assertThatIllegalArgumentException().describedAs("an odd d has no last sin and cos pair for the positions")
                .isThrownBy(() -> Model.initial(new ModelConfig(14, 3, 1, 16, 1, 1, 8), Seeds.random(1)))
                .withMessageContaining("dModel");
        assertThatIllegalArgumentException().describedAs("a feed-forward layer of at least one unit")
                .isThrownBy(() -> Model.initial(new ModelConfig(14, 8, 2, 0, 1, 1, 8), Seeds.random(1)))
                .withMessageContaining("dFF");
    }

    @Test
    @Order(5)
    @DisplayName("logits are (B, T, V): one row of V scores per decoder position; the arrays are left untouched")
    void logitsHaveOneRowPerDecoderPosition() {
        Model model = ModelChecks.tiny(5);
        int[][] source = {SOURCE, Dataset.source(new Problem(999, 999), Format.PLAIN), SOURCE};
        int[][] decoderInput = {{1, 9, 6}, {1, 5, 5}, {1, 4, 4}};
        int[][] sourceCopy = ModelChecks.copy(source);
        int[][] inputCopy = ModelChecks.copy(decoderInput);

        Tensor logits = model.logits(source, decoderInput);

        assertThatTensor(logits).hasShape(3, 3, 14).isFinite();
        assertThat(source).describedAs("the sources").isDeepEqualTo(sourceCopy);
        assertThat(decoderInput).describedAs("the decoder inputs").isDeepEqualTo(inputCopy);
        assertThatTensor(model.logits(new int[][] {SOURCE}, new int[][] {{1}})).describedAs("one decoder position")
                .hasShape(1, 1, 14);
        assertThatTensor(model.logits(new int[][] {{4, 3, 4, 4, 4, 4, 4, 4}}, new int[][] {{1, 4, 4, 4, 4, 4, 4, 4}}))
                .describedAs("maxLength = 8 positions on both sides").hasShape(1, 8, 14);
    }

    @Test
    @Order(6)
    @DisplayName("each batch entry is computed on its own: a batch's row equals the same problem alone")
    void batchEntriesAreIndependent() {
        Model model = ModelChecks.tiny(6);
        int[][] source = {SOURCE, Dataset.source(new Problem(999, 999), Format.PLAIN)};
        int[][] decoderInput = {{1, 9, 6}, {1, 5, 5}};

        Tensor both = model.logits(source, decoderInput);
        Tensor second = model.logits(new int[][] {source[1]}, new int[][] {decoderInput[1]});

        for (int t = 0; t < 3; t++) {
            assertThatTensor(ModelChecks.row(both, 1, t)).describedAs("entry 1, position %d, in the batch and alone", t)
                    .isCloseTo(ModelChecks.row(second, 0, t));
        }
    }

    @Test
    @Order(7)
    @DisplayName("ragged or mismatched arrays, lengths above maxLength and ids outside the vocabulary are rejected")
    void badInputsAreRejected() {
        Model model = ModelChecks.tiny(7);
        assertThatIllegalArgumentException().describedAs("one decoder input per source")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE, SOURCE}, new int[][] {{1}}))
                .withMessageContaining("decoderInput").withMessageContaining("had 2 and 1");
        assertThatIllegalArgumentException().describedAs("no source array")
                .isThrownBy(() -> model.logits(null, new int[][] {{1}})).withMessageContaining("had null and 1");
        assertThatIllegalArgumentException().describedAs("no decoder input array")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE}, null)).withMessageContaining("had 1 and null");
        assertThatIllegalArgumentException().describedAs("a missing first source")
                .isThrownBy(() -> model.logits(new int[][] {null}, new int[][] {{1}})).withMessageContaining("source[0]")
                .withMessageContaining("had null");
        assertThatIllegalArgumentException().describedAs("a missing first decoder input")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE}, new int[][] {null})).withMessageContaining("decoderInput[0]");
        assertThatIllegalArgumentException().describedAs("a missing second source")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE, null}, new int[][] {{1}, {1}})).withMessageContaining("source[1]");
        assertThatIllegalArgumentException().describedAs("sources of one length")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE, {4, 3, 4}}, new int[][] {{1}, {1}}))
                .withMessageContaining("source[1]");
        assertThatIllegalArgumentException().describedAs("decoder inputs of one length")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE, SOURCE}, new int[][] {{1, 4}, {1}}))
                .withMessageContaining("decoderInput[1]");
        assertThatIllegalArgumentException().describedAs("the positional table has maxLength = 8 rows")
                .isThrownBy(() -> model.logits(new int[][] {{4, 4, 4, 4, 4, 4, 4, 4, 4}}, new int[][] {{1}}))
                .withMessageContaining("source").withMessageContaining("maxLength = 8").withMessageContaining("had 9");
        assertThatIllegalArgumentException().describedAs("the positional table has maxLength = 8 rows")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE}, new int[][] {{1, 4, 4, 4, 4, 4, 4, 4, 4}}))
                .withMessageContaining("decoderInput").withMessageContaining("maxLength = 8");
        assertThatIllegalArgumentException().describedAs("14 is not an id of a 14-symbol vocabulary")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE, {4, 3, 14, 0, 0, 0, 0}}, new int[][] {{1}, {1}}))
                .withMessageContaining("source[1][2] = 14").withMessageContaining("0 to 13");
        assertThatIllegalArgumentException().describedAs("ids are not negative")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE}, new int[][] {{1, -1}}))
                .withMessageContaining("decoderInput[0][1] = -1");
        assertThatIllegalArgumentException().describedAs("an empty batch")
                .isThrownBy(() -> model.logits(new int[0][], new int[0][])).withMessageContaining("source");
        assertThatIllegalArgumentException().describedAs("an empty decoder input has no position to score")
                .isThrownBy(() -> model.logits(new int[][] {SOURCE}, new int[][] {{}})).withMessageContaining("decoderInput")
                .withMessageContaining("had 0");
    }

    @Test
    @Order(8)
    @DisplayName("a freshly initialized model's loss is about ln V = ln 14 = 2.64: it knows nothing yet")
    void aFreshModelsLossIsAboutLnV() {
        Model model = ModelChecks.tiny(8);
        Batch batch = Dataset.batch(Dataset.split(8, 64, 0).train(), Format.REVERSED);

        double loss = model.lossAndGradients(batch, 0.0).loss();

        // Logits x W_out + b with x of unit variance (the final layer norm) and W_out uniform in +-1/sqrt(d)
        // have variance about 1/3, so the mean loss is about ln 14 + 1/6 = 2.81.
        assertThat(loss).describedAs("-log(1/14) for uniform predictions, plus a little for the random logits")
                .isCloseTo(Math.log(14), within(0.35));
    }

    @Test
    @Order(9)
    @DisplayName("the loss is the mean cross-entropy over every non-PAD label of the batch, label smoothing eps / V on every class")
    void theLossIsTheMeanOverNonPadLabels() {
        Model model = ModelChecks.tiny(9);
        Batch batch = Dataset.batch(List.of(new Problem(7, 45), new Problem(0, 0), new Problem(999, 1)), Format.PLAIN);

        double plain = model.lossAndGradients(batch, 0.0).loss();
        double smoothed = model.lossAndGradients(batch, 0.1).loss();

        assertThat(plain).describedAs("9 real labels (52$, 0$, 1000$), the 6 PAD labels ignored, not averaged in")
                .isCloseTo(ModelChecks.loss(model, batch, 0.0), within(Tolerance.DEFAULT));
        assertThat(smoothed).describedAs("target (1 - 0.1) onehot + 0.1 / 14 over the same 9 labels")
                .isCloseTo(ModelChecks.loss(model, batch, 0.1), within(Tolerance.DEFAULT));
    }

    @Test
    @Order(10)
    @DisplayName("a batch of one problem has the loss of its definition; a batch of PAD labels only has loss 0 and no gradient")
    void smallAndEmptyBatches() {
        Model model = ModelChecks.tiny(9);
        Batch one = Dataset.batch(List.of(new Problem(7, 45)), Format.PLAIN);
        Batch padded = Dataset.batch(List.of(new Problem(7, 45), new Problem(3, 4)), Format.PLAIN);
        Batch nothing = new Batch(padded.source(), padded.decoderInput(), new int[][] {new int[5], new int[5]});

        LossAndGradients single = model.lossAndGradients(one, 0.1);
        LossAndGradients none = model.lossAndGradients(nothing, 0.1);

        assertThat(single.loss()).describedAs("the 3 labels 52$ of one problem").isCloseTo(ModelChecks.loss(model, one, 0.1),
                within(Tolerance.DEFAULT));
        assertThat(single.gradients()).hasSameSizeAs(model.parameters());
        assertThat(none.loss()).describedAs("no label to predict: loss 0, never NaN (0 / 0)").isEqualTo(0.0);
        for (int k = 0; k < none.gradients().size(); k++) {
            assertThatTensor(none.gradients().get(k)).describedAs("gradients[%d] without a label", k)
                    .isCloseTo(Tensor.zeros(model.parameters().get(k).shape()), 0.0);
        }
    }

    @Test
    @Order(11)
    @DisplayName("every parameter but the key biases moves the loss: no block is left out of the forward or the backward pass")
    void everyParameterButTheKeyBiasesGetsAGradient() {
        Model model = ModelChecks.tiny(10);
        Batch batch = Dataset.batch(List.of(new Problem(7, 45), new Problem(999, 1)), Format.PLAIN);
        List<String> names = ModelChecks.parameterNames(ModelConfig.tiny());

        List<Tensor> gradients = model.lossAndGradients(batch, 0.1).gradients();

        for (int k = 0; k < gradients.size(); k++) {
            double largest = 0.0;
            for (int[] index : Indices.of(gradients.get(k).shape())) {
                largest = Math.max(largest, Math.abs(gradients.get(k).get(index)));
            }
            if (names.get(k).endsWith("bk")) {
                assertThat(largest).describedAs("%s adds one constant to a whole row of scores, which the softmax ignores:"
                        + " its gradient is 0", names.get(k)).isLessThan(1e-12);
            } else {
                assertThat(largest).describedAs("the largest gradient of parameters()[%d], %s", k, names.get(k))
                        .isGreaterThan(1e-6);
            }
        }
    }

    @Test
    @Order(12)
    @DisplayName("labels of another shape and smoothing outside [0, 1] are rejected, naming them")
    void badBatchesAreRejected() {
        Model model = ModelChecks.tiny(11);
        Batch batch = Dataset.batch(List.of(new Problem(7, 45), new Problem(3, 4)), Format.PLAIN);
        int[][] source = batch.source();
        int[][] input = batch.decoderInput();

        assertThatIllegalArgumentException().describedAs("one row of labels per problem")
                .isThrownBy(() -> model.lossAndGradients(new Batch(source, input, new int[1][5]), 0.1))
                .withMessageContaining("labels").withMessageContaining("had 1");
        assertThatIllegalArgumentException().describedAs("no labels at all")
                .isThrownBy(() -> model.lossAndGradients(new Batch(source, input, null), 0.1))
                .withMessageContaining("labels").withMessageContaining("had null");
        assertThatIllegalArgumentException().describedAs("one label per decoder input token, in every row")
                .isThrownBy(() -> model.lossAndGradients(new Batch(source, input, new int[][] {new int[5], new int[4]}), 0.1))
                .withMessageContaining("labels[1]");
        assertThatIllegalArgumentException().describedAs("a missing row of labels")
                .isThrownBy(() -> model.lossAndGradients(new Batch(source, input, new int[][] {new int[5], null}), 0.1))
                .withMessageContaining("labels[1]");
        assertThatIllegalArgumentException().describedAs("smoothing above 1 is no distribution")
                .isThrownBy(() -> model.lossAndGradients(batch, 1.5)).withMessageContaining("smoothing");
        assertThatIllegalArgumentException().describedAs("negative smoothing")
                .isThrownBy(() -> model.lossAndGradients(batch, -0.1)).withMessageContaining("smoothing");
        assertThatIllegalArgumentException().describedAs("smoothing is checked for a batch of one problem too")
                .isThrownBy(() -> model.lossAndGradients(Dataset.batch(List.of(new Problem(1, 2)), Format.PLAIN), 2.0))
                .withMessageContaining("smoothing");
        assertThatIllegalArgumentException().describedAs("the sources are checked as logits checks them")
                .isThrownBy(() -> model.lossAndGradients(new Batch(new int[][] {source[0]}, input, batch.labels()), 0.1))
                .withMessageContaining("had 1 and 2");
    }

    @Test
    @Order(13)
    @DisplayName("gradient check of the whole tiny model: sampled elements of every parameter against central differences")
    void gradientsMatchFiniteDifferences() {
        Model model = ModelChecks.tiny(10);
        Batch batch = Dataset.batch(List.of(new Problem(7, 45), new Problem(999, 1)), Format.PLAIN);
        double smoothing = 0.1;
        List<Tensor> parameters = model.parameters();
        SplittableRandom random = new SplittableRandom(10);
        List<String> names = ModelChecks.parameterNames(ModelConfig.tiny());

        List<Tensor> gradients = model.lossAndGradients(batch, smoothing).gradients();

        assertThat(gradients).hasSameSizeAs(parameters);
        for (int k = 0; k < parameters.size(); k++) {
            Tensor parameter = parameters.get(k);
            assertThatTensor(gradients.get(k)).describedAs("gradients[%d] has the shape of parameters()[%d]", k, k)
                    .hasShape(parameter.shape());
            for (int sample = 0; sample < 3; sample++) {
                int[] index = randomIndex(parameter.shape(), random);
                double value = parameter.get(index);
                GradientCheck.assertGradient("parameters()[" + k + "] (" + names.get(k) + ") at " + Arrays.toString(index),
                        at -> lossWith(model, batch, smoothing, parameter, index, at.get(0)),
                        Tensor.vector(value), Tensor.vector(gradients.get(k).get(index)));
                parameter.set(value, index);
            }
        }
    }

    @Test
    @Order(14)
    @DisplayName("lossAndGradients changes no parameter and no batch array, and its gradients are fresh tensors")
    void lossAndGradientsLeavesTheModelAlone() {
        Model model = ModelChecks.tiny(11);
        Batch batch = Dataset.batch(List.of(new Problem(7, 45), new Problem(3, 4)), Format.REVERSED);
        int[][] source = ModelChecks.copy(batch.source());
        int[][] input = ModelChecks.copy(batch.decoderInput());
        int[][] labels = ModelChecks.copy(batch.labels());
        Tensor before = model.logits(batch.source(), batch.decoderInput());

        List<Tensor> gradients = model.lossAndGradients(batch, 0.1).gradients();

        assertThatTensor(model.logits(batch.source(), batch.decoderInput())).describedAs("the same logits afterwards")
                .isCloseTo(before, 0.0);
        assertThat(batch.source()).isDeepEqualTo(source);
        assertThat(batch.decoderInput()).isDeepEqualTo(input);
        assertThat(batch.labels()).isDeepEqualTo(labels);
        for (int k = 0; k < gradients.size(); k++) {
            for (Tensor parameter : model.parameters()) {
                assertThatTensor(gradients.get(k)).describedAs("gradients[%d]", k).doesNotShareStorageWith(parameter);
            }
        }
    }

    @Test
    @Order(15)
    @DisplayName("parameters() are the live tensors: a change to one changes the logits")
    void parametersAreTheLiveTensors() {
        Model model = ModelChecks.tiny(12);
        Tensor before = model.logits(new int[][] {SOURCE}, new int[][] {{1, 9}});
        Tensor bias = model.parameters().get(model.parameters().size() - 1);

        bias.set(bias.get(5) + 1.0, 5);

        Tensor after = model.logits(new int[][] {SOURCE}, new int[][] {{1, 9}});
        assertThat(after.get(0, 1, 5) - before.get(0, 1, 5)).describedAs("b_out[5] + 1 raises logit 5 of every position by 1")
                .isCloseTo(1.0, within(Tolerance.DEFAULT));
        assertThat(model.parameters().get(0)).describedAs("the same table object on every call").isSameAs(model.parameters().get(0));
    }

    @Test
    @Order(16)
    @DisplayName("causality: changing a later decoder token leaves the logits of every earlier position unchanged")
    void laterDecoderTokensDoNotChangeEarlierLogits() {
        Model model = ModelChecks.tiny(13);

        Tensor original = model.logits(new int[][] {SOURCE}, new int[][] {{1, 9, 6, 2, 0}});
        Tensor changed = model.logits(new int[][] {SOURCE}, new int[][] {{1, 9, 13, 13, 13}});

        for (int t = 0; t < 2; t++) {
            assertThatTensor(ModelChecks.row(changed, 0, t)).describedAs("position %d sees tokens 0..%d only: the causal"
                    + " mask hides the later ones", t, t).isCloseTo(ModelChecks.row(original, 0, t));
        }
        assertThat(ModelChecks.row(changed, 0, 2).get(0)).describedAs("position 2 reads its own, changed token")
                .isNotCloseTo(ModelChecks.row(original, 0, 2).get(0), within(1e-6));
    }

    @Test
    @Order(17)
    @DisplayName("greedy decoding's choices equal the argmax of one teacher-forced pass over its own output")
    void greedyDecodingAgreesWithTheParallelPass() {
        Model model = ModelChecks.tiny(14);
        int[] source = Dataset.source(new Problem(123, 456), Format.REVERSED);

        int[] tokens = Decoding.greedy(model, source, 7);
        int[] input = ModelChecks.startThen(tokens);
        Tensor parallel = model.logits(new int[][] {source}, new int[][] {input});

        for (int t = 0; t < tokens.length; t++) {
            assertThat(tokens[t]).describedAs("token %d: the argmax of row %d of the parallel pass", t, t)
                    .isEqualTo(ModelChecks.argmax(parallel, 0, t));
            int[] prefix = Arrays.copyOf(input, t + 1);
            Tensor step = model.logits(new int[][] {source}, new int[][] {prefix});
            assertThatTensor(ModelChecks.row(step, 0, t)).describedAs("the last row for the prefix of %d tokens equals row"
                    + " %d of the whole pass", t + 1, t).isCloseTo(ModelChecks.row(parallel, 0, t));
        }
    }

    @Test
    @Order(18)
    @DisplayName("PAD source tokens change nothing: \"7+45___\" gives the logits of \"7+45\"")
    void padSourceTokensChangeNothing() {
        Model model = ModelChecks.tiny(15);
        int[][] input = {{1, 9, 6, 2, 0}};

        Tensor padded = model.logits(new int[][] {SOURCE}, input);
        Tensor unpadded = model.logits(new int[][] {{11, 3, 8, 9}}, input);

        assertThatTensor(padded).describedAs("PAD keys are hidden from the encoder's self-attention and from the"
                + " decoder's cross-attention").isCloseTo(unpadded);
    }

    @Test
    @Order(19)
    @DisplayName("crossAttention is (T, S): each row sums to 1 and PAD source columns get 0")
    void crossAttentionRowsSumToOne() {
        Model model = ModelChecks.tiny(16);
        int[] decoderInput = {1, 9, 6};

        Tensor weights = model.crossAttention(SOURCE, decoderInput);

        assertThatTensor(weights).hasShape(3, 7);
        for (int t = 0; t < 3; t++) {
            double sum = 0.0;
            for (int s = 0; s < 7; s++) {
                sum += weights.get(t, s);
                assertThat(weights.get(t, s)).describedAs("weight (%d, %d)", t, s).isBetween(0.0, 1.0);
            }
            assertThat(sum).describedAs("row %d: an average over heads of softmax rows", t).isCloseTo(1.0, within(Tolerance.DEFAULT));
            for (int s = 4; s < 7; s++) {
                assertThat(weights.get(t, s)).describedAs("source position %d is PAD", s).isZero();
            }
        }
    }

    private static double lossWith(Model model, Batch batch, double smoothing, Tensor parameter, int[] index, double value) {
        parameter.set(value, index);
        return ModelChecks.loss(model, batch, smoothing);
    }

    private static int[] randomIndex(int[] shape, SplittableRandom random) {
        int[] index = new int[shape.length];
        for (int axis = 0; axis < shape.length; axis++) {
            index[axis] = random.nextInt(shape[axis]);
        }
        return index;
    }

    private static double standardDeviation(Tensor t) {
        double sum = 0.0;
        double squares = 0.0;
        int n = t.elementCount();
        for (int[] index : Indices.of(t.shape())) {
            sum += t.get(index);
            squares += t.get(index) * t.get(index);
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }

    private static double maxAbs(Tensor t) {
        double max = 0.0;
        for (int[] index : Indices.of(t.shape())) {
            max = Math.max(max, Math.abs(t.get(index)));
        }
        return max;
    }

    private static Tensor ones(int n) {
        Tensor t = Tensor.zeros(n);
        for (int i = 0; i < n; i++) {
            t.set(1.0, i);
        }
        return t;
    }
}
