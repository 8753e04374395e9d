package kata.multihead;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import kata.support.AttentionResult;
import kata.support.HeadViews;
import kata.support.Matrices;
import kata.support.Seeds;
import kata.support.Tensor;
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

@Tag("kata-07")
@Order(1)
@DisplayName("07 Multi-head attention: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHeadSpec {

    /** The numbers 0 to 11 as a (2, 6) matrix: x[t][c] = 6t + c. */
    private static Tensor zeroToEleven() {
        return Tensor.of(new int[] {2, 6}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    // ---- parameters ----

    @Test
    @Order(1)
    @DisplayName("the weights start uniform in [-1/sqrt(d), 1/sqrt(d)), biases included, as PyTorch's nn.Linear")
    void initialWeightsAreUniformWithinOneOverSqrtD() {
        int d = 16;
        double bound = 0.25;

        MultiHeadWeights w = MultiHeadAttention.initial(d, Seeds.random(16));

        List<Tensor> all = all(w);
        double sum = 0.0;
        double squares = 0.0;
        int n = 0;
        for (int p = 0; p < all.size(); p++) {
            Tensor t = all.get(p);
            assertThatTensor(t).describedAs("parameter %d of 8 (W_Q, b_Q, W_K, b_K, W_V, b_V, W_O, b_O)", p)
                    .hasShape(p % 2 == 0 ? new int[] {d, d} : new int[] {d});
            double smallest = Double.POSITIVE_INFINITY;
            double largest = Double.NEGATIVE_INFINITY;
            for (double x : t.storage()) {
                assertThat(Math.abs(x)).describedAs("every entry of parameter %d lies within 1/sqrt(16) = 0.25", p)
                        .isLessThanOrEqualTo(bound);
                smallest = Math.min(smallest, x);
                largest = Math.max(largest, x);
                sum += x;
                squares += x * x;
                n++;
            }
            assertThat(largest - smallest)
                    .describedAs("the entries of parameter %d are drawn, not constant: biases too start random", p)
                    .isGreaterThan(bound);
        }
        // Uniform on [-b, b): mean 0, variance b^2 / 3 = 0.0208; 1088 values estimate it within about 3%.
        assertThat(squares / n - (sum / n) * (sum / n))
                .describedAs("variance of all 4 d^2 + 4 d = 1088 initial values: b^2 / 3 = %s for a uniform draw on"
                        + " [-b, b), biases drawn too (not zero)", bound * bound / 3)
                .isBetween(0.8 * bound * bound / 3, 1.2 * bound * bound / 3);
        for (int p = 0; p < all.size(); p += 2) {
            for (int other = p + 2; other < all.size(); other += 2) {
                assertThat(all.get(p).storage()).describedAs("weights %d and %d are drawn separately", p, other)
                        .isNotEqualTo(all.get(other).storage());
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("the layer draws its weights from the random source it is given: the same seed gives the same weights")
    void theLayerDrawsItsWeightsFromTheRandomSource() {
        MultiHeadAttention layer = new MultiHeadAttention(8, 2, Seeds.random(3), new StandInHead());

        MultiHeadWeights expected = MultiHeadAttention.initial(8, Seeds.random(3));

        List<Tensor> actual = all(layer.weights());
        for (int p = 0; p < actual.size(); p++) {
            assertThatTensor(actual.get(p)).describedAs("parameter %d of a layer built with Seeds.random(3)", p)
                    .isCloseTo(all(expected).get(p), 0.0);
        }
    }

    @Test
    @Order(3)
    @DisplayName("weights are plain tensors: setWeights replaces them and weights() returns the very tensors in use")
    void weightsAreSettableAndReadable() {
        MultiHeadAttention layer = new MultiHeadAttention(6, 3, Seeds.random(1), new StandInHead());
        MultiHeadWeights golden = Fixtures.goldenWeights();

        layer.setWeights(golden);

        List<Tensor> read = all(layer.weights());
        List<Tensor> given = all(golden);
        for (int p = 0; p < read.size(); p++) {
            assertThat(read.get(p)).describedAs("parameter %d after setWeights: the tensor itself, for a trainer", p)
                    .isSameAs(given.get(p));
        }
    }

    @Test
    @Order(4)
    @DisplayName("the parameter count is 4 d^2 + 4 d whatever the number of heads: 288 for d = 8")
    void parameterCountIsFourDSquaredPlusFourD() {
        for (int h : new int[] {1, 2, 4, 8}) {
            MultiHeadAttention layer = new MultiHeadAttention(8, h, Seeds.random(h), new StandInHead());

            assertThat(layer.parameterCount())
                    .describedAs("d = 8, h = %d: four (8, 8) weights and four (8) biases; heads split them, they"
                            + " do not add to them", h)
                    .isEqualTo(4 * 64 + 4 * 8);
        }
    }

    // ---- golden values ----

    @Test
    @Order(5)
    @DisplayName("golden: PyTorch's nn.MultiheadAttention(6, 3), self-attention under the causal mask, output and per-head weights")
    void goldenSelfAttention() {
        Fixtures.assertGoldenSelfAttention(new StandInHead(), "a stand-in for kata 06 in every head");
    }

    @Test
    @Order(6)
    @DisplayName("golden: PyTorch's cross-attention, queries from X (4 rows) and keys and values from MEMORY (5 rows), masked")
    void goldenCrossAttention() {
        Fixtures.assertGoldenCrossAttention(new StandInHead(), "a stand-in for kata 06 in every head");
    }

    // ---- wiring ----

    @Test
    @Order(7)
    @DisplayName("with h = 1 it is single attention on the projections, followed by the output projection")
    void oneHeadIsSingleAttentionOnTheProjections() {
        MultiHeadAttention layer = new MultiHeadAttention(6, 1, Seeds.random(1), new StandInHead());
        MultiHeadWeights w = Fixtures.goldenWeights();
        layer.setWeights(w);
        Tensor x = Tensor.matrix(GoldenMultiHead.X);
        Tensor memory = Tensor.matrix(GoldenMultiHead.MEMORY);

        AttentionResult result = layer.forward(x, memory, memory, null);

        AttentionResult single = new StandInHead().attend(Matrices.linear(x, w.queryWeight(), w.queryBias()),
                Matrices.linear(memory, w.keyWeight(), w.keyBias()), Matrices.linear(memory, w.valueWeight(), w.valueBias()),
                null);
        assertThatTensor(result.weights()).describedAs("the one head's weights, (1, T_q, T_k), scaled by sqrt(d) = sqrt(d_k)")
                .isCloseTo(Tensor.of(new int[] {1, 4, 5}, single.weights().storage()));
        assertThatTensor(result.output()).describedAs("Attention(x W_Q + b_Q, m W_K + b_K, m W_V + b_V) W_O + b_O")
                .isCloseTo(Matrices.linear(single.output(), w.outputWeight(), w.outputBias()));
    }

    @Test
    @Order(8)
    @DisplayName("each head gets its own block of the projections, in order, and the mask as it was given")
    void eachHeadGetsItsBlockOfTheProjectionsAndTheMask() {
        StandInHead head = new StandInHead();
        MultiHeadAttention layer = Fixtures.goldenLayer(head);
        Tensor x = Tensor.matrix(GoldenMultiHead.X);
        Tensor memory = Tensor.matrix(GoldenMultiHead.MEMORY);

        layer.forward(x, memory, memory, GoldenMultiHead.CROSS_MASKED);

        MultiHeadWeights w = Fixtures.goldenWeights();
        Tensor q = HeadViews.split(Matrices.linear(x, w.queryWeight(), w.queryBias()), 3);
        Tensor k = HeadViews.split(Matrices.linear(memory, w.keyWeight(), w.keyBias()), 3);
        Tensor v = HeadViews.split(Matrices.linear(memory, w.valueWeight(), w.valueBias()), 3);
        assertThat(head.calls()).describedAs("calls of the single-head attention: one per head").hasSize(3);
        for (int i = 0; i < 3; i++) {
            StandInHead.Call call = head.calls().get(i);
            assertThatTensor(call.q()).describedAs("call %d gets head %d's queries: columns %d-%d of x W_Q + b_Q", i, i, 2 * i, 2 * i + 1)
                    .isCloseTo(block(q, i));
            assertThatTensor(call.k()).describedAs("call %d gets head %d's keys, from the memory", i, i).isCloseTo(block(k, i));
            assertThatTensor(call.v()).describedAs("call %d gets head %d's values, from the memory", i, i).isCloseTo(block(v, i));
            assertThat(call.masked()).describedAs("call %d gets the (T_q, T_k) mask unchanged", i)
                    .isDeepEqualTo(GoldenMultiHead.CROSS_MASKED);
        }
    }

    @Test
    @Order(9)
    @DisplayName("with no mask every head gets null too, call after call, not an all-false mask of its own")
    void noMaskReachesEveryHeadAsNull() {
        StandInHead head = new StandInHead();
        MultiHeadAttention layer = Fixtures.goldenLayer(head);
        Tensor x = Tensor.matrix(GoldenMultiHead.X);
        Tensor memory = Tensor.matrix(GoldenMultiHead.MEMORY);

        layer.forward(x, memory, memory, null);
        layer.forward(x, x, x, null);

        assertThat(head.calls()).describedAs("calls of the single-head attention: 3 heads, 2 forward calls").hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(head.calls().get(i).masked())
                    .describedAs("call %d (head %d of forward call %d): the mask goes to every head unchanged, and"
                            + " forward was given null", i, i % 3, i / 3 + 1)
                    .isNull();
        }
    }

    @Test
    @Order(10)
    @DisplayName("heads are independent: changing head 2's block of W_Q changes head 2's weights only")
    void changingOneHeadsQueryBlockChangesOnlyThatHead() {
        MultiHeadAttention layer = Fixtures.goldenLayer(new StandInHead());
        Tensor x = Tensor.matrix(GoldenMultiHead.X);
        AttentionResult before = layer.forward(x, x, x, null);
        MultiHeadWeights w = Fixtures.goldenWeights();
        Tensor changed = Tensor.matrix(GoldenMultiHead.W_Q);
        for (int r = 0; r < 6; r++) {
            changed.set(changed.get(r, 4) + 1.0, r, 4); // column 4: head 2's first query column
        }
        layer.setWeights(new MultiHeadWeights(changed, w.queryBias(), w.keyWeight(), w.keyBias(), w.valueWeight(),
                w.valueBias(), w.outputWeight(), w.outputBias()));

        AttentionResult after = layer.forward(x, x, x, null);

        for (int i = 0; i < 2; i++) {
            assertThatTensor(block(after.weights(), i)).describedAs("head %d's weights: W_Q's columns 4-5 belong to head 2", i)
                    .isCloseTo(block(before.weights(), i));
        }
        assertThat(Tolerance.close(before.weights().get(2, 3, 0), after.weights().get(2, 3, 0), Tolerance.DEFAULT))
                .describedAs("head 2's weights change with its own query columns").isFalse();
    }

    @Test
    @Order(11)
    @DisplayName("heads are independent until W_O: with W_O = I, changing value column 2 (head 1's) changes output column 2 only")
    void changingOneHeadsValueBlockChangesOnlyItsColumns() {
        MultiHeadAttention layer = Fixtures.goldenLayer(new StandInHead());
        MultiHeadWeights w = Fixtures.goldenWeights();
        Tensor x = Tensor.matrix(GoldenMultiHead.X);
        layer.setWeights(new MultiHeadWeights(w.queryWeight(), w.queryBias(), w.keyWeight(), w.keyBias(), w.valueWeight(),
                w.valueBias(), Matrices.identity(6), Tensor.zeros(6)));
        AttentionResult before = layer.forward(x, x, x, null);
        Tensor changed = Tensor.matrix(GoldenMultiHead.W_V);
        changed.set(changed.get(0, 2) + 1.0, 0, 2); // column 2: head 1's first value column
        layer.setWeights(new MultiHeadWeights(w.queryWeight(), w.queryBias(), w.keyWeight(), w.keyBias(), changed,
                w.valueBias(), Matrices.identity(6), Tensor.zeros(6)));

        AttentionResult after = layer.forward(x, x, x, null);

        for (int t = 0; t < 4; t++) {
            for (int c = 0; c < 6; c++) {
                assertThat(Tolerance.close(before.output().get(t, c), after.output().get(t, c), Tolerance.DEFAULT))
                        .describedAs("output (%d, %d) with W_O = I is column %d of the concatenated heads: %s", t, c, c,
                                c == 2 ? "head 1's first column, made from the changed value column, changes"
                                        : "it must not change")
                        .isEqualTo(c != 2);
            }
        }
    }

    @Test
    @Order(12)
    @DisplayName("cross-attention has one output row per query: T_q = 2 queries on T_k = 5 memory rows")
    void crossAttentionHasOneRowPerQuery() {
        MultiHeadAttention layer = Fixtures.goldenLayer(new StandInHead());
        Tensor queries = Tensor.matrix(GoldenMultiHead.X[0], GoldenMultiHead.X[1]);
        Tensor memory = Tensor.matrix(GoldenMultiHead.MEMORY);

        AttentionResult result = layer.forward(queries, memory, memory, null);

        assertThatTensor(result.output()).describedAs("output of 2 queries, (T_q, d)").hasShape(2, 6);
        assertThatTensor(result.weights()).describedAs("weights of 2 queries over 5 keys, (h, T_q, T_k)").hasShape(3, 2, 5);
    }

    @Test
    @Order(13)
    @DisplayName("forward reads query, key, value and every weight through their strides, in any layout")
    void forwardReadsEveryLayout() {
        MultiHeadAttention layer = Fixtures.goldenLayer(new StandInHead());
        layer.setWeights(Fixtures.goldenWeightsInOtherLayouts());

        AttentionResult result = layer.forward(MatrixLayouts.transposedLayout(GoldenMultiHead.X),
                MatrixLayouts.steppedLayout(GoldenMultiHead.MEMORY), MatrixLayouts.transposedLayout(GoldenMultiHead.MEMORY),
                GoldenMultiHead.CROSS_MASKED);
        AttentionResult broadcast = layer.forward(MatrixLayouts.broadcastRow(GoldenMultiHead.X[1], 4),
                Tensor.matrix(GoldenMultiHead.MEMORY), Tensor.matrix(GoldenMultiHead.MEMORY), null);

        assertThatTensor(result.output())
                .describedAs("golden cross-attention with x stored column by column, the memory stepped and"
                        + " transposed, the weights stored column by column and the biases stepped")
                .isCloseTo(Tensor.matrix(GoldenMultiHead.CROSS_OUTPUT), Tolerance.FRAMEWORK);
        for (int t = 1; t < 4; t++) {
            for (int c = 0; c < 6; c++) {
                assertThat(broadcast.output().get(t, c))
                        .describedAs("one query row repeated with stride 0 gives the same output row each time")
                        .isCloseTo(broadcast.output().get(0, c), within(Tolerance.DEFAULT));
            }
        }
    }

    @Test
    @Order(14)
    @DisplayName("forward leaves its inputs, weights and mask alone, and returns fresh row-major output and weights")
    void forwardLeavesItsInputsAlone() {
        MultiHeadAttention layer = Fixtures.goldenLayer(new StandInHead());
        MultiHeadWeights w = layer.weights();
        Tensor x = Tensor.matrix(GoldenMultiHead.X);
        Tensor memory = Tensor.matrix(GoldenMultiHead.MEMORY);
        boolean[][] mask = MatrixLayouts.copy(GoldenMultiHead.CROSS_MASKED);
        Inputs inputs = Inputs.snapshot("query", x, "key and value", memory, "weights", all(w).toArray(new Tensor[0]));

        AttentionResult result = layer.forward(x, memory, memory, mask);

        inputs.assertUntouched();
        assertThat(mask).describedAs("your code modified its argument masked").isDeepEqualTo(GoldenMultiHead.CROSS_MASKED);
        assertThatTensor(result.output()).describedAs("the output").doesNotShareStorageWith(x)
                .doesNotShareStorageWith(memory).hasStrides(6, 1);
        assertThatTensor(result.weights()).describedAs("the per-head weights").hasStrides(20, 5, 1);
    }

    @Test
    @Order(15)
    @DisplayName("forward reads key, value and the weights anew at every call: changed in place, the same tensors give the new result")
    void forwardReadsItsInputsAndWeightsAtEveryCall() {
        MultiHeadAttention layer = Fixtures.goldenLayer(new StandInHead());
        Tensor x = Tensor.matrix(GoldenMultiHead.X);
        Tensor key = Tensor.matrix(GoldenMultiHead.MEMORY);
        Tensor value = Tensor.matrix(GoldenMultiHead.X[3], GoldenMultiHead.X[2], GoldenMultiHead.X[1], GoldenMultiHead.X[0],
                GoldenMultiHead.MEMORY[4]);
        Tensor keyWeight = Tensor.matrix(GoldenMultiHead.W_K);
        Tensor valueWeight = Tensor.matrix(GoldenMultiHead.W_V);
        layer.forward(x, key, value, null);

        key.set(key.get(1, 0) + 1.0, 1, 0);
        Tensor afterKey = layer.forward(x, key, value, null).output();
        Tensor expectedAfterKey = plainOutput(withKeyAndValueWeights(keyWeight, valueWeight), 3, x, key, value);
        value.set(value.get(2, 3) - 1.0, 2, 3);
        Tensor afterValue = layer.forward(x, key, value, null).output();
        Tensor expectedAfterValue = plainOutput(withKeyAndValueWeights(keyWeight, valueWeight), 3, x, key, value);
        layer.weights().keyWeight().set(keyWeight.get(0, 1) + 0.5, 0, 1);
        keyWeight.set(keyWeight.get(0, 1) + 0.5, 0, 1);
        Tensor afterKeyWeight = layer.forward(x, key, value, null).output();
        Tensor expectedAfterKeyWeight = plainOutput(withKeyAndValueWeights(keyWeight, valueWeight), 3, x, key, value);
        layer.weights().valueWeight().set(valueWeight.get(4, 2) - 0.5, 4, 2);
        valueWeight.set(valueWeight.get(4, 2) - 0.5, 4, 2);
        Tensor afterValueWeight = layer.forward(x, key, value, null).output();
        Tensor expectedAfterValueWeight = plainOutput(withKeyAndValueWeights(keyWeight, valueWeight), 3, x, key, value);

        assertThatTensor(afterKey)
                .describedAs("the output after key (the same tensor) changed in place: K is projected from the key as it"
                        + " is now, not remembered from the last call")
                .isCloseTo(expectedAfterKey);
        assertThatTensor(afterValue)
                .describedAs("the output after value (the same tensor) changed in place: V is projected anew")
                .isCloseTo(expectedAfterValue);
        assertThatTensor(afterKeyWeight)
                .describedAs("the output after W_K, read from weights(), changed in place: a trainer's update counts"
                        + " from the next call")
                .isCloseTo(expectedAfterKeyWeight);
        assertThatTensor(afterValueWeight)
                .describedAs("the output after W_V, read from weights(), changed in place")
                .isCloseTo(expectedAfterValueWeight);
    }

    @Test
    @Order(16)
    @DisplayName("with h = 1 the per-head weights are still fresh and row-major, not a view of what the head returned")
    void oneHeadStillGivesFreshWeights() {
        List<AttentionResult> returned = new ArrayList<>();
        HeadAttention head = (q, k, v, masked) -> {
            AttentionResult result = StandIns.attend(q, k, v, masked);
            returned.add(result);
            return result;
        };
        MultiHeadAttention layer = new MultiHeadAttention(6, 1, Seeds.random(1), head);
        layer.setWeights(Fixtures.goldenWeights());
        Tensor x = Tensor.matrix(GoldenMultiHead.X);
        Tensor memory = Tensor.matrix(GoldenMultiHead.MEMORY);

        AttentionResult result = layer.forward(x, memory, memory, GoldenMultiHead.CROSS_MASKED);

        assertThat(returned).describedAs("calls of the single-head attention with h = 1").hasSize(1);
        assertThatTensor(result.weights())
                .describedAs("the weights (1, T_q, T_k) of the one head: a fresh row-major tensor, as for any h")
                .hasShape(1, 4, 5).hasStrides(20, 5, 1)
                .doesNotShareStorageWith(returned.get(0).weights());
        assertThatTensor(result.output()).describedAs("the output of one head, projected by W_O")
                .doesNotShareStorageWith(returned.get(0).output()).hasStrides(6, 1);
    }

    @Test
    @Order(17)
    @DisplayName("no queries give no output rows, (0, d), and per-head weights (h, 0, T_k)")
    void noQueriesGiveNoRows() {
        MultiHeadAttention layer = Fixtures.goldenLayer(new StandInHead());
        Tensor memory = Tensor.matrix(GoldenMultiHead.MEMORY);

        AttentionResult result = layer.forward(Tensor.zeros(0, 6), memory, memory, new boolean[0][]);

        assertThatTensor(result.output()).describedAs("output of T_q = 0 queries").hasShape(0, 6);
        assertThatTensor(result.weights()).describedAs("weights of T_q = 0 queries over 5 keys in 3 heads").hasShape(3, 0, 5);
    }

    // ---- errors ----

    @Test
    @Order(18)
    @DisplayName("a model width not divisible by the number of heads is rejected, naming both numbers")
    void indivisibleWidthIsRejected() {
        assertThatIllegalArgumentException().describedAs("d_model = 100 with numHeads = 7: d_k would not be whole")
                .isThrownBy(() -> new MultiHeadAttention(100, 7, Seeds.random(1), new StandInHead()))
                .withMessageContaining("100").withMessageContaining("7");
    }

    @Test
    @Order(19)
    @DisplayName("a model width or head count below 1 is rejected, naming it")
    void nonPositiveSizesAreRejected() {
        assertThatIllegalArgumentException().describedAs("dModel = 0")
                .isThrownBy(() -> new MultiHeadAttention(0, 1, Seeds.random(1), new StandInHead()))
                .withMessageContaining("dModel");
        assertThatIllegalArgumentException().describedAs("numHeads = 0")
                .isThrownBy(() -> new MultiHeadAttention(6, 0, Seeds.random(1), new StandInHead()))
                .withMessageContaining("numHeads");
        assertThatIllegalArgumentException().describedAs("numHeads = -2 in a layer of width 6")
                .isThrownBy(() -> new MultiHeadAttention(6, -2, Seeds.random(1), new StandInHead()))
                .withMessageContaining("numHeads");
    }

    @Test
    @Order(20)
    @DisplayName("setWeights rejects a weight or bias of the wrong shape, even one with the right number of values, naming it and its shape")
    void wrongWeightShapesAreRejected() {
        MultiHeadAttention layer = new MultiHeadAttention(6, 3, Seeds.random(1), new StandInHead());
        MultiHeadWeights w = Fixtures.goldenWeights();
        Tensor[] parameters = all(w).toArray(new Tensor[0]);
        String[] names = {"queryWeight", "queryBias", "keyWeight", "keyBias", "valueWeight", "valueBias", "outputWeight",
            "outputBias"};

        for (int p = 0; p < parameters.length; p++) {
            Tensor[] wrong = parameters.clone();
            wrong[p] = p % 2 == 0 ? Tensor.zeros(6, 5) : Tensor.zeros(5);
            MultiHeadWeights bad = new MultiHeadWeights(wrong[0], wrong[1], wrong[2], wrong[3], wrong[4], wrong[5], wrong[6],
                    wrong[7]);

            assertThatIllegalArgumentException().describedAs("%s of shape %s in a layer of width 6", names[p], wrong[p])
                    .isThrownBy(() -> layer.setWeights(bad))
                    .withMessageContaining(names[p]).withMessageContaining(p % 2 == 0 ? "[6, 5]" : "[5]");
        }
        assertThatIllegalArgumentException().describedAs("queryWeight of shape (6, 6, 1)")
                .isThrownBy(() -> layer.setWeights(new MultiHeadWeights(Tensor.zeros(6, 6, 1), w.queryBias(), w.keyWeight(),
                        w.keyBias(), w.valueWeight(), w.valueBias(), w.outputWeight(), w.outputBias())))
                .withMessageContaining("queryWeight").withMessageContaining("[6, 6, 1]");
        assertThatIllegalArgumentException().describedAs("outputWeight of shape (5, 6)")
                .isThrownBy(() -> layer.setWeights(new MultiHeadWeights(w.queryWeight(), w.queryBias(), w.keyWeight(),
                        w.keyBias(), w.valueWeight(), w.valueBias(), Tensor.zeros(5, 6), w.outputBias())))
                .withMessageContaining("outputWeight").withMessageContaining("[5, 6]");
        assertThatIllegalArgumentException().describedAs("valueBias of shape (1, 6): 6 values, but a bias is a vector (d)")
                .isThrownBy(() -> layer.setWeights(new MultiHeadWeights(w.queryWeight(), w.queryBias(), w.keyWeight(),
                        w.keyBias(), w.valueWeight(), Tensor.zeros(1, 6), w.outputWeight(), w.outputBias())))
                .withMessageContaining("valueBias").withMessageContaining("[1, 6]");
        assertThatIllegalArgumentException().describedAs("queryBias of shape (6, 1): 6 values, but a bias is a vector (d)")
                .isThrownBy(() -> layer.setWeights(new MultiHeadWeights(w.queryWeight(), Tensor.zeros(6, 1), w.keyWeight(),
                        w.keyBias(), w.valueWeight(), w.valueBias(), w.outputWeight(), w.outputBias())))
                .withMessageContaining("queryBias").withMessageContaining("[6, 1]");
    }

    @Test
    @Order(21)
    @DisplayName("forward rejects inputs that are not (T, d) matrices, or values and keys of different lengths, naming them")
    void wrongInputShapesAreRejected() {
        MultiHeadAttention layer = new MultiHeadAttention(6, 3, Seeds.random(1), new StandInHead());
        Tensor x = Tensor.zeros(4, 6);

        assertThatIllegalArgumentException().describedAs("query (4, 5) in a layer of width 6")
                .isThrownBy(() -> layer.forward(Tensor.zeros(4, 5), x, x, null))
                .withMessageContaining("query").withMessageContaining("[4, 5]");
        assertThatIllegalArgumentException().describedAs("query (2, 4, 6): its last axis fits, but it is not a matrix")
                .isThrownBy(() -> layer.forward(Tensor.zeros(2, 4, 6), x, x, null))
                .withMessageMatching("(?s).*\\bquery\\b.*").withMessageContaining("[2, 4, 6]");
        assertThatIllegalArgumentException().describedAs("key (4, 5) in a layer of width 6, with a value (4, 6)")
                .isThrownBy(() -> layer.forward(x, Tensor.zeros(4, 5), x, null))
                .withMessageMatching("(?s).*\\bkey\\b.*").withMessageContaining("[4, 5]");
        assertThatIllegalArgumentException().describedAs("key of shape (6)")
                .isThrownBy(() -> layer.forward(x, Tensor.zeros(6), x, null))
                .withMessageContaining("key").withMessageContaining("[6]");
        assertThatIllegalArgumentException().describedAs("value (3, 6) for a key (4, 6)")
                .isThrownBy(() -> layer.forward(x, x, Tensor.zeros(3, 6), null))
                .withMessageContaining("value").withMessageContaining("[3, 6]");
        assertThatIllegalArgumentException().describedAs("value (3, 6) for a key of no rows (0, 6)")
                .isThrownBy(() -> layer.forward(x, Tensor.zeros(0, 6), Tensor.zeros(3, 6), null))
                .withMessageContaining("value").withMessageContaining("[3, 6]");
        assertThatIllegalArgumentException().describedAs("value (4, 7) in a layer of width 6")
                .isThrownBy(() -> layer.forward(x, x, Tensor.zeros(4, 7), null))
                .withMessageContaining("value").withMessageContaining("[4, 7]");
    }

    @Test
    @Order(22)
    @DisplayName("forward rejects a mask that is not T_q x T_k, naming masked and [T_q, T_k]")
    void wrongMaskShapeIsRejected() {
        MultiHeadAttention layer = new MultiHeadAttention(6, 3, Seeds.random(1), new StandInHead());
        Tensor queries = Tensor.zeros(2, 6);
        Tensor memory = Tensor.zeros(5, 6);

        assertThatIllegalArgumentException().describedAs("a (5, 2) mask for 2 queries and 5 keys: the transpose")
                .isThrownBy(() -> layer.forward(queries, memory, memory, new boolean[5][2]))
                .withMessageContaining("masked").withMessageContaining("[2, 5]");
        assertThatIllegalArgumentException().describedAs("a (3, 5) mask for 2 queries: one row too many")
                .isThrownBy(() -> layer.forward(queries, memory, memory, new boolean[3][5]))
                .withMessageContaining("masked").withMessageContaining("[2, 5]");
        assertThatIllegalArgumentException().describedAs("a mask whose second row has 4 entries for 5 keys")
                .isThrownBy(() -> layer.forward(queries, memory, memory, new boolean[][] {new boolean[5], new boolean[4]}))
                .withMessageContaining("masked").withMessageContaining("[2, 5]");
        assertThatIllegalArgumentException().describedAs("a mask whose first row has 4 entries for 5 keys")
                .isThrownBy(() -> layer.forward(queries, memory, memory, new boolean[][] {new boolean[4], new boolean[5]}))
                .withMessageContaining("masked").withMessageContaining("[2, 5]");
    }

    /** Head i of (h, T, n) as a fresh (T, n) matrix. */
    private static Tensor block(Tensor heads, int i) {
        Tensor m = Tensor.zeros(heads.size(1), heads.size(2));
        for (int r = 0; r < heads.size(1); r++) {
            for (int c = 0; c < heads.size(2); c++) {
                m.set(heads.get(i, r, c), r, c);
            }
        }
        return m;
    }

    /** Multi-head attention written out plainly: queries from query, keys from key, values from value, head i on columns i d_k ... */
    private static Tensor plainOutput(MultiHeadWeights w, int numHeads, Tensor query, Tensor key, Tensor value) {
        Tensor q = Matrices.linear(query, w.queryWeight(), w.queryBias());
        Tensor k = Matrices.linear(key, w.keyWeight(), w.keyBias());
        Tensor v = Matrices.linear(value, w.valueWeight(), w.valueBias());
        int headDim = q.size(1) / numHeads;
        Tensor[] outputs = new Tensor[numHeads];
        for (int i = 0; i < numHeads; i++) {
            outputs[i] = StandIns.attend(StandIns.columns(q, i * headDim, headDim), StandIns.columns(k, i * headDim, headDim),
                    StandIns.columns(v, i * headDim, headDim), null).output();
        }
        return Matrices.linear(HeadViews.merge(HeadViews.stack(outputs)), w.outputWeight(), w.outputBias());
    }

    /** PyTorch's weights with W_K and W_V replaced. */
    private static MultiHeadWeights withKeyAndValueWeights(Tensor keyWeight, Tensor valueWeight) {
        MultiHeadWeights w = Fixtures.goldenWeights();
        return new MultiHeadWeights(w.queryWeight(), w.queryBias(), keyWeight, w.keyBias(), valueWeight, w.valueBias(),
                w.outputWeight(), w.outputBias());
    }

    private static List<Tensor> all(MultiHeadWeights w) {
        return List.of(w.queryWeight(), w.queryBias(), w.keyWeight(), w.keyBias(), w.valueWeight(), w.valueBias(),
                w.outputWeight(), w.outputBias());
    }
}
