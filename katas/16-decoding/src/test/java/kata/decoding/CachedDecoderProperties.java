package kata.decoding;

import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import kata.support.NormOrder;
import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

@Tag("kata-16")
@Order(7)
@DisplayName("16 Decoding: the cached decoder, properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CachedDecoderProperties {

    /** A random model, memory, padding and token sequence, all drawn from one seed. */
    record Case(long seed, NormOrder order, int numHeads, int layers, int dModel, int[] tokens, int memoryRows,
                boolean[] padded) {

        @Override
        public String toString() {
            return order + ", " + layers + " layers, d " + dModel + ", " + numHeads + " heads, tokens "
                    + Arrays.toString(tokens) + ", memory rows " + memoryRows + ", padded "
                    + (padded == null ? "none" : Arrays.toString(padded)) + ", seed " + seed;
        }
    }

    private static Gen<Case> cases() {
        return SourceDSL.longs().all().map(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int dModel = random.nextBoolean() ? 4 : 8;
            int[] headCounts = {1, 2, 4};
            int[] tokens = random.ints(1 + random.nextInt(6), 0, 5).toArray();
            int memoryRows = 1 + random.nextInt(4);
            boolean[] padded = null;
            if (random.nextBoolean()) {
                padded = new boolean[memoryRows];
                for (int j = 0; j < memoryRows; j++) {
                    padded[j] = random.nextInt(3) == 0;
                }
                padded[random.nextInt(memoryRows)] = false;                // at least one real row
            }
            return new Case(seed, random.nextBoolean() ? NormOrder.PRE_NORM : NormOrder.POST_NORM,
                    headCounts[random.nextInt(3)], 2 + random.nextInt(2), dModel, tokens, memoryRows, padded);
        });
    }

    @Test
    @Order(1)
    @DisplayName("over random models, memories and sequences every cached step equals the parallel pass's row")
    void cachedStepsEqualTheParallelPass() {
        qt().withExamples(40).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed() + 1);
            DecoderWeights weights = Decoders.random(random, 5, c.dModel(), c.layers(), 8);
            Tensor memory = Tensor.gaussian(random, c.memoryRows(), c.dModel());
            Tensor parallel = Decoders.parallel(weights, c.order(), c.numHeads(), c.tokens(), memory, c.padded());
            CachedDecoder decoder = new CachedDecoder(weights, c.order(), c.numHeads(), 8);
            decoder.start(memory, c.padded());

            for (int t = 0; t < c.tokens().length; t++) {
                double[] logits = decoder.step(c.tokens()[t]);

                assertThat(logits).describedAs("step %s of %s", t, c)
                        .containsExactly(Decoders.row(parallel, t), offset(Decoders.CACHED));
            }
        });
    }
}
