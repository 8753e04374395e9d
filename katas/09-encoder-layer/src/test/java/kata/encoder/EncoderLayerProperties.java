package kata.encoder;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import kata.support.AttentionLayer;
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

@Tag("kata-09")
@Order(2)
@DisplayName("09 Encoder layer: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncoderLayerProperties {

    private static final int EXAMPLES = 60;

    /** The width of the FFN's hidden layer in these properties. */
    private static final int D_FF = 3;

    // A layer needs at least one token that is not padding, and features to normalize: never empty.
    private static final Gen<Tensor> INPUTS = Generators.anyLayouts(Generators.nonEmptyShapes(2, 2));

    /** Random weights drawn from {@code seed}: one-head stand-in attention, your FFN, stand-in norms, no dropout. */
    private static EncoderLayer layer(int d, long seed) {
        RandomGenerator random = Seeds.random(seed);
        AttentionLayer attention = StandIns.multiHead(1,
                Tensor.gaussian(random, d, d), Tensor.gaussian(random, d),
                Tensor.gaussian(random, d, d), Tensor.gaussian(random, d),
                Tensor.gaussian(random, d, d), Tensor.gaussian(random, d),
                Tensor.gaussian(random, d, d), Tensor.gaussian(random, d));
        FeedForward ffn = new FeedForward(Tensor.gaussian(random, d, D_FF), Tensor.gaussian(random, D_FF),
                Tensor.gaussian(random, D_FF, d), Tensor.gaussian(random, d));
        NormOrder order = seed % 2 == 0 ? NormOrder.POST_NORM : NormOrder.PRE_NORM;
        return new EncoderLayer(order, attention, ffn,
                StandIns.layerNorm(Tensor.gaussian(random, d), Tensor.gaussian(random, d), 1e-5),
                StandIns.layerNorm(Tensor.gaussian(random, d), Tensor.gaussian(random, d), 1e-5), t -> t);
    }

    /** Token j is padding when bit j of {@code bits} is set, except one token chosen by {@code bits}, always real. */
    private static boolean[] padded(int tokens, int bits) {
        boolean[] padded = new boolean[tokens];
        for (int j = 0; j < tokens; j++) {
            padded[j] = (bits >> j & 1) == 1 && j != bits % tokens;
        }
        return padded;
    }

    private static Tensor row(Tensor m, int i) {
        Tensor row = Tensor.zeros(1, m.size(1));
        for (int c = 0; c < m.size(1); c++) {
            row.set(m.get(i, c), 0, c);
        }
        return row;
    }

    private static Tensor permuteRows(Tensor m, int[] order) {
        Tensor permuted = Tensor.zeros(m.shape());
        for (int i = 0; i < order.length; i++) {
            for (int c = 0; c < m.size(1); c++) {
                permuted.set(m.get(order[i], c), i, c);
            }
        }
        return permuted;
    }

    private static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        RandomGenerator random = Seeds.random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    @Test
    @Order(1)
    @DisplayName("the output has the shape of x, is fresh, and leaves x and padded untouched, for every layout of x")
    void theShapeIsPreservedAndTheInputsUntouched() {
        qt().withExamples(EXAMPLES).forAll(INPUTS, integers().between(0, 15), longs().all()).checkAssert((x, bits, seed) -> {
            boolean[] padded = padded(x.size(0), bits);
            boolean[] before = padded.clone();
            Inputs inputs = Inputs.snapshot("x", x);

            Tensor y = layer(x.size(1), seed).forward(x, padded);

            inputs.assertUntouched();
            assertThat(padded).describedAs("padded after the call").containsExactly(before);
            assertThatTensor(y).describedAs("the layer of %s", x).hasShape(x.shape()).isFinite()
                    .doesNotShareStorageWith(x);
        });
    }

    @Test
    @Order(2)
    @DisplayName("without positions the layer is permutation-equivariant: permuting the tokens permutes the outputs")
    void theLayerIsPermutationEquivariant() {
        qt().withExamples(EXAMPLES).forAll(INPUTS, integers().between(0, 15), longs().all()).checkAssert((x, bits, seed) -> {
            EncoderLayer layer = layer(x.size(1), seed);
            boolean[] padded = padded(x.size(0), bits);
            int[] order = permutation(x.size(0), seed);
            boolean[] permutedPadded = new boolean[padded.length];
            for (int i = 0; i < order.length; i++) {
                permutedPadded[i] = padded[order[i]];
            }

            Tensor y = layer.forward(x, padded);
            Tensor permuted = layer.forward(permuteRows(x, order), permutedPadded);

            assertThatTensor(permuted).describedAs("layer(P x) = P layer(x) for the order %s of %s",
                    Arrays.toString(order), x).isCloseTo(permuteRows(y, order), Tolerance.DEFAULT);
        });
    }

    @Test
    @Order(3)
    @DisplayName("changing the padded tokens leaves the outputs at the real positions unchanged")
    void changingPaddedTokensLeavesRealPositionsUnchanged() {
        qt().withExamples(EXAMPLES).forAll(INPUTS, integers().between(0, 15), longs().all()).checkAssert((x, bits, seed) -> {
            EncoderLayer layer = layer(x.size(1), seed);
            boolean[] padded = padded(x.size(0), bits);
            Tensor changed = Tensor.zeros(x.shape());
            RandomGenerator random = Seeds.random(~seed);
            for (int t = 0; t < x.size(0); t++) {
                for (int c = 0; c < x.size(1); c++) {
                    changed.set(padded[t] ? random.nextDouble(-10, 10) : x.get(t, c), t, c);
                }
            }

            Tensor y = layer.forward(x, padded);
            Tensor yChanged = layer.forward(changed, padded);

            for (int t = 0; t < x.size(0); t++) {
                if (!padded[t]) {
                    assertThatTensor(row(yChanged, t)).describedAs("the output at real position %d of %s, padded %s,"
                            + " after the padded tokens changed", t, x, Arrays.toString(padded))
                            .isCloseTo(row(y, t), Tolerance.DEFAULT);
                }
            }
        });
    }

    @Test
    @Order(4)
    @DisplayName("the FFN is position-wise: each output row is the FFN of that row alone, for weights in every layout")
    void theFeedForwardActsOnEachRowAlone() {
        Gen<Tensor> w1 = Generators.anyLayouts(in -> new int[] {3, D_FF});
        Gen<Tensor> w2 = Generators.anyLayouts(in -> new int[] {D_FF, 3});
        Gen<Tensor> xs = Generators.anyLayouts(Generators.shapes(2, 2).map(s -> new int[] {s[0], 3}));
        qt().withExamples(EXAMPLES).forAll(xs, w1, w2, longs().all()).checkAssert((x, weight1, weight2, seed) -> {
            RandomGenerator random = Seeds.random(seed);
            FeedForward ffn = new FeedForward(weight1, Tensor.gaussian(random, D_FF), weight2, Tensor.gaussian(random, 3));
            Inputs inputs = Inputs.snapshot("x", x, "w1", weight1, "w2", weight2);

            Tensor y = ffn.apply(x);

            inputs.assertUntouched();
            assertThatTensor(y).describedAs("FFN of %s", x).hasShape(x.size(0), 3);
            for (int t = 0; t < x.size(0); t++) {
                assertThatTensor(row(y, t)).describedAs("row %d of FFN(x) against FFN(row %d) for %s", t, t, x)
                        .isCloseTo(ffn.apply(row(x, t)), Tolerance.DEFAULT);
            }
        });
    }
}
