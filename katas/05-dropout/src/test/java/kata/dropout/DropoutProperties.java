package kata.dropout;

import static kata.support.testing.Generators.anyLayouts;
import static kata.support.testing.Generators.shapes;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Indices;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-05")
@Order(2)
@DisplayName("05 Dropout: invariants")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DropoutProperties {

    /** Examples per cheap property. */
    private static final int EXAMPLES = 100;

    /** Units per statistical property: enough for a 5-sigma bound to be tight. */
    private static final int UNITS = 2_000;

    /** An input in any layout, a drop probability and the seed of the random source. */
    private record Case(Tensor x, double p, long seed) {

        @Override
        public String toString() {
            return "x = " + x + ", p = " + p + ", seed " + seed;
        }
    }

    @Test
    @Order(1)
    @DisplayName("in training output = x * mask, each mask element 0 or 1 / (1 - p), x untouched, both results fresh")
    void theOutputIsXTimesTheMask() {
        qt().withExamples(EXAMPLES).forAll(cases(doubles().between(0.0, 0.95))).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.x());
            double scale = 1 / (1 - c.p());

            Dropped dropped = new Dropout(c.p()).apply(c.x(), Mode.TRAINING, Seeds.random(c.seed()));

            inputs.assertUntouched();
            int[] rowMajor = Tensor.zeros(c.x().shape()).strides();
            assertThatTensor(dropped.mask()).describedAs("the mask of %s", c).hasShape(c.x().shape())
                    .doesNotShareStorageWith(c.x()).hasStrides(rowMajor);
            assertThatTensor(dropped.output()).describedAs("the output of %s", c).hasShape(c.x().shape())
                    .doesNotShareStorageWith(c.x()).doesNotShareStorageWith(dropped.mask()).hasStrides(rowMajor);
            for (int[] index : Indices.of(c.x().shape())) {
                double m = dropped.mask().get(index);
                assertThat(m == 0.0 || Tolerance.close(scale, m, Tolerance.DEFAULT))
                        .describedAs("mask%s of %s is %s: a dropped unit is 0, a kept one 1 / (1 - p) = %s",
                                Arrays.toString(index), c, m, scale)
                        .isTrue();
                assertThat(Tolerance.close(c.x().get(index) * m, dropped.output().get(index), Tolerance.DEFAULT))
                        .describedAs("output%s of %s is %s, expected x * mask = %s * %s", Arrays.toString(index), c,
                                dropped.output().get(index), c.x().get(index), m)
                        .isTrue();
            }
        });
    }

    @Test
    @Order(2)
    @DisplayName("the mask replays the random source: the i-th element in row-major order is dropped when the i-th draw is below p")
    void theMaskReplaysTheDraws() {
        qt().withExamples(EXAMPLES).forAll(cases(doubles().between(0.01, 0.99))).checkAssert(c -> {
            Dropped dropped = new Dropout(c.p()).apply(c.x(), Mode.TRAINING, Seeds.random(c.seed()));

            RandomGenerator replay = Seeds.random(c.seed());
            for (int[] index : Indices.of(c.x().shape())) {
                double draw = replay.nextDouble();
                assertThat(dropped.mask().get(index) == 0.0)
                        .describedAs("mask%s of %s: its draw was %s, so it is %s", Arrays.toString(index), c, draw,
                                draw < c.p() ? "dropped (draw < p)" : "kept (draw >= p)")
                        .isEqualTo(draw < c.p());
            }
        });
    }

    @Test
    @Order(3)
    @DisplayName("the kept fraction of 2,000 units lies within 5 sigma of 1 - p")
    void theKeptFractionIsWithinFiveSigmaOfOneMinusP() {
        Gen<Double> probabilities = doubles().between(0.05, 0.95);
        qt().withExamples(30).forAll(probabilities, longs().all()).checkAssert((p, seed) -> {
            Dropped dropped = new Dropout(p).apply(Tensor.zeros(UNITS), Mode.TRAINING, Seeds.random(seed));

            int kept = 0;
            for (int i = 0; i < UNITS; i++) {
                kept += dropped.mask().get(i) == 0.0 ? 0 : 1;
            }
            // The kept count is binomial(n, 1 - p): mean n (1 - p), standard deviation sqrt(n p (1 - p)).
            double expected = UNITS * (1 - p);
            double sigma = Math.sqrt(UNITS * p * (1 - p));
            assertThat(Math.abs(kept - expected))
                    .describedAs("kept %d of %d units at p = %s (seed %d); expected %s +- %s (5 sigma): each unit is"
                            + " kept with probability 1 - p", kept, UNITS, p, seed, expected, Tolerance.SIGMAS * sigma)
                    .isLessThanOrEqualTo(Tolerance.SIGMAS * sigma);
        });
    }

    @Test
    @Order(4)
    @DisplayName("the mean output over 2,000 masks approaches x: inverted dropout keeps the expectation")
    void theMeanOverManyMasksApproachesX() {
        Gen<Double> probabilities = doubles().between(0.05, 0.8);
        // Small inputs: each example runs dropout 2,000 times.
        qt().withExamples(10).forAll(cases(shapes(1, 2, 3), probabilities)).checkAssert(c -> {
            Dropout dropout = new Dropout(c.p());
            RandomGenerator random = Seeds.random(c.seed());
            Tensor sum = Tensor.zeros(c.x().shape());

            for (int run = 0; run < UNITS; run++) {
                Tensor output = dropout.apply(c.x(), Mode.TRAINING, random).output();
                for (int[] index : Indices.of(sum.shape())) {
                    sum.set(sum.get(index) + output.get(index), index);
                }
            }

            for (int[] index : Indices.of(sum.shape())) {
                double x = c.x().get(index);
                double mean = sum.get(index) / UNITS;
                // One output is x / (1 - p) with probability 1 - p, else 0: variance x^2 p / (1 - p).
                double sigma = Math.abs(x) * Math.sqrt(c.p() / (1 - c.p()) / UNITS);
                assertThat(Math.abs(mean - x))
                        .describedAs("the mean of %d outputs at %s of %s is %s, expected x = %s +- %s (5 sigma): kept"
                                + " units must be scaled by 1 / (1 - p)", UNITS, Arrays.toString(index), c, mean, x,
                                Tolerance.SIGMAS * sigma)
                        .isLessThanOrEqualTo(Tolerance.SIGMAS * sigma + Tolerance.DEFAULT);
            }
        });
    }

    @Test
    @Order(5)
    @DisplayName("the same seed gives the same mask and the next seed a different one")
    void theSameSeedGivesTheSameMaskAndAnotherSeedAnother() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Dropout dropout = new Dropout(0.5);
            Tensor x = Tensor.zeros(64);

            Tensor first = dropout.apply(x, Mode.TRAINING, Seeds.random(seed)).mask();
            Tensor again = dropout.apply(x, Mode.TRAINING, Seeds.random(seed)).mask();
            Tensor next = dropout.apply(x, Mode.TRAINING, Seeds.random(seed + 1)).mask();

            assertThatTensor(again).describedAs("the mask of 64 units drawn twice from seed %d", seed).isCloseTo(first);
            // Two independent masks of 64 units at p = 1/2 agree everywhere with probability 2^-64.
            assertThat(Arrays.equals(values(first), values(next)))
                    .describedAs("masks of 64 units from seeds %d and %d are identical", seed, seed + 1)
                    .isFalse();
        });
    }

    @Test
    @Order(6)
    @DisplayName("evaluation is the identity for every p and every layout, and draws nothing")
    void evaluationIsTheIdentityForEveryP() {
        qt().withExamples(EXAMPLES).forAll(cases(doubles().between(0.0, 1.0))).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.x());

            Dropped dropped = new Dropout(c.p()).apply(c.x(), Mode.EVALUATION, new Draws());

            inputs.assertUntouched();
            assertThatTensor(dropped.output()).describedAs("dropout in evaluation mode of %s", c).isCloseTo(c.x())
                    .doesNotShareStorageWith(c.x());
            assertThatTensor(dropped.mask()).describedAs("the mask in evaluation mode of %s", c).hasShape(c.x().shape());
            for (int[] index : Indices.of(c.x().shape())) {
                assertThat(dropped.mask().get(index)).describedAs("mask%s in evaluation mode of %s",
                        Arrays.toString(index), c).isEqualTo(1.0);
            }
        });
    }

    private static Gen<Case> cases(Gen<Double> probabilities) {
        return cases(shapes(0, 3), probabilities);
    }

    private static Gen<Case> cases(Gen<int[]> shapes, Gen<Double> probabilities) {
        Gen<Tensor> xs = anyLayouts(shapes);
        Gen<Long> seeds = longs().all();
        Gen<Case> cases = in -> new Case(xs.generate(in), probabilities.generate(in), seeds.generate(in));
        return cases.describedAs(Case::toString);
    }

    private static double[] values(Tensor t) {
        double[] values = new double[t.elementCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = t.get(i);
        }
        return values;
    }
}
