package kata.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Offset.offset;

import java.util.random.RandomGenerator;
import kata.support.Seeds;
import kata.support.Tolerance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-16")
@Order(1)
@DisplayName("16 Decoding: sampling, examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplerSpec {

    private static final int ALL = Integer.MAX_VALUE;
    private static final double NEG = Double.NEGATIVE_INFINITY;

    /** ln 1, ln 2, ln 3, ln 4: at temperature 1 the probabilities 0.1, 0.2, 0.3, 0.4. */
    private static final double[] ONE_TO_FOUR = {0.0, Math.log(2), Math.log(3), Math.log(4)};

    // ---- the distribution, step by step ----

    @Test
    @Order(1)
    @DisplayName("at temperature 1 with nothing filtered the distribution is the softmax of the logits")
    void temperatureOneIsTheSoftmax() {
        double[] logits = {0.0, Math.log(2), Math.log(3)};

        double[] p = new Sampler(1.0, ALL, 1.0).probabilities(logits);

        assertThat(p).describedAs("softmax of [ln 1, ln 2, ln 3] is [1, 2, 3] / 6")
                .containsExactly(new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6}, offset(Tolerance.DEFAULT));
    }

    @Test
    @Order(2)
    @DisplayName("temperature divides the logits: 0.5 sharpens the distribution and 2 flattens it")
    void temperatureDividesTheLogits() {
        double[] logits = {0.0, Math.log(2), Math.log(3)};

        double[] sharp = new Sampler(0.5, ALL, 1.0).probabilities(logits);
        double[] flat = new Sampler(2.0, ALL, 1.0).probabilities(new double[] {0.0, 2 * Math.log(2), 2 * Math.log(3)});

        assertThat(sharp).describedAs("softmax([ln 1, ln 2, ln 3] / 0.5) = [1, 4, 9] / 14: the logits divided by tau,"
                        + " not multiplied")
                .containsExactly(new double[] {1.0 / 14, 4.0 / 14, 9.0 / 14}, offset(Tolerance.DEFAULT));
        assertThat(flat).describedAs("softmax([0, 2 ln 2, 2 ln 3] / 2) = [1, 2, 3] / 6")
                .containsExactly(new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6}, offset(Tolerance.DEFAULT));
    }

    @Test
    @Order(3)
    @DisplayName("temperature 0 is the limit of ever smaller temperatures: all the probability on the argmax, lowest id on ties")
    void temperatureZeroIsTheArgmax() {
        double[] logits = {1.0, 3.0, 3.0, 2.0, 0.0};

        double[] p = new Sampler(0.0, ALL, 1.0).probabilities(logits);
        double[] zeros = new Sampler(0.0, ALL, 1.0).probabilities(new double[] {0.0, -1.0, 0.0});

        assertThat(p).describedAs("tau = 0 on [1, 3, 3, 2, 0]: a one-hot on token 1, the first of the two maxima;"
                        + " never z / 0, which gives NaN and infinities")
                .containsExactly(0, 1, 0, 0, 0);
        assertThat(zeros).describedAs("tau = 0 on [0, -1, 0]: a one-hot on token 0 (0 / 0 would be NaN)")
                .containsExactly(1, 0, 0);
    }

    @Test
    @Order(4)
    @DisplayName("top-k keeps the k largest logits and renormalizes them")
    void topKKeepsTheKLargest() {
        double[] p = new Sampler(1.0, 2, 1.0).probabilities(ONE_TO_FOUR);

        assertThat(p).describedAs("top-2 of the probabilities [1, 2, 3, 4] / 10: tokens 2 and 3, renormalized to"
                        + " [3, 4] / 7, the others 0")
                .containsExactly(new double[] {0, 0, 3.0 / 7, 4.0 / 7}, offset(Tolerance.DEFAULT));
    }

    @Test
    @Order(5)
    @DisplayName("top-k breaks a tie at its boundary toward the lower id")
    void topKBreaksTiesTowardTheLowerId() {
        double[] logits = {0.0, 1.0, 0.0, 1.0, 2.0};

        double[] p = new Sampler(1.0, 2, 1.0).probabilities(logits);

        double e = Math.E;
        assertThat(p).describedAs("top-2 of [0, 1, 0, 1, 2]: token 4 and, of the equal tokens 1 and 3, token 1")
                .containsExactly(new double[] {0, 1 / (1 + e), 0, 0, e / (1 + e)}, offset(Tolerance.DEFAULT));
    }

    @Test
    @Order(6)
    @DisplayName("top-p keeps the most probable tokens up to and including the one that crosses p")
    void topPKeepsTheTokenThatCrossesP() {
        double[] p = new Sampler(1.0, ALL, 0.5).probabilities(ONE_TO_FOUR);

        assertThat(p).describedAs("top-p 0.5 of [0.1, 0.2, 0.3, 0.4]: 0.4 alone is below 0.5, 0.4 + 0.3 reaches it,"
                        + " so tokens 3 and 2 stay (the one that crosses p included), renormalized to [3, 4] / 7")
                .containsExactly(new double[] {0, 0, 3.0 / 7, 4.0 / 7}, offset(Tolerance.DEFAULT));
    }

    @Test
    @Order(7)
    @DisplayName("top-p stops as soon as the sum reaches p exactly, and a confident model keeps its top token alone")
    void topPStopsWhenTheSumReachesP() {
        double[] halves = new Sampler(1.0, ALL, 0.5).probabilities(new double[] {0.0, 0.0});
        double[] confident = new Sampler(1.0, ALL, 0.3).probabilities(ONE_TO_FOUR);

        assertThat(halves).describedAs("top-p 0.5 of [0.5, 0.5]: the first token reaches 0.5 (sum >= p), so the"
                        + " second goes; of equal probabilities the lower id comes first")
                .containsExactly(1, 0);
        assertThat(confident).describedAs("top-p 0.3 of [0.1, 0.2, 0.3, 0.4]: token 3 alone already crosses 0.3")
                .containsExactly(0, 0, 0, 1);
    }

    @Test
    @Order(8)
    @DisplayName("the steps compose in order: temperature, then top-k, then top-p on the renormalized top-k")
    void theStepsComposeInTheDocumentedOrder() {
        double[] cold = new Sampler(1.0, 3, 0.75).probabilities(ONE_TO_FOUR);
        double[] warm = new Sampler(2.0, 3, 0.75).probabilities(ONE_TO_FOUR);

        assertThat(cold).describedAs("tau 1, top-3, top-p 0.75: top-3 renormalizes to [2, 3, 4] / 9, where 4/9 + 3/9"
                        + " = 0.78 reaches 0.75; top-p on the unrenormalized [0.1 .. 0.4] would need three tokens")
                .containsExactly(new double[] {0, 0, 3.0 / 7, 4.0 / 7}, offset(Tolerance.DEFAULT));
        double s2 = Math.sqrt(2);
        double s3 = Math.sqrt(3);
        double sum = s2 + s3 + 2;
        assertThat(warm).describedAs("tau 2 first: sqrt([1, 2, 3, 4]), top-3 [sqrt 2, sqrt 3, 2] / %.4f, where the top"
                        + " two sum to 0.725 < 0.75, so all three stay; applying tau after the filters would keep two", sum)
                .containsExactly(new double[] {0, s2 / sum, s3 / sum, 2 / sum}, offset(Tolerance.DEFAULT));
    }

    @Test
    @Order(9)
    @DisplayName("a logit of -infinity is a token that can never be drawn")
    void minusInfinityIsNeverDrawn() {
        double[] p = new Sampler(1.0, ALL, 1.0).probabilities(new double[] {NEG, 0.0, NEG, 0.0});

        assertThat(p).describedAs("softmax of [-inf, 0, -inf, 0]").containsExactly(0, 0.5, 0, 0.5);
    }

    // ---- the draw ----

    @Test
    @Order(10)
    @DisplayName("a sample is one draw u and the inverse CDF walked in increasing token id")
    void aSampleIsTheInverseCdfInIdOrder() {
        Sampler sampler = new Sampler(1.0, ALL, 1.0);
        double[] draws = {0.05, 0.25, 0.35, 0.65, 0.95};
        int[] expected = {0, 1, 2, 3, 3};

        for (int i = 0; i < draws.length; i++) {
            Draws random = new Draws(draws[i]);

            int token = sampler.sample(ONE_TO_FOUR, random);

            assertThat(token).describedAs("the token for u = %s over [0.1, 0.2, 0.3, 0.4], cumulative 0.1, 0.3, 0.6, 1:"
                    + " the first id whose cumulative probability exceeds u (ids in increasing order, not by"
                    + " probability)", draws[i]).isEqualTo(expected[i]);
            assertThat(random.used()).describedAs("draws per sample").isEqualTo(1);
        }
    }

    @Test
    @Order(11)
    @DisplayName("a draw on the boundary of two tokens belongs to the later one, and u = 0 to the first possible token")
    void aDrawOnABoundaryGoesToTheLaterToken() {
        Sampler sampler = new Sampler(1.0, ALL, 1.0);
        double[] halves = {0.0, 0.0};

        int onBoundary = sampler.sample(halves, new Draws(0.5));
        int atZero = sampler.sample(new double[] {NEG, 0.0, 0.0}, new Draws(0.0));

        assertThat(onBoundary).describedAs("u = 0.5 over [0.5, 0.5]: the cumulative 0.5 of token 0 is not greater"
                + " than u, so token 1 (P(u < 0.5) is exactly 0.5)").isEqualTo(1);
        assertThat(atZero).describedAs("u = 0 over [0, 0.5, 0.5]: token 1, never the impossible token 0").isEqualTo(1);
    }

    @Test
    @Order(12)
    @DisplayName("filtered tokens are never drawn, even by the largest draw below 1")
    void filteredTokensAreNeverDrawn() {
        Sampler topTwo = new Sampler(1.0, 2, 1.0);
        double[] reversed = {Math.log(4), Math.log(3), Math.log(2), 0.0};
        double largest = Math.nextDown(1.0);

        int low = topTwo.sample(reversed, new Draws(0.0));
        int high = topTwo.sample(reversed, new Draws(largest));

        assertThat(low).describedAs("top-2 of [0.4, 0.3, 0.2, 0.1], u = 0").isZero();
        assertThat(high).describedAs("top-2 of [0.4, 0.3, 0.2, 0.1], u just below 1: token 1, the last kept one, not"
                + " the filtered tokens 2 or 3").isEqualTo(1);
        double[] rounded = {Math.log(11), Math.log(5), Math.log(12), Math.log(6), Math.log(13), Math.log(7), 0.0,
            Math.log(8), NEG};
        assertThat(new Sampler(1.0, ALL, 1.0).sample(rounded, new Draws(largest)))
                .describedAs("[11, 5, 12, 6, 13, 7, 1, 8, 0] / 63, whose cumulative sum rounds to 0.9999999999999998,"
                        + " below the draw: the last token with a non-zero probability, 7, never the impossible 8")
                .isEqualTo(7);
    }

    @Test
    @Order(13)
    @DisplayName("temperature 0 still takes exactly one draw and returns the argmax whatever it is")
    void temperatureZeroStillDrawsOnce() {
        Sampler greedy = new Sampler(0.0, ALL, 1.0);
        Draws random = new Draws(Math.nextDown(1.0));

        int token = greedy.sample(new double[] {0.5, 2.0, 2.0, -1.0}, random);

        assertThat(token).describedAs("tau = 0 on [0.5, 2, 2, -1]: the argmax, token 1").isEqualTo(1);
        assertThat(random.used()).describedAs("draws per sample at temperature 0: one, as at any temperature, so"
                + " that one seed gives the same stream whatever the settings").isEqualTo(1);
    }

    @Test
    @Order(14)
    @DisplayName("a fixed seed gives exact counts: 1,000 samples of seed 16")
    void aFixedSeedGivesExactCounts() {
        RandomGenerator plain = Seeds.random(16);
        RandomGenerator filtered = Seeds.random(16);
        int[] counts = new int[4];
        int[] filteredCounts = new int[4];

        for (int i = 0; i < 1000; i++) {
            counts[new Sampler(1.0, ALL, 1.0).sample(ONE_TO_FOUR, plain)]++;
            filteredCounts[new Sampler(1.0, 3, 0.75).sample(ONE_TO_FOUR, filtered)]++;
        }

        // Counted with the reference solution; Seeds.random is SplittableRandom, the same on every JDK.
        assertThat(counts).describedAs("counts of tokens 0 .. 3 over [0.1, 0.2, 0.3, 0.4], one draw each, inverse CDF"
                + " in id order").containsExactly(106, 188, 287, 419);
        assertThat(filteredCounts).describedAs("the same draws with top-3 and top-p 0.75: [0, 0, 3/7, 4/7]")
                .containsExactly(0, 0, 421, 579);
    }

    // ---- numerical extremes ----

    @Test
    @Order(15)
    @DisplayName("logits of 1e4 and a temperature of 1e-3 give finite probabilities: the largest kept logit is subtracted first")
    void largeLogitsAndTinyTemperaturesStayFinite() {
        double[] large = new Sampler(1.0, ALL, 1.0).probabilities(new double[] {1e4, 1e4 + Math.log(2)});
        double[] cold = new Sampler(1e-3, ALL, 1.0).probabilities(new double[] {1.0, 1.001});

        assertThat(large).describedAs("softmax of [1e4, 1e4 + ln 2]: exp(1e4) overflows, exp(z - max) does not")
                .containsExactly(new double[] {1.0 / 3, 2.0 / 3}, offset(Tolerance.DEFAULT));
        double e = Math.E;
        assertThat(cold).describedAs("[1, 1.001] / 1e-3 = [1000, 1001]: [1, e] / (1 + e)")
                .containsExactly(new double[] {1 / (1 + e), e / (1 + e)}, offset(1e-9));
    }

    @Test
    @Order(16)
    @DisplayName("log-softmax is z - max - ln(sum exp(z - max)): finite at 1e4, -infinity for an impossible token")
    void logSoftmaxIsStable() {
        double[] small = Sampler.logSoftmax(new double[] {0.0, Math.log(2), Math.log(3)});
        double[] large = Sampler.logSoftmax(new double[] {1e4, 1e4 + Math.log(2), NEG});

        assertThat(small).describedAs("log-softmax of [ln 1, ln 2, ln 3] = ln([1, 2, 3] / 6)")
                .containsExactly(new double[] {Math.log(1.0 / 6), Math.log(2.0 / 6), Math.log(3.0 / 6)},
                        offset(Tolerance.DEFAULT));
        assertThat(large).describedAs("log-softmax of [1e4, 1e4 + ln 2, -inf] = [ln 1/3, ln 2/3, -inf]")
                .containsExactly(new double[] {Math.log(1.0 / 3), Math.log(2.0 / 3), NEG}, offset(Tolerance.DEFAULT));
    }

    // ---- contracts ----

    @Test
    @Order(17)
    @DisplayName("the logits are left untouched and every result is a fresh array")
    void logitsStayUntouchedAndResultsAreFresh() {
        double[] logits = {0.0, Math.log(2), Math.log(3), Math.log(4)};
        double[] single = {2.5};
        Sampler sampler = new Sampler(0.7, 3, 0.9);

        double[] p = sampler.probabilities(logits);
        double[] logP = Sampler.logSoftmax(logits);
        double[] one = new Sampler(1.0, ALL, 1.0).probabilities(single);
        double[] oneLog = Sampler.logSoftmax(single);
        sampler.sample(logits, new Draws(0.5));

        assertThat(logits).describedAs("the logits after probabilities, logSoftmax and sample").containsExactly(ONE_TO_FOUR);
        assertThat(single).describedAs("a single logit after probabilities and logSoftmax").containsExactly(2.5);
        assertThat(p).describedAs("probabilities must be a fresh array").isNotSameAs(logits);
        assertThat(logP).describedAs("logSoftmax must be a fresh array").isNotSameAs(logits);
        assertThat(one).describedAs("one token: probability 1, in a fresh array").containsExactly(1).isNotSameAs(single);
        assertThat(oneLog).describedAs("one token: log-probability 0, in a fresh array").containsExactly(0).isNotSameAs(single);
    }

    @Test
    @Order(18)
    @DisplayName("settings outside their range are rejected, naming temperature, topK or topP")
    void badSettingsAreRejected() {
        double[] temperatures = {-0.1, Double.NaN, Double.POSITIVE_INFINITY};
        double[] topPs = {0.0, -0.5, 1.5, Double.NaN};

        for (double temperature : temperatures) {
            assertThatIllegalArgumentException().describedAs("temperature = %s must be rejected", temperature)
                    .isThrownBy(() -> new Sampler(temperature, ALL, 1.0)).withMessageContaining("temperature");
        }
        assertThatIllegalArgumentException().describedAs("topK = 0 must be rejected")
                .isThrownBy(() -> new Sampler(1.0, 0, 1.0)).withMessageContaining("topK");
        for (double topP : topPs) {
            assertThatIllegalArgumentException().describedAs("topP = %s must be rejected: it must be in (0, 1]", topP)
                    .isThrownBy(() -> new Sampler(1.0, ALL, topP)).withMessageContaining("topP");
        }
    }

    @Test
    @Order(19)
    @DisplayName("logits that are empty, NaN, +infinity or all -infinity are rejected, naming logits")
    void badLogitsAreRejected() {
        Sampler sampler = new Sampler(1.0, ALL, 1.0);
        double[][] bad = {{}, {0.0, Double.NaN}, {0.0, Double.POSITIVE_INFINITY}, {NEG, NEG}};

        for (double[] logits : bad) {
            assertThatIllegalArgumentException().describedAs("probabilities of %s", java.util.Arrays.toString(logits))
                    .isThrownBy(() -> sampler.probabilities(logits)).withMessageContaining("logits");
            assertThatIllegalArgumentException().describedAs("logSoftmax of %s", java.util.Arrays.toString(logits))
                    .isThrownBy(() -> Sampler.logSoftmax(logits)).withMessageContaining("logits");
            assertThatIllegalArgumentException().describedAs("sample of %s", java.util.Arrays.toString(logits))
                    .isThrownBy(() -> sampler.sample(logits, new Draws(0.5))).withMessageContaining("logits");
        }
    }
}
