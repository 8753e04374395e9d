package kata.compute;

import static kata.support.testing.Generators.anyLayouts;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import kata.support.Matrices;
import kata.support.Tensor;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-12")
@Order(2)
@DisplayName("12 Compute: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputeProperties {

    @Test
    @Order(1)
    @DisplayName("Flops.matmul equals the multiplications and additions a plain loop really does")
    void matmulCountsWhatALoopDoes() {
        qt().forAll(sizes(), sizes(), sizes()).checkAssert((m, k, n) ->
                assertThat(Flops.matmul(m, k, n)).describedAs("(%d x %d)(%d x %d): the loop below counts one FLOP"
                        + " per multiplication and one per addition", m, k, k, n).isEqualTo(countedMatmul(m, k, n)));
    }

    @Test
    @Order(2)
    @DisplayName("doubling L doubles the projections and the feed-forward, and quadruples the scores")
    void doublingTheLengthQuadruplesTheScores() {
        qt().forAll(sizes(), sizes(), sizes()).checkAssert((batch, seqLen, d) -> {
            assertThat(Flops.attentionProjections(batch, 2L * seqLen, d)).describedAs("projections, B = %d, L = %d"
                    + " doubled, d = %d: linear in L", batch, seqLen, d)
                    .isEqualTo(2 * Flops.attentionProjections(batch, seqLen, d));
            assertThat(Flops.feedForward(batch, 2L * seqLen, d)).describedAs("feed-forward, L doubled: linear in L")
                    .isEqualTo(2 * Flops.feedForward(batch, seqLen, d));
            assertThat(Flops.attentionScores(batch, 2L * seqLen, d)).describedAs("scores and weighted values, L"
                    + " doubled: every query meets every key, quadratic in L")
                    .isEqualTo(4 * Flops.attentionScores(batch, seqLen, d));
        });
    }

    @Test
    @Order(3)
    @DisplayName("every part is the sum of its matmuls, and the layer is 24BLd^2 + 4BL^2d")
    void everyPartIsTheSumOfItsMatmuls() {
        qt().forAll(sizes(), sizes(), sizes()).checkAssert((batch, seqLen, d) -> {
            long rows = (long) batch * seqLen;
            assertThat(Flops.attentionProjections(batch, seqLen, d)).describedAs("B = %d, L = %d, d = %d: four"
                    + " (BL x d)(d x d)", batch, seqLen, d).isEqualTo(4 * countedMatmul(rows, d, d));
            assertThat(Flops.attentionScores(batch, seqLen, d)).describedAs("B times (L x d)(d x L) and (L x L)(L x d)")
                    .isEqualTo(batch * (countedMatmul(seqLen, d, seqLen) + countedMatmul(seqLen, seqLen, d)));
            assertThat(Flops.feedForward(batch, seqLen, d)).describedAs("(BL x d)(d x 4d) and (BL x 4d)(4d x d)")
                    .isEqualTo(countedMatmul(rows, d, 4L * d) + countedMatmul(rows, 4L * d, d));
            assertThat(Flops.encoderLayer(batch, seqLen, d)).describedAs("the whole layer")
                    .isEqualTo(24 * rows * d * d + 4 * rows * seqLen * d);
        });
    }

    @Test
    @Order(4)
    @DisplayName("training is 3 forward passes and 6 FLOPs per parameter per token, for any count")
    void trainingRulesHoldForAnyCount() {
        qt().forAll(integers().between(0, 1_000_000), integers().between(0, 1000)).checkAssert((count, tokens) -> {
            assertThat(Flops.training(count)).describedAs("training of a %d-FLOP forward pass", count)
                    .isEqualTo(3L * count);
            assertThat(Flops.trainingFromParameters(count, tokens)).describedAs("%d parameters, %d tokens", count,
                    tokens).isEqualTo(6L * count * tokens);
        });
    }

    @Test
    @Order(5)
    @DisplayName("the layer's parameters are 12d^2 + 13d, and bytes are 4 or 8 per element")
    void parametersAndBytesForAnySize() {
        qt().forAll(integers().between(0, 5000)).checkAssert(d -> {
            assertThat(Memory.encoderLayerParameters(d)).describedAs("d = %d", d).isEqualTo(12L * d * d + 13L * d);
            assertThat(Memory.bytes(d, "float32")).describedAs("%d float32", d).isEqualTo(4L * d);
            assertThat(Memory.bytes(d, "float64")).describedAs("%d float64", d).isEqualTo(8L * d);
        });
    }

    @Test
    @Order(6)
    @DisplayName("blocked multiply equals the naive product for any sizes, any block and operands of any layout")
    void blockedEqualsTheNaiveProduct() {
        qt().withExamples(100).forAll(products()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("a", c.a(), "b", c.b());

            Tensor product = BlockedMatmul.multiply(c.a(), c.b(), c.block());

            inputs.assertUntouched();
            assertThatTensor(product).describedAs("%s", c).isCloseTo(Matrices.matmul(c.a(), c.b()))
                    .doesNotShareStorageWith(c.a()).doesNotShareStorageWith(c.b())
                    .hasStrides(Tensor.zeros(c.a().size(0), c.b().size(1)).strides());
        });
    }

    /** The FLOPs of the naive loop, counted one by one: each output adds k products to 0. */
    static long countedMatmul(long m, long k, long n) {
        long flops = 0;
        for (long i = 0; i < m; i++) {
            for (long j = 0; j < n; j++) {
                for (long p = 0; p < k; p++) {
                    flops += 2; // one multiplication, one addition into the sum
                }
            }
        }
        return flops;
    }

    /** Two operands and a tile size. */
    record Product(Tensor a, Tensor b, int block) {
        @Override
        public String toString() {
            return "a = " + a + ", b = " + b + ", block = " + block;
        }
    }

    private static Gen<Integer> sizes() {
        return integers().between(0, 12);
    }

    private static Gen<Product> products() {
        return in -> {
            int m = integers().between(0, 7).generate(in);
            int k = integers().between(0, 7).generate(in);
            int n = integers().between(0, 7).generate(in);
            Tensor a = anyLayouts(ignored -> new int[] {m, k}).generate(in);
            Tensor b = anyLayouts(ignored -> new int[] {k, n}).generate(in);
            return new Product(a, b, integers().between(1, 8).generate(in));
        };
    }
}
