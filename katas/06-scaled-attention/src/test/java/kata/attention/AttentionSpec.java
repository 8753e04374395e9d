package kata.attention;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.AttentionResult;
import kata.support.Matrices;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import kata.support.testing.MatrixLayouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-06")
@Order(1)
@DisplayName("06 Scaled dot-product attention: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttentionSpec {

    private static final double NEG_INF = Double.NEGATIVE_INFINITY;
    private static final double LN2 = Math.log(2);
    private static final double LN3 = Math.log(3);

    // ---- softmax along each row ----

    @Test
    @Order(1)
    @DisplayName("softmax of equal scores is uniform, and ln 3 against 0 gives 3/4 and 1/4")
    void softmaxOfSmallRowsByHand() {
        Tensor scores = Tensor.matrix(new double[] {0, 0}, new double[] {LN3, 0});

        Tensor weights = ScaledDotProductAttention.softmaxRows(scores);

        assertThatTensor(weights)
                .describedAs("softmax(s)_j = exp(s_j) / sum exp(s): [0, 0] -> [1/2, 1/2]; [ln 3, 0] -> [3/4, 1/4]")
                .isCloseTo(Tensor.matrix(new double[] {0.5, 0.5}, new double[] {0.75, 0.25}));
    }

    @Test
    @Order(2)
    @DisplayName("softmax works along each row (over the keys), so every row sums to 1")
    void softmaxRowsSumToOne() {
        Tensor scores = Tensor.matrix(new double[] {0, LN2, LN3 + LN2}, new double[] {5, 5, 5});

        Tensor weights = ScaledDotProductAttention.softmaxRows(scores);

        assertThatTensor(weights)
                .describedAs("row softmax of [[0, ln 2, ln 6], [5, 5, 5]]: exp gives 1, 2, 6 out of 9, and a"
                        + " constant row is uniform; a softmax down the columns would make the columns sum to 1")
                .isCloseTo(Tensor.matrix(new double[] {1.0 / 9, 2.0 / 9, 6.0 / 9}, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}));
    }

    @Test
    @Order(3)
    @DisplayName("softmax of logits of 1e4 (and of -1e4) is finite: subtract the row max before exp")
    void softmaxOfLargeLogitsIsFinite() {
        Tensor scores = Tensor.matrix(new double[] {1e4, 0}, new double[] {1e4, 1e4}, new double[] {-1e4, -1e4 - LN3});

        Tensor weights = ScaledDotProductAttention.softmaxRows(scores);

        assertThatTensor(weights)
                .describedAs("exp(1e4) overflows to infinity and exp(-1e4) underflows to 0, so a softmax without"
                        + " the max shift gives NaN; exp(s - max) is at most 1 and the answer is unchanged")
                .isFinite()
                .isCloseTo(Tensor.matrix(new double[] {1, 0}, new double[] {0.5, 0.5}, new double[] {0.75, 0.25}));
    }

    @Test
    @Order(4)
    @DisplayName("a score of -infinity gets weight exactly 0, and the other weights of its row still sum to 1")
    void minusInfinityGetsExactlyZeroWeight() {
        Tensor scores = Tensor.matrix(new double[] {0, NEG_INF, 0}, new double[] {NEG_INF, 7, NEG_INF});

        Tensor weights = ScaledDotProductAttention.softmaxRows(scores);

        assertThat(weights.get(0, 1)).describedAs("exp(-infinity) = 0: the weight of a masked key").isEqualTo(0.0);
        assertThatTensor(weights)
                .describedAs("softmax of [0, -inf, 0] and [-inf, 7, -inf]")
                .isCloseTo(Tensor.matrix(new double[] {0.5, 0, 0.5}, new double[] {0, 1, 0}));
    }

    @Test
    @Order(5)
    @DisplayName("softmax reads its scores through their strides: a transpose's layout, a stepped slice, a broadcast row")
    void softmaxReadsAnyLayout() {
        double[][] rows = {{0, LN3}, {LN2, 0}, {1, 1}};
        Tensor expected = Tensor.matrix(new double[] {0.25, 0.75}, new double[] {2.0 / 3, 1.0 / 3}, new double[] {0.5, 0.5});

        Tensor transposed = ScaledDotProductAttention.softmaxRows(MatrixLayouts.transposedLayout(rows));
        Tensor stepped = ScaledDotProductAttention.softmaxRows(MatrixLayouts.steppedLayout(rows));
        Tensor broadcast = ScaledDotProductAttention.softmaxRows(MatrixLayouts.broadcastRow(new double[] {0, LN3}, 3));

        assertThatTensor(transposed).describedAs("softmax of scores stored column by column, strides (1, 3)")
                .isCloseTo(expected);
        assertThatTensor(stepped).describedAs("softmax of scores at every other storage position from offset 1,"
                + " NaN in between").isCloseTo(expected);
        assertThatTensor(broadcast).describedAs("softmax of one row [0, ln 3] repeated with stride 0")
                .isCloseTo(Tensor.matrix(new double[] {0.25, 0.75}, new double[] {0.25, 0.75}, new double[] {0.25, 0.75}));
    }

    @Test
    @Order(6)
    @DisplayName("softmax leaves its scores alone and returns a fresh row-major tensor, even for a 1x1 matrix")
    void softmaxLeavesItsInputAlone() {
        Tensor scores = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        Tensor single = Tensor.matrix(new double[] {1});
        Inputs inputs = Inputs.snapshot("scores", scores, "single", single);

        Tensor weights = ScaledDotProductAttention.softmaxRows(scores);
        Tensor one = ScaledDotProductAttention.softmaxRows(single);

        inputs.assertUntouched();
        assertThatTensor(weights).describedAs("softmax of a (2, 3) matrix").doesNotShareStorageWith(scores)
                .hasStrides(3, 1);
        assertThatTensor(one).describedAs("softmax of [[1]] is [[1]]: a new tensor, not the scores")
                .doesNotShareStorageWith(single).isCloseTo(Tensor.matrix(new double[] {1}));
    }

    @Test
    @Order(7)
    @DisplayName("softmax of a matrix with no rows is a matrix with no rows, (0, 3)")
    void softmaxOfNoRowsIsEmpty() {
        Tensor scores = Tensor.zeros(0, 3);

        Tensor weights = ScaledDotProductAttention.softmaxRows(scores);

        assertThatTensor(weights).describedAs("softmax of zero query rows").hasShape(0, 3);
    }

    // ---- scaled scores ----

    @Test
    @Order(8)
    @DisplayName("the scores are Q K^T divided by sqrt(d_k): d_k = 4 divides the dot products by 2")
    void scaledScoresDivideBySqrtDk() {
        Tensor q = Tensor.matrix(new double[] {1, 1, 1, 1}, new double[] {1, 0, 0, 0});
        Tensor k = Tensor.matrix(new double[] {1, 1, 1, 1}, new double[] {2, 0, 0, 0}, new double[] {0, 3, 0, 1});

        Tensor scores = ScaledDotProductAttention.scaledScores(q, k);

        assertThatTensor(scores)
                .describedAs("dot products [[4, 2, 4], [1, 2, 0]] divided by sqrt(4) = 2 (not by d_k = 4)")
                .isCloseTo(Tensor.matrix(new double[] {2, 1, 2}, new double[] {0.5, 1, 0}));
    }

    @Test
    @Order(9)
    @DisplayName("the scale is sqrt of the width of queries and keys, d_k, not of the values, d_v")
    void scaleUsesTheWidthOfQueriesAndKeys() {
        Tensor q = Tensor.matrix(new double[] {1, 1, 1, 1});
        Tensor k = Tensor.matrix(new double[] {1, 1, 1, 1}, new double[] {0, 0, 0, 0});
        Tensor v = Tensor.matrix(new double[] {1}, new double[] {0});

        AttentionResult attention = ScaledDotProductAttention.attend(q, k, v);

        // scores 4 / sqrt(4) = 2 and 0: weights e^2 / (e^2 + 1) and 1 / (e^2 + 1); with sqrt(d_v) = 1 it would be e^4.
        double first = Math.exp(2) / (Math.exp(2) + 1);
        assertThatTensor(attention.weights())
                .describedAs("d_k = 4, d_v = 1: the scores are divided by sqrt(4)")
                .isCloseTo(Tensor.matrix(new double[] {first, 1 - first}));
        assertThatTensor(attention.output()).describedAs("weights V with V = [[1], [0]]")
                .isCloseTo(Tensor.matrix(new double[] {first}));
    }

    // ---- golden values ----

    @Test
    @Order(10)
    @DisplayName("golden: four words, Q = words W_Q, K = words W_K, V = words W_V, scale sqrt(3)")
    void goldenVectorOfFourWords() {
        Tensor words = Tensor.matrix(GoldenAttention.WORDS);
        Tensor q = Matrices.matmul(words, Tensor.matrix(GoldenAttention.WORDS_W_Q));
        Tensor k = Matrices.matmul(words, Tensor.matrix(GoldenAttention.WORDS_W_K));
        Tensor v = Matrices.matmul(words, Tensor.matrix(GoldenAttention.WORDS_W_V));

        AttentionResult attention = ScaledDotProductAttention.attend(q, k, v);

        // Produced by golden/generate.py (PyTorch, float64) and by hand: word 1 has q = [2, 0, 0], so its
        // scores are [4, 0, 4, 0] / sqrt(3); keys 0 and 2 share weight e^a / (2 e^a + 2) = 0.45482632 with
        // a = 4 / sqrt(3), keys 1 and 3 the rest, 0.04517368 each, and output row 1 is
        // 0.4548 [1, 1, 0] + 0.0452 [0, 1, 1] + 0.4548 [1, 2, 1] = [0.90965265, 1.40965265, 0.5].
        assertThatTensor(attention.weights())
                .describedAs("softmax(Q K^T / sqrt(3)) of the four words")
                .isCloseTo(Tensor.matrix(GoldenAttention.WORDS_WEIGHTS), Tolerance.FRAMEWORK);
        assertThatTensor(attention.output())
                .describedAs("weights V of the four words: [[0.98522025, 1.74174051, 0.75652026], ...]")
                .isCloseTo(Tensor.matrix(GoldenAttention.WORDS_OUTPUT), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(11)
    @DisplayName("golden: PyTorch's attention of random (3, 4) queries on (5, 4) keys and (5, 2) values under a boolean mask")
    void goldenWithABooleanMask() {
        AttentionResult attention = ScaledDotProductAttention.attend(Tensor.matrix(GoldenAttention.QUERIES),
                Tensor.matrix(GoldenAttention.KEYS), Tensor.matrix(GoldenAttention.VALUES), GoldenAttention.MASKED);

        // Produced by golden/generate.py: masked_fill(mask, -inf), torch.softmax, @ V in float64.
        assertThatTensor(attention.weights())
                .describedAs("weights under the mask (true = masked): query 1 sees key 3 only, so its row is"
                        + " [0, 0, 0, 1, 0]")
                .isCloseTo(Tensor.matrix(GoldenAttention.MASKED_WEIGHTS), Tolerance.FRAMEWORK);
        assertThatTensor(attention.output())
                .describedAs("output under the mask")
                .isCloseTo(Tensor.matrix(GoldenAttention.MASKED_OUTPUT), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(12)
    @DisplayName("golden: PyTorch's attention of the same inputs with an additive mask added to the scaled scores")
    void goldenWithAnAdditiveMask() {
        AttentionResult attention = ScaledDotProductAttention.attendWithAdditiveMask(Tensor.matrix(GoldenAttention.QUERIES),
                Tensor.matrix(GoldenAttention.KEYS), Tensor.matrix(GoldenAttention.VALUES), Tensor.matrix(GoldenAttention.ADDITIVE));

        // Produced by golden/generate.py: softmax(Q K^T / sqrt(4) + mask) @ V in float64.
        assertThatTensor(attention.weights())
                .describedAs("weights of softmax(Q K^T / sqrt(d_k) + mask): the mask is added once, after scaling")
                .isCloseTo(Tensor.matrix(GoldenAttention.ADDITIVE_WEIGHTS), Tolerance.FRAMEWORK);
        assertThatTensor(attention.output())
                .describedAs("output under the additive mask")
                .isCloseTo(Tensor.matrix(GoldenAttention.ADDITIVE_OUTPUT), Tolerance.FRAMEWORK);
    }

    // ---- masks ----

    @Test
    @Order(13)
    @DisplayName("the causal mask is true strictly above the diagonal: position i sees 0..i, itself included")
    void causalMaskIsTrueStrictlyAboveTheDiagonal() {
        boolean[][] mask = ScaledDotProductAttention.causalMask(4);
        boolean[][] empty = ScaledDotProductAttention.causalMask(0);

        assertThat(mask).describedAs("causalMask(4): true = masked, the diagonal is NOT masked").isDeepEqualTo(new boolean[][] {
            {false, true, true, true}, {false, false, true, true}, {false, false, false, true}, {false, false, false, false}});
        assertThat(empty).describedAs("causalMask(0)").isEmpty();
    }

    @Test
    @Order(14)
    @DisplayName("causal example: with scores 0, ln 2, ln 3 the rows are [1, 0, 0], [1/3, 2/3, 0], [1/6, 2/6, 3/6]")
    void causalMaskExample() {
        Tensor q = Tensor.matrix(new double[] {1}, new double[] {1}, new double[] {1});
        Tensor k = Tensor.matrix(new double[] {0}, new double[] {LN2}, new double[] {LN3});
        Tensor v = Tensor.matrix(new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 1});

        AttentionResult attention = ScaledDotProductAttention.attend(q, k, v, ScaledDotProductAttention.causalMask(3));

        // d_k = 1, so every query row has scores [0, ln 2, ln 3], i.e. exp gives 1, 2, 3 over the keys it sees.
        assertThatTensor(attention.weights())
                .describedAs("masked scores are -infinity BEFORE the softmax (so each row sums to 1) and the others"
                        + " are not changed (not doubled by scores += masked(scores))")
                .isCloseTo(Tensor.matrix(new double[] {1, 0, 0}, new double[] {1.0 / 3, 2.0 / 3, 0},
                        new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6}));
        assertThatTensor(attention.output())
                .describedAs("weights V: [1, 0], [1/3, 2/3], [1/6 + 3/6, 2/6 + 3/6]")
                .isCloseTo(Tensor.matrix(new double[] {1, 0}, new double[] {1.0 / 3, 2.0 / 3}, new double[] {4.0 / 6, 5.0 / 6}));
    }

    @Test
    @Order(15)
    @DisplayName("a null boolean mask masks nothing: the same result as attend(q, k, v)")
    void aNullMaskMasksNothing() {
        Tensor q = Tensor.matrix(new double[] {1, 0}, new double[] {0, 2});
        Tensor k = Tensor.matrix(new double[] {1, 1}, new double[] {0, 1}, new double[] {2, 0});
        Tensor v = Tensor.matrix(new double[] {1, 0, 2}, new double[] {0, 1, 0}, new double[] {3, 1, 1});

        AttentionResult unmasked = ScaledDotProductAttention.attend(q, k, v, null);

        AttentionResult plain = ScaledDotProductAttention.attend(q, k, v);
        assertThatTensor(unmasked.weights()).describedAs("null means no mask, as in the support code's AttentionLayer")
                .isCloseTo(plain.weights());
        assertThatTensor(unmasked.output()).describedAs("null means no mask: the output of attend(q, k, v)")
                .isCloseTo(plain.output());
    }

    @Test
    @Order(16)
    @DisplayName("an additive mask is added once: 0 and ln 2 on equal scores give weights 1/3 and 2/3")
    void additiveMaskIsAddedOnce() {
        Tensor q = Tensor.matrix(new double[] {0, 0});
        Tensor k = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});
        Tensor v = Tensor.matrix(new double[] {1}, new double[] {2}, new double[] {3});
        Tensor mask = Tensor.matrix(new double[] {0, LN2, NEG_INF});

        AttentionResult attention = ScaledDotProductAttention.attendWithAdditiveMask(q, k, v, mask);

        assertThatTensor(attention.weights())
                .describedAs("scores [0, 0, 0] + mask [0, ln 2, -inf]: exp gives 1 and 2, and 0 for -infinity")
                .isCloseTo(Tensor.matrix(new double[] {1.0 / 3, 2.0 / 3, 0}));
        assertThatTensor(attention.output()).describedAs("1/3 * 1 + 2/3 * 2")
                .isCloseTo(Tensor.matrix(new double[] {5.0 / 3}));
    }

    // ---- layouts, untouched inputs, empty axes ----

    @Test
    @Order(17)
    @DisplayName("attention reads q, k, v and the additive mask through their strides, in any layout")
    void attendReadsEveryLayout() {
        Tensor expectedOutput = Tensor.matrix(GoldenAttention.ADDITIVE_OUTPUT);

        AttentionResult transposed = ScaledDotProductAttention.attendWithAdditiveMask(
                MatrixLayouts.transposedLayout(GoldenAttention.QUERIES), MatrixLayouts.transposedLayout(GoldenAttention.KEYS),
                MatrixLayouts.transposedLayout(GoldenAttention.VALUES), MatrixLayouts.transposedLayout(GoldenAttention.ADDITIVE));
        AttentionResult stepped = ScaledDotProductAttention.attendWithAdditiveMask(
                MatrixLayouts.steppedLayout(GoldenAttention.QUERIES), MatrixLayouts.steppedLayout(GoldenAttention.KEYS),
                MatrixLayouts.steppedLayout(GoldenAttention.VALUES), MatrixLayouts.steppedLayout(GoldenAttention.ADDITIVE));
        AttentionResult broadcast = ScaledDotProductAttention.attend(
                MatrixLayouts.broadcastRow(GoldenAttention.QUERIES[0], 3), MatrixLayouts.broadcastRow(GoldenAttention.KEYS[0], 5),
                MatrixLayouts.broadcastRow(GoldenAttention.VALUES[2], 5), GoldenAttention.MASKED);

        assertThatTensor(transposed.output()).describedAs("q, k, v and mask stored column by column")
                .isCloseTo(expectedOutput, Tolerance.FRAMEWORK);
        assertThatTensor(stepped.output()).describedAs("q, k, v and mask at every other position from offset 1,"
                + " NaN in between").isCloseTo(expectedOutput, Tolerance.FRAMEWORK);
        assertThatTensor(broadcast.output())
                .describedAs("one value row repeated with stride 0: every weighted average of it is that row")
                .isCloseTo(Tensor.matrix(GoldenAttention.VALUES[2], GoldenAttention.VALUES[2], GoldenAttention.VALUES[2]));
    }

    @Test
    @Order(18)
    @DisplayName("attention leaves q, k, v and both masks alone, and returns fresh row-major output and weights")
    void attendLeavesItsInputsAlone() {
        Tensor q = Tensor.matrix(new double[] {1, 0});
        Tensor k = Tensor.matrix(new double[] {1, 0});
        Tensor v = Tensor.matrix(new double[] {2, 3});
        Tensor additive = Tensor.matrix(new double[] {0});
        boolean[][] masked = {{false}};
        Inputs inputs = Inputs.snapshot("q", q, "k", k, "v", v, "additiveMask", additive);

        AttentionResult plain = ScaledDotProductAttention.attend(q, k, v, masked);
        AttentionResult shifted = ScaledDotProductAttention.attendWithAdditiveMask(q, k, v, additive);

        inputs.assertUntouched();
        assertThat(masked).describedAs("your code modified its argument masked").isDeepEqualTo(new boolean[][] {{false}});
        for (AttentionResult attention : new AttentionResult[] {plain, shifted}) {
            // One key: the weight is 1 and the output is v itself, the tempting shortcut to return v.
            assertThatTensor(attention.output()).describedAs("the output of attention over a single key")
                    .isCloseTo(v).doesNotShareStorageWith(v).doesNotShareStorageWith(q).hasStrides(2, 1);
            assertThatTensor(attention.weights()).describedAs("the weights of attention over a single key")
                    .isCloseTo(Tensor.matrix(new double[] {1})).doesNotShareStorageWith(additive)
                    .doesNotShareStorageWith(k).hasStrides(1, 1);
        }
    }

    @Test
    @Order(19)
    @DisplayName("no queries give no rows, (0, d_v) and (0, T_k); values of width 0 give an output of width 0")
    void emptyAxesGiveEmptyResults() {
        Tensor k = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});

        AttentionResult noQueries = ScaledDotProductAttention.attend(Tensor.zeros(0, 2), k, Tensor.zeros(3, 4));
        AttentionResult noWidth = ScaledDotProductAttention.attend(Tensor.matrix(new double[] {1, 0}), k, Tensor.zeros(3, 0));

        assertThatTensor(noQueries.output()).describedAs("output for T_q = 0, d_v = 4").hasShape(0, 4);
        assertThatTensor(noQueries.weights()).describedAs("weights for T_q = 0, T_k = 3").hasShape(0, 3);
        assertThatTensor(noWidth.output()).describedAs("output for d_v = 0").hasShape(1, 0);
        assertThatTensor(noWidth.weights()).describedAs("weights do not depend on d_v").hasShape(1, 3);
    }

    @Test
    @Order(20)
    @DisplayName("each call of causalMask returns a fresh array: editing one leaves the next mask of that length causal")
    void causalMaskIsFreshEveryCall() {
        boolean[][] first = ScaledDotProductAttention.causalMask(3);
        first[0][2] = false;
        first[2][0] = true;
        first[1] = new boolean[] {true, true, true};

        boolean[][] second = ScaledDotProductAttention.causalMask(3);

        assertThat(second)
                .describedAs("causalMask(3) after a caller edited the array an earlier causalMask(3) returned: still"
                        + " causal; a cached mask handed out twice lets one caller change another's mask")
                .isDeepEqualTo(new boolean[][] {{false, true, true}, {false, false, true}, {false, false, false}});
        assertThat(second).describedAs("the mask of the second causalMask(3) call: not the first call's array")
                .isNotSameAs(first);
    }

    // ---- errors ----

    @Test
    @Order(21)
    @DisplayName("a query row masked at every key is rejected, naming the row, never a row of NaN")
    void fullyMaskedRowIsRejected() {
        Tensor q = Tensor.matrix(new double[] {1}, new double[] {2});
        Tensor k = Tensor.matrix(new double[] {1}, new double[] {1});
        Tensor v = Tensor.matrix(new double[] {1}, new double[] {1});
        boolean[][] masked = {{false, true}, {true, true}};
        Tensor additive = Tensor.matrix(new double[] {0, 0}, new double[] {NEG_INF, NEG_INF});

        assertThatIllegalArgumentException()
                .describedAs("query row 1 has no key left: its softmax is 0 / 0 (or, with -1e9 instead of"
                        + " -infinity, silently uniform)")
                .isThrownBy(() -> ScaledDotProductAttention.attend(q, k, v, masked))
                .withMessageContaining("row 1");
        assertThatIllegalArgumentException()
                .describedAs("the same row masked by an additive mask of -infinity")
                .isThrownBy(() -> ScaledDotProductAttention.attendWithAdditiveMask(q, k, v, additive))
                .withMessageContaining("row 1");
        assertThatIllegalArgumentException()
                .describedAs("softmax of a row of -infinity")
                .isThrownBy(() -> ScaledDotProductAttention.softmaxRows(Tensor.matrix(new double[] {0}, new double[] {NEG_INF})))
                .withMessageContaining("row 1");
    }

    @Test
    @Order(22)
    @DisplayName("no keys at all (T_k = 0) leaves query row 0 nothing to attend to: rejected, naming row 0")
    void noKeysIsRejected() {
        assertThatIllegalArgumentException()
                .describedAs("attention of one query on zero keys")
                .isThrownBy(() -> ScaledDotProductAttention.attend(Tensor.zeros(1, 2), Tensor.zeros(0, 2), Tensor.zeros(0, 3)))
                .withMessageContaining("row 0");
        assertThatIllegalArgumentException()
                .describedAs("softmax of a (2, 0) matrix: its rows have no entry")
                .isThrownBy(() -> ScaledDotProductAttention.softmaxRows(Tensor.zeros(2, 0)))
                .withMessageContaining("row 0");
    }

    @Test
    @Order(23)
    @DisplayName("q, k, v and scores that are not matrices are rejected, naming the argument and its shape")
    void argumentsThatAreNotMatricesAreRejected() {
        Tensor matrix = Tensor.zeros(2, 3);
        Tensor vector = Tensor.zeros(3);

        assertThatIllegalArgumentException().describedAs("q of shape (3)")
                .isThrownBy(() -> ScaledDotProductAttention.attend(vector, matrix, matrix))
                .withMessageMatching("(?s).*\\bq\\b.*").withMessageContaining("[3]");
        assertThatIllegalArgumentException().describedAs("k of shape (3)")
                .isThrownBy(() -> ScaledDotProductAttention.scaledScores(matrix, vector))
                .withMessageMatching("(?s).*\\bk\\b.*").withMessageContaining("[3]");
        assertThatIllegalArgumentException().describedAs("k of shape (2, 2, 3): as wide as q, but not a matrix")
                .isThrownBy(() -> ScaledDotProductAttention.scaledScores(matrix, Tensor.zeros(2, 2, 3)))
                .withMessageMatching("(?s).*\\bk\\b.*").withMessageContaining("[2, 2, 3]");
        assertThatIllegalArgumentException().describedAs("v of shape (2, 3, 1)")
                .isThrownBy(() -> ScaledDotProductAttention.attend(matrix, matrix, Tensor.zeros(2, 3, 1)))
                .withMessageMatching("(?s).*\\bv\\b.*").withMessageContaining("[2, 3, 1]");
        assertThatIllegalArgumentException().describedAs("v of shape (2), one number per key")
                .isThrownBy(() -> ScaledDotProductAttention.attend(matrix, matrix, Tensor.zeros(2)))
                .withMessageMatching("(?s).*\\bv\\b.*").withMessageContaining("[2]");
        assertThatIllegalArgumentException().describedAs("scores of shape (3)")
                .isThrownBy(() -> ScaledDotProductAttention.softmaxRows(vector))
                .withMessageContaining("scores").withMessageContaining("[3]");
    }

    @Test
    @Order(24)
    @DisplayName("keys of another width than the queries are rejected, naming k and its shape")
    void differentQueryAndKeyWidthsAreRejected() {
        assertThatIllegalArgumentException().describedAs("q (2, 3) against k (4, 2)")
                .isThrownBy(() -> ScaledDotProductAttention.attend(Tensor.zeros(2, 3), Tensor.zeros(4, 2), Tensor.zeros(4, 1)))
                .withMessageContaining("k").withMessageContaining("[4, 2]");
    }

    @Test
    @Order(25)
    @DisplayName("queries and keys of width 0 are rejected: 1 / sqrt(0) is no scale")
    void zeroWidthIsRejected() {
        assertThatIllegalArgumentException().describedAs("q (2, 0) and k (3, 0): d_k = 0")
                .isThrownBy(() -> ScaledDotProductAttention.scaledScores(Tensor.zeros(2, 0), Tensor.zeros(3, 0)))
                .withMessageContaining("d_k");
    }

    @Test
    @Order(26)
    @DisplayName("values with another number of rows than the keys are rejected, naming v and its shape")
    void valuesWithTheWrongRowCountAreRejected() {
        assertThatIllegalArgumentException().describedAs("k (4, 2) and v (5, 3)")
                .isThrownBy(() -> ScaledDotProductAttention.attend(Tensor.zeros(1, 2), Tensor.zeros(4, 2), Tensor.zeros(5, 3)))
                .withMessageContaining("v").withMessageContaining("[5, 3]");
    }

    @Test
    @Order(27)
    @DisplayName("a boolean mask that is not T_q x T_k is rejected, naming masked and [T_q, T_k]")
    void booleanMaskOfTheWrongShapeIsRejected() {
        Tensor q = Tensor.zeros(2, 1);
        Tensor k = Tensor.zeros(3, 1);
        Tensor v = Tensor.zeros(3, 1);

        assertThatIllegalArgumentException().describedAs("masked with 3 rows for 2 queries")
                .isThrownBy(() -> ScaledDotProductAttention.attend(q, k, v, new boolean[3][3]))
                .withMessageContaining("masked").withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException().describedAs("masked whose second row has 2 entries for 3 keys")
                .isThrownBy(() -> ScaledDotProductAttention.attend(q, k, v, new boolean[][] {{false, false, false}, {false, false}}))
                .withMessageContaining("masked").withMessageContaining("[2, 3]");
    }

    @Test
    @Order(28)
    @DisplayName("an additive mask that is not (T_q, T_k) is rejected, naming additiveMask and both shapes")
    void additiveMaskOfTheWrongShapeIsRejected() {
        assertThatIllegalArgumentException().describedAs("additiveMask (3, 2) for scores (2, 3)")
                .isThrownBy(() -> ScaledDotProductAttention.attendWithAdditiveMask(Tensor.zeros(2, 1), Tensor.zeros(3, 1),
                        Tensor.zeros(3, 1), Tensor.zeros(3, 2)))
                .withMessageContaining("additiveMask").withMessageContaining("[3, 2]").withMessageContaining("[2, 3]");
    }

    @Test
    @Order(29)
    @DisplayName("a causal mask of negative length is rejected, naming length")
    void negativeCausalLengthIsRejected() {
        assertThatIllegalArgumentException().describedAs("causalMask(-1)")
                .isThrownBy(() -> ScaledDotProductAttention.causalMask(-1))
                .withMessageContaining("length").withMessageContaining("-1");
    }
}
