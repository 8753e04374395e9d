package kata.multihead;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import kata.support.AttentionResult;
import kata.support.HeadViews;
import kata.support.Matrices;
import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.testing.Generators;
import kata.support.testing.Inputs;
import kata.support.testing.StandIns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-07")
@Order(2)
@DisplayName("07 Multi-head attention: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHeadProperties {

    private static final int EXAMPLES = 100;

    /** Queries (T_q, d), keys and values (T_k, d) in any layout, and a mask that leaves key 0 to every query, or none. */
    record Case(int numHeads, Tensor query, Tensor key, Tensor value, boolean[][] masked) {
        @Override
        public String toString() {
            return numHeads + " heads, query " + query + ", key " + key + ", value " + value
                    + (masked == null ? ", no mask" : ", masked " + Arrays.deepToString(masked));
        }
    }

    @Test
    @Order(1)
    @DisplayName("the parameter count is 4 d^2 + 4 d for every width and every head count that divides it")
    void parameterCountDoesNotDependOnTheHeads() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 6), integers().between(1, 4)).checkAssert((h, dK) -> {
            int d = h * dK;

            MultiHeadAttention layer = new MultiHeadAttention(d, h, Seeds.random(d), new StandInHead());

            assertThat(layer.parameterCount()).describedAs("d = %d, h = %d: 4 d^2 + 4 d", d, h).isEqualTo(4 * d * d + 4 * d);
        });
    }

    @Test
    @Order(2)
    @DisplayName("forward is each head's attention on its column block of the projections, merged in order and projected, for every layout")
    void forwardAttendsInEachColumnBlock() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            int d = c.query().size(1);
            int headDim = d / c.numHeads();
            MultiHeadAttention layer = new MultiHeadAttention(d, c.numHeads(), Seeds.random(d), new StandInHead());
            MultiHeadWeights w = layer.weights();
            Inputs inputs = Inputs.snapshot("query", c.query(), "key", c.key(), "value", c.value());

            AttentionResult result = layer.forward(c.query(), c.key(), c.value(), c.masked());

            inputs.assertUntouched();
            Tensor q = Matrices.linear(c.query(), w.queryWeight(), w.queryBias());
            Tensor k = Matrices.linear(c.key(), w.keyWeight(), w.keyBias());
            Tensor v = Matrices.linear(c.value(), w.valueWeight(), w.valueBias());
            Tensor[] outputs = new Tensor[c.numHeads()];
            Tensor[] weights = new Tensor[c.numHeads()];
            for (int i = 0; i < c.numHeads(); i++) {
                AttentionResult head = StandIns.attend(StandIns.columns(q, i * headDim, headDim),
                        StandIns.columns(k, i * headDim, headDim), StandIns.columns(v, i * headDim, headDim), c.masked());
                outputs[i] = head.output();
                weights[i] = head.weights();
            }
            Tensor expected = Matrices.linear(HeadViews.merge(HeadViews.stack(outputs)), w.outputWeight(), w.outputBias());
            assertThatTensor(result.output())
                    .describedAs("for %s: head i attends on columns i d_k .. (i + 1) d_k - 1 of Q, K and V, the heads"
                            + " concatenated in order, then W_O and b_O", c)
                    .isCloseTo(expected);
            assertThatTensor(result.weights()).describedAs("for %s: head i's weights at index i, (h, T_q, T_k)", c)
                    .isCloseTo(HeadViews.stack(weights));
        });
    }

    private static Gen<Case> cases() {
        Gen<Integer> small = integers().between(1, 3);
        Gen<Integer> queries = integers().between(0, 3);
        Gen<Integer> bits = integers().between(0, 2);
        return in -> {
            int numHeads = small.generate(in);
            int d = numHeads * small.generate(in);
            int tQ = queries.generate(in);
            int tK = small.generate(in);
            Tensor query = Generators.anyLayouts(any -> new int[] {tQ, d}).generate(in);
            Tensor key = Generators.anyLayouts(any -> new int[] {tK, d}).generate(in);
            Tensor value = Generators.anyLayouts(any -> new int[] {tK, d}).generate(in);
            boolean[][] masked = bits.generate(in) == 0 ? null : new boolean[tQ][tK];
            for (int i = 0; masked != null && i < tQ; i++) {
                for (int j = 1; j < tK; j++) {                   // key 0 stays: no query is left without keys
                    masked[i][j] = bits.generate(in) == 0;
                }
            }
            return new Case(numHeads, query, key, value, masked);
        };
    }
}
