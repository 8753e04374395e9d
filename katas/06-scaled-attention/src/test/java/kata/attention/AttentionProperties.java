package kata.attention;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import kata.support.Matrices;
import kata.support.Seeds;
import kata.support.AttentionResult;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Generators;
import kata.support.testing.Inputs;
import kata.support.testing.MatrixLayouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-06")
@Order(2)
@DisplayName("06 Scaled dot-product attention: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttentionProperties {

    private static final int EXAMPLES = 100;

    /** Queries, keys, values in any layout, and a boolean mask that leaves every query at least one key. */
    record Case(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
        @Override
        public String toString() {
            return "q " + q + ", k " + k + ", v " + v + ", masked " + Arrays.deepToString(masked);
        }
    }

    /** A permutation of 0..n-1 applied to something of that length. */
    record Permuted(Case attention, int[] order) {
        @Override
        public String toString() {
            return attention + ", order " + Arrays.toString(order);
        }
    }

    @Test
    @Order(1)
    @DisplayName("softmax rows are positive, sum to 1, leave the scores alone and come back fresh, for every layout")
    void softmaxRowsArePositiveAndSumToOne() {
        // Rows need at least one entry: a row of none has no softmax (an error, pinned in the examples).
        qt().withExamples(EXAMPLES).forAll(Generators.anyLayouts(Generators.nonEmptyShapes(2, 2))).checkAssert(scores -> {
            Inputs inputs = Inputs.snapshot("scores", scores);

            Tensor weights = ScaledDotProductAttention.softmaxRows(scores);

            inputs.assertUntouched();
            assertThatTensor(weights).describedAs("softmax of %s", scores).hasShape(scores.shape())
                    .doesNotShareStorageWith(scores).hasStrides(Tensor.zeros(scores.shape()).strides());
            for (int i = 0; i < scores.size(0); i++) {
                double sum = 0.0;
                for (int j = 0; j < scores.size(1); j++) {
                    assertThat(weights.get(i, j)).describedAs("weight (%d, %d) of softmax of %s", i, j, scores).isPositive();
                    sum += weights.get(i, j);
                }
                assertThat(Tolerance.close(1.0, sum, Tolerance.DEFAULT))
                        .describedAs("row %d of softmax of %s sums to %s, not 1", i, scores, sum).isTrue();
            }
        });
    }

    @Test
    @Order(2)
    @DisplayName("adding a constant, up to 1e4, to a row of scores leaves its softmax unchanged")
    void softmaxIsUnchangedByAddingAConstant() {
        Gen<double[][]> rows = matrices(integers().between(1, 4), integers().between(1, 4), doubles().between(-10, 10));
        Gen<Double> shifts = doubles().between(-1e4, 1e4);
        qt().withExamples(EXAMPLES).forAll(rows, shifts).checkAssert((values, shift) -> {
            double[][] shifted = Arrays.stream(values)
                    .map(row -> Arrays.stream(row).map(x -> x + shift).toArray()).toArray(double[][]::new);

            Tensor expected = ScaledDotProductAttention.softmaxRows(Tensor.matrix(values));
            Tensor actual = ScaledDotProductAttention.softmaxRows(Tensor.matrix(shifted));

            assertThatTensor(actual)
                    .describedAs("softmax of %s shifted by %s: exp(s + c) / sum exp(s + c) = exp(s) / sum exp(s)",
                            Arrays.deepToString(values), shift)
                    .isFinite().isCloseTo(expected);
        });
    }

    @Test
    @Order(3)
    @DisplayName("attention is softmax(Q K^T / sqrt(d_k), masked) V for every layout of q, k, v, inputs untouched")
    void attentionMatchesItsDefinition() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("q", c.q(), "k", c.k(), "v", c.v());
            boolean[][] maskBefore = MatrixLayouts.copy(c.masked());

            AttentionResult attention = ScaledDotProductAttention.attend(c.q(), c.k(), c.v(), c.masked());

            inputs.assertUntouched();
            assertThat(c.masked()).describedAs("your code modified its argument masked").isDeepEqualTo(maskBefore);
            Tensor weights = expectedWeights(c);
            assertThatTensor(attention.weights())
                    .describedAs("weights of %s: weight (i, j) = 1 / sum over open keys j' of exp(s_ij' - s_ij),"
                            + " 0 where masked", c)
                    .isCloseTo(weights).hasStrides(Tensor.zeros(weights.shape()).strides());
            assertThatTensor(attention.output())
                    .describedAs("output of %s: the weights times V", c)
                    .isCloseTo(Matrices.matmul(weights, c.v())).doesNotShareStorageWith(c.v());
        });
    }

    @Test
    @Order(4)
    @DisplayName("permuting keys and values together leaves the output unchanged and permutes the weight columns")
    void permutingKeysAndValuesTogetherLeavesTheOutputUnchanged() {
        qt().withExamples(EXAMPLES).forAll(permuted(true)).checkAssert(p -> {
            Case c = p.attention();
            AttentionResult before = ScaledDotProductAttention.attend(c.q(), c.k(), c.v());

            AttentionResult after = ScaledDotProductAttention.attend(c.q(), rows(c.k(), p.order()), rows(c.v(), p.order()));

            assertThatTensor(after.output())
                    .describedAs("output of %s with keys and values both reordered: attention has no notion of"
                            + " key order", p)
                    .isCloseTo(before.output());
            assertThatTensor(after.weights())
                    .describedAs("weights of %s: column j after is column order[j] before", p)
                    .isCloseTo(columns(before.weights(), p.order()));
        });
    }

    @Test
    @Order(5)
    @DisplayName("permuting the queries permutes the output rows the same way")
    void permutingQueriesPermutesTheOutputRows() {
        qt().withExamples(EXAMPLES).forAll(permuted(false)).checkAssert(p -> {
            Case c = p.attention();
            AttentionResult before = ScaledDotProductAttention.attend(c.q(), c.k(), c.v());

            AttentionResult after = ScaledDotProductAttention.attend(rows(c.q(), p.order()), c.k(), c.v());

            assertThatTensor(after.output())
                    .describedAs("output of %s with the queries reordered: row i after is row order[i] before", p)
                    .isCloseTo(rows(before.output(), p.order()));
        });
    }

    @Test
    @Order(6)
    @DisplayName("why 1/sqrt(d_k): scores of random unit-variance vectors have variance about d_k, scaled about 1")
    void scaledScoresHaveVarianceAboutOne() {
        int dK = 64;
        Tensor q = Tensor.gaussian(Seeds.random(6), 40, dK);
        Tensor k = Tensor.gaussian(Seeds.random(7), 50, dK);

        Tensor raw = Matrices.matmulTransposed(q, k);
        Tensor scaled = ScaledDotProductAttention.scaledScores(q, k);

        // Var(q . k) = d_k for independent N(0, 1) entries; 2000 scores estimate it within about 5%
        // (the bounds, 0.75 to 1.25 times, are far outside what a fixed seed can stray to).
        assertThat(variance(raw)).describedAs("variance of the unscaled dot products, about d_k = 64")
                .isBetween(0.75 * dK, 1.25 * dK);
        assertThat(variance(scaled))
                .describedAs("variance of your scaled scores: dividing by sqrt(d_k) = 8 brings it to about 1"
                        + " (dividing by d_k would give about 1/64, no scaling about 64)")
                .isBetween(0.75, 1.25);
    }

    private static double variance(Tensor m) {
        double sum = 0.0;
        int n = m.size(0) * m.size(1);
        for (int i = 0; i < m.size(0); i++) {
            for (int j = 0; j < m.size(1); j++) {
                sum += m.get(i, j);
            }
        }
        double mean = sum / n;
        double squares = 0.0;
        for (int i = 0; i < m.size(0); i++) {
            for (int j = 0; j < m.size(1); j++) {
                squares += (m.get(i, j) - mean) * (m.get(i, j) - mean);
            }
        }
        return squares / n;
    }

    /** The weights by a formula unlike the one to write: 1 / sum over open j' of exp(s_ij' - s_ij). */
    private static Tensor expectedWeights(Case c) {
        int tQ = c.q().size(0);
        int tK = c.k().size(0);
        int dK = c.q().size(1);
        double[] scores = new double[tK];
        Tensor weights = Tensor.zeros(tQ, tK);
        for (int i = 0; i < tQ; i++) {
            for (int j = 0; j < tK; j++) {
                double dot = 0.0;
                for (int d = 0; d < dK; d++) {
                    dot += c.q().get(i, d) * c.k().get(j, d);
                }
                scores[j] = dot / Math.sqrt(dK);
            }
            for (int j = 0; j < tK; j++) {
                if (c.masked()[i][j]) {
                    continue;
                }
                double denominator = 0.0;
                for (int other = 0; other < tK; other++) {
                    denominator += c.masked()[i][other] ? 0.0 : Math.exp(scores[other] - scores[j]);
                }
                weights.set(1.0 / denominator, i, j);
            }
        }
        return weights;
    }

    /** Row r of the result is row order[r] of m. */
    private static Tensor rows(Tensor m, int[] order) {
        Tensor result = Tensor.zeros(m.shape());
        for (int r = 0; r < order.length; r++) {
            for (int j = 0; j < m.size(1); j++) {
                result.set(m.get(order[r], j), r, j);
            }
        }
        return result;
    }

    /** Column c of the result is column order[c] of m. */
    private static Tensor columns(Tensor m, int[] order) {
        Tensor result = Tensor.zeros(m.shape());
        for (int i = 0; i < m.size(0); i++) {
            for (int c = 0; c < order.length; c++) {
                result.set(m.get(i, order[c]), i, c);
            }
        }
        return result;
    }

    private static Gen<Case> cases() {
        Gen<Integer> sizes = integers().between(1, 4);
        Gen<Integer> queryCounts = integers().between(0, 4);
        Gen<Integer> valueWidths = integers().between(0, 3);
        Gen<Integer> coin = integers().between(0, 1);
        return in -> {
            int tQ = queryCounts.generate(in);
            int tK = sizes.generate(in);
            int dK = sizes.generate(in);
            Tensor q = Generators.anyLayouts(fixed(tQ, dK)).generate(in);
            Tensor k = Generators.anyLayouts(fixed(tK, dK)).generate(in);
            Tensor v = Generators.anyLayouts(fixed(tK, valueWidths.generate(in))).generate(in);
            boolean[][] masked = new boolean[tQ][tK];
            for (int i = 0; i < tQ; i++) {
                int open = integers().between(0, tK - 1).generate(in); // this key stays visible
                for (int j = 0; j < tK; j++) {
                    masked[i][j] = j != open && coin.generate(in) == 1;
                }
            }
            return new Case(q, k, v, masked);
        };
    }

    /** Cases and a permutation of their keys (or of their queries). */
    private static Gen<Permuted> permuted(boolean ofKeys) {
        Gen<Case> cases = cases();
        return in -> {
            Case c = cases.generate(in);
            int n = ofKeys ? c.k().size(0) : c.q().size(0);
            int[] order = new int[n];
            Arrays.setAll(order, i -> i);
            for (int i = n - 1; i > 0; i--) {
                int j = integers().between(0, i).generate(in);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            return new Permuted(c, order);
        };
    }

    private static Gen<int[]> fixed(int rows, int columns) {
        return in -> new int[] {rows, columns};
    }

    private static Gen<double[][]> matrices(Gen<Integer> rowCounts, Gen<Integer> columnCounts, Gen<Double> values) {
        Gen<double[][]> matrices = in -> {
            double[][] m = new double[rowCounts.generate(in)][columnCounts.generate(in)];
            for (double[] row : m) {
                Arrays.setAll(row, j -> values.generate(in));
            }
            return m;
        };
        return matrices.describedAs(Arrays::deepToString);
    }
}
