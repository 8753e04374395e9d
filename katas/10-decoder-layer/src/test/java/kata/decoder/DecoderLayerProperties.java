package kata.decoder;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import kata.support.NormOrder;
import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.Tolerance;
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

@Tag("kata-10")
@Order(2)
@DisplayName("10 Decoder layer: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecoderLayerProperties {

    private static final int EXAMPLES = 50;

    /** A target, a memory of its width, memory padding (at least one real row), and the seed of the layer's weights. */
    record Case(Tensor target, Tensor memory, boolean[] padded, long seed) {
        @Override
        public String toString() {
            return "target " + target + ", memory " + memory + ", memoryPadded " + Arrays.toString(padded) + ", seed " + seed;
        }
    }

    // Rows to attend to and features to normalize: never empty.
    private static Gen<Case> cases() {
        Gen<Tensor> targets = Generators.anyLayouts(Generators.nonEmptyShapes(2, 2));
        Gen<Integer> memoryRows = integers().between(1, 4);
        Gen<Integer> bits = integers().between(0, 15);
        Gen<Long> seeds = longs().all();
        return in -> {
            Tensor target = targets.generate(in);
            int rows = memoryRows.generate(in);
            Tensor memory = Generators.anyLayouts(source -> new int[] {rows, target.size(1)}).generate(in);
            int flags = bits.generate(in);
            boolean[] padded = new boolean[rows];
            for (int j = 0; j < rows; j++) {
                padded[j] = (flags >> j & 1) == 1 && j != flags % rows;
            }
            return new Case(target, memory, padded, seeds.generate(in));
        };
    }

    /** Random weights from {@code seed}: one-head stand-in attentions, FFN and norms, no dropout; the order from its parity. */
    private static DecoderLayer layer(int d, long seed) {
        RandomGenerator random = Seeds.random(seed);
        NormOrder order = seed % 2 == 0 ? NormOrder.POST_NORM : NormOrder.PRE_NORM;
        return new DecoderLayer(order, StandIns.multiHead(1, attentionWeights(random, d)),
                StandIns.multiHead(1, attentionWeights(random, d)),
                StandIns.feedForward(Tensor.gaussian(random, d, 3), Tensor.gaussian(random, 3),
                        Tensor.gaussian(random, 3, d), Tensor.gaussian(random, d)),
                StandIns.layerNorm(Tensor.gaussian(random, d), Tensor.gaussian(random, d), 1e-5),
                StandIns.layerNorm(Tensor.gaussian(random, d), Tensor.gaussian(random, d), 1e-5),
                StandIns.layerNorm(Tensor.gaussian(random, d), Tensor.gaussian(random, d), 1e-5), t -> t);
    }

    private static Tensor[] attentionWeights(RandomGenerator random, int d) {
        Tensor[] weights = new Tensor[8];
        for (int i = 0; i < weights.length; i += 2) {
            weights[i] = Tensor.gaussian(random, d, d);
            weights[i + 1] = Tensor.gaussian(random, d);
        }
        return weights;
    }

    /** A copy of {@code m} whose rows {@code i} with {@code replace[i]} hold new random values. */
    private static Tensor replaceRows(Tensor m, boolean[] replace, long seed) {
        RandomGenerator random = Seeds.random(seed);
        Tensor changed = Tensor.zeros(m.shape());
        for (int t = 0; t < m.size(0); t++) {
            for (int c = 0; c < m.size(1); c++) {
                changed.set(replace[t] ? random.nextDouble(-10, 10) : m.get(t, c), t, c);
            }
        }
        return changed;
    }

    @Test
    @Order(1)
    @DisplayName("the output has the shape of the target, is fresh, and leaves every input untouched, for every layout")
    void theShapeIsPreservedAndTheInputsUntouched() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            boolean[] before = c.padded().clone();
            Inputs inputs = Inputs.snapshot("target", c.target(), "memory", c.memory());

            Tensor y = layer(c.target().size(1), c.seed()).forward(c.target(), c.memory(), c.padded());

            inputs.assertUntouched();
            assertThat(c.padded()).describedAs("memoryPadded after the call").containsExactly(before);
            assertThatTensor(y).describedAs("the layer of %s", c).hasShape(c.target().shape()).isFinite()
                    .doesNotShareStorageWith(c.target()).doesNotShareStorageWith(c.memory());
        });
    }

    @Test
    @Order(2)
    @DisplayName("causality: changing the target tokens after position t leaves the outputs up to t unchanged")
    void laterTargetTokensDoNotChangeEarlierOutputs() {
        qt().withExamples(EXAMPLES).forAll(cases(), integers().between(0, 3)).checkAssert((c, cut) -> {
            int t = cut % c.target().size(0);
            boolean[] later = new boolean[c.target().size(0)];
            Arrays.fill(later, t + 1, later.length, true);
            DecoderLayer layer = layer(c.target().size(1), c.seed());

            Tensor y = layer.forward(c.target(), c.memory(), c.padded());
            Tensor changed = layer.forward(replaceRows(c.target(), later, ~c.seed()), c.memory(), c.padded());

            assertThatTensor(StandIns.rows(changed, 0, t + 1)).describedAs("outputs 0 .. %d after the tokens after %d"
                    + " changed, for %s", t, t, c).isCloseTo(StandIns.rows(y, 0, t + 1), Tolerance.DEFAULT);
        });
    }

    @Test
    @Order(3)
    @DisplayName("changing the padded memory rows changes nothing")
    void paddedMemoryRowsChangeNothing() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            DecoderLayer layer = layer(c.target().size(1), c.seed());

            Tensor y = layer.forward(c.target(), c.memory(), c.padded());
            Tensor changed = layer.forward(c.target(), replaceRows(c.memory(), c.padded(), ~c.seed()), c.padded());

            assertThatTensor(changed).describedAs("the output after the padded memory rows changed, for %s", c)
                    .isCloseTo(y, Tolerance.DEFAULT);
        });
    }
}
