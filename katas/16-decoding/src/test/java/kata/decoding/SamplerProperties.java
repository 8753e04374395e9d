package kata.decoding;

import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import kata.support.Tolerance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

@Tag("kata-16")
@Order(2)
@DisplayName("16 Decoding: sampling, properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplerProperties {

    /** Random logits, some -infinity, at least one finite; and random settings. */
    record Case(double[] logits, double temperature, int topK, double topP, long seed) {
        Sampler sampler() {
            return new Sampler(temperature, topK, topP);
        }

        @Override
        public String toString() {
            return "logits " + Arrays.toString(logits) + ", temperature " + temperature + ", topK " + topK
                    + ", topP " + topP + ", seed " + seed;
        }
    }

    private static Gen<Case> cases() {
        return SourceDSL.longs().all().map(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            double[] logits = new double[1 + random.nextInt(6)];
            for (int v = 0; v < logits.length; v++) {
                logits[v] = random.nextInt(8) == 0 ? Double.NEGATIVE_INFINITY : 4 * random.nextDouble() - 2;
            }
            logits[random.nextInt(logits.length)] = 4 * random.nextDouble() - 2;    // at least one finite
            double temperature = random.nextInt(6) == 0 ? 0.0 : 0.1 + 2.9 * random.nextDouble();
            int topK = 1 + random.nextInt(logits.length + 1);
            double topP = random.nextInt(4) == 0 ? 1.0 : 0.05 + 0.95 * random.nextDouble();
            return new Case(logits, temperature, topK, topP, seed);
        });
    }

    @Test
    @Order(1)
    @DisplayName("the probabilities are non-negative, sum to 1 and are non-zero for at most k tokens")
    void probabilitiesAreADistributionOverAtMostKTokens() {
        qt().forAll(cases()).checkAssert(c -> {
            double[] p = c.sampler().probabilities(c.logits());

            assertThat(p).describedAs("probabilities of %s", c).hasSize(c.logits().length);
            assertThat(Arrays.stream(p).sum()).describedAs("the sum of the probabilities of %s", c)
                    .isCloseTo(1.0, offset(Tolerance.DEFAULT));
            assertThat(Arrays.stream(p).allMatch(x -> x >= 0)).describedAs("all non-negative: %s", Arrays.toString(p)).isTrue();
            assertThat(Arrays.stream(p).filter(x -> x > 0).count()).describedAs("non-zero tokens of %s", c)
                    .isLessThanOrEqualTo(c.topK());
        });
    }

    @Test
    @Order(2)
    @DisplayName("top-p keeps the smallest set of the top-k distribution that reaches p")
    void topPKeepsTheSmallestSetThatReachesP() {
        qt().forAll(cases()).checkAssert(c -> {
            double[] topK = new Sampler(c.temperature(), c.topK(), 1.0).probabilities(c.logits());

            double[] p = c.sampler().probabilities(c.logits());

            double kept = 0.0;
            double least = 1.0;
            for (int v = 0; v < p.length; v++) {
                if (p[v] > 0) {
                    kept += topK[v];
                    least = Math.min(least, topK[v]);
                }
            }
            assertThat(kept).describedAs("the top-k probability the nucleus keeps for %s must reach p", c)
                    .isGreaterThanOrEqualTo(c.topP() - Tolerance.DEFAULT);
            assertThat(kept - least).describedAs("without its least probable token the nucleus of %s must fall below p"
                    + " (the smallest such set)", c).isLessThan(c.topP() + Tolerance.DEFAULT);
            for (int v = 0; v < p.length; v++) {
                if (p[v] > 0) {
                    assertThat(p[v]).describedAs("token %s of %s: its top-k probability divided by the nucleus's", v, c)
                            .isCloseTo(topK[v] / kept, offset(Tolerance.DEFAULT));
                }
            }
        });
    }

    @Test
    @Order(3)
    @DisplayName("adding a constant as large as 1e6 to every logit changes no probability")
    void aConstantAddedToTheLogitsChangesNothing() {
        qt().forAll(cases(), SourceDSL.doubles().between(-1e6, 1e6)).checkAssert((c, shift) -> {
            double[] shifted = Arrays.stream(c.logits()).map(z -> z + shift).toArray();

            double[] expected = c.sampler().probabilities(c.logits());
            double[] actual = c.sampler().probabilities(shifted);

            assertThat(actual).describedAs("probabilities of %s shifted by %s", c, shift)
                    .containsExactly(expected, offset(1e-6));
        });
    }

    @Test
    @Order(4)
    @DisplayName("the frequencies of 4,000 samples are within 5 sigma of the probabilities")
    void frequenciesConvergeToTheProbabilities() {
        int n = 4000;
        qt().withExamples(20).forAll(cases()).checkAssert(c -> {
            double[] p = c.sampler().probabilities(c.logits());
            SplittableRandom random = new SplittableRandom(c.seed());
            int[] counts = new int[p.length];

            for (int i = 0; i < n; i++) {
                counts[c.sampler().sample(c.logits(), random)]++;
            }

            for (int v = 0; v < p.length; v++) {
                double sigma = Math.sqrt(n * p[v] * (1 - p[v]));
                assertThat((double) counts[v]).describedAs("how often token %s of %s was drawn in %s samples: about"
                        + " n p = %s, within 5 sigma = %s", v, c, n, n * p[v], Tolerance.SIGMAS * sigma)
                        .isCloseTo(n * p[v], offset(Tolerance.SIGMAS * sigma + 1e-9));
            }
        });
    }

    @Test
    @Order(5)
    @DisplayName("n samples take exactly n draws: the generator then continues where n draws leave it")
    void eachSampleTakesExactlyOneDraw() {
        qt().forAll(cases(), SourceDSL.integers().between(0, 5)).checkAssert((c, n) -> {
            SplittableRandom used = new SplittableRandom(c.seed());
            SplittableRandom fresh = new SplittableRandom(c.seed());

            for (int i = 0; i < n; i++) {
                c.sampler().sample(c.logits(), used);
                fresh.nextDouble();
            }

            assertThat(used.nextDouble()).describedAs("the draw after %s samples of %s: one nextDouble() per sample", n, c)
                    .isEqualTo(fresh.nextDouble());
        });
    }
}
