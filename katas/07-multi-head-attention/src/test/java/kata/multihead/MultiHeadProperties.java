package kata.multihead;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.testing.Generators;
import kata.support.testing.Inputs;
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

    /** A tensor and a head count that divides its width. */
    record Split(Tensor x, int numHeads) {
        @Override
        public String toString() {
            return x + " into " + numHeads + " heads";
        }
    }

    @Test
    @Order(1)
    @DisplayName("split then merge is the identity, for every layout and empty axes, the input untouched")
    void splitThenMergeIsTheIdentity() {
        qt().withExamples(EXAMPLES).forAll(splits()).checkAssert(s -> {
            Inputs inputs = Inputs.snapshot("x", s.x());

            Tensor heads = MultiHeadAttention.splitHeads(s.x(), s.numHeads());
            Tensor back = MultiHeadAttention.mergeHeads(heads);

            inputs.assertUntouched();
            assertThatTensor(heads).describedAs("splitHeads of %s: (h, T, d / h)", s)
                    .hasShape(s.numHeads(), s.x().size(0), s.x().size(1) / s.numHeads());
            assertThatTensor(back).describedAs("mergeHeads(splitHeads(x)) for %s", s).isCloseTo(s.x())
                    .doesNotShareStorageWith(s.x()).hasStrides(Tensor.zeros(s.x().shape()).strides());
        });
    }

    @Test
    @Order(2)
    @DisplayName("merge then split is the identity on (h, T, d_k) heads in every layout")
    void mergeThenSplitIsTheIdentity() {
        qt().withExamples(EXAMPLES).forAll(Generators.anyLayouts(Generators.shapes(3, 3))).checkAssert(heads -> {
            // A merge of zero heads has width 0 and cannot say how many heads it had: splitting needs h >= 1.
            int numHeads = Math.max(heads.size(0), 1);
            Tensor expected = heads.size(0) == 0 ? Tensor.zeros(1, heads.size(1), 0) : heads;
            Inputs inputs = Inputs.snapshot("heads", heads);

            Tensor merged = MultiHeadAttention.mergeHeads(heads);
            Tensor back = MultiHeadAttention.splitHeads(merged, numHeads);

            inputs.assertUntouched();
            assertThatTensor(merged).describedAs("mergeHeads of %s: (T, h d_k)", heads)
                    .hasShape(heads.size(1), heads.size(0) * heads.size(2)).doesNotShareStorageWith(heads);
            assertThatTensor(back).describedAs("splitHeads(mergeHeads(heads), h) for %s", heads).isCloseTo(expected);
        });
    }

    @Test
    @Order(3)
    @DisplayName("the parameter count is 4 d^2 + 4 d for every width and every head count that divides it")
    void parameterCountDoesNotDependOnTheHeads() {
        qt().withExamples(EXAMPLES).forAll(integers().between(1, 6), integers().between(1, 4)).checkAssert((h, dK) -> {
            int d = h * dK;

            MultiHeadAttention layer = new MultiHeadAttention(d, h, Seeds.random(d), new StandInHead());

            assertThat(layer.parameterCount()).describedAs("d = %d, h = %d: 4 d^2 + 4 d", d, h).isEqualTo(4 * d * d + 4 * d);
        });
    }

    private static Gen<Split> splits() {
        Gen<Integer> heads = integers().between(1, 4);
        Gen<Integer> widths = integers().between(0, 3);
        Gen<Integer> rows = integers().between(0, 4);
        return in -> {
            int numHeads = heads.generate(in);
            int[] shape = {rows.generate(in), numHeads * widths.generate(in)};
            Tensor x = Generators.anyLayouts(any -> shape).generate(in);
            return new Split(x, numHeads);
        };
    }
}
