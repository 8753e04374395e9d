package kata.decoding;

import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
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
@Order(4)
@DisplayName("16 Decoding: beam search, properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BeamSearchProperties {

    private static final int[] PREFIX = {ToyModels.START};

    /** A random toy model of 2 or 3 tokens (END is one of them) and search settings. */
    record Case(long seed, int vocabSize, int end, int maxTokens, int beamWidth, boolean normalized) {
        LanguageModel model() {
            return ToyModels.random(seed, vocabSize);
        }

        @Override
        public String toString() {
            return "model seed " + seed + ", V " + vocabSize + ", END " + end + ", maxTokens " + maxTokens
                    + ", beamWidth " + beamWidth + ", normalized " + normalized;
        }
    }

    private static Gen<Case> cases() {
        return SourceDSL.longs().all().zip(SourceDSL.integers().between(2, 3), SourceDSL.integers().between(0, 3),
                SourceDSL.integers().between(1, 4), (seed, vocabSize, maxTokens, width) ->
                        new Case(seed, vocabSize, (int) Math.floorMod(seed, (long) vocabSize), maxTokens, width, seed % 2 == 0));
    }

    @Test
    @Order(1)
    @DisplayName("a beam at least V^maxTokens wide returns the ranking of exhaustive enumeration")
    void aWideEnoughBeamIsExhaustive() {
        qt().forAll(cases()).checkAssert(c -> {
            int width = (int) Math.pow(c.vocabSize(), c.maxTokens());
            List<ToyModels.Scored> expected = ToyModels.exhaustive(c.model(), PREFIX, c.end(), c.maxTokens(), c.normalized());

            List<Hypothesis> actual = new BeamSearch(width, c.end(), c.maxTokens(), c.normalized()).search(c.model(), PREFIX);

            assertThat(actual).describedAs("results of a beam %s wide for %s: every sequence (%s)", width, c, expected)
                    .hasSize(Math.min(width, expected.size()));
            for (int i = 0; i < actual.size(); i++) {
                assertThat(actual.get(i).tokens()).describedAs("result %s for %s, exhaustive ranking %s", i, c, expected)
                        .containsExactly(expected.get(i).tokens());
                assertThat(actual.get(i).score()).describedAs("score of result %s for %s", i, c)
                        .isCloseTo(expected.get(i).score(), offset(Tolerance.DEFAULT));
            }
        });
    }

    @Test
    @Order(2)
    @DisplayName("a beam of width 1 returns the greedy sequence")
    void aBeamOfOneIsGreedy() {
        qt().forAll(cases()).checkAssert(c -> {
            List<Hypothesis> actual = new BeamSearch(1, c.end(), c.maxTokens(), c.normalized()).search(c.model(), PREFIX);

            assertThat(actual).describedAs("results of a beam of 1 for %s", c).hasSize(1);
            assertThat(actual.get(0).tokens()).describedAs("the beam of 1 for %s: the argmax until END", c)
                    .containsExactly(ToyModels.greedy(c.model(), PREFIX, c.end(), c.maxTokens()));
        });
    }

    @Test
    @Order(3)
    @DisplayName("each hypothesis's log-probability is the sum along its tokens and its score follows from it")
    void eachLogProbabilityIsTheSumAlongItsTokens() {
        qt().forAll(cases()).checkAssert(c -> {
            List<Hypothesis> actual = new BeamSearch(c.beamWidth(), c.end(), c.maxTokens(), c.normalized())
                    .search(c.model(), PREFIX);

            for (Hypothesis h : actual) {
                double sum = 0.0;
                int[] tokens = h.tokens();
                for (int i = 0; i < tokens.length; i++) {
                    int[] before = ToyModels.concat(PREFIX, java.util.Arrays.copyOf(tokens, i));
                    sum += c.model().logProbabilities(before)[tokens[i]];
                }
                boolean endsWithEnd = tokens.length > 0 && tokens[tokens.length - 1] == c.end();
                assertThat(h.logProbability()).describedAs("log-probability of %s for %s", h, c)
                        .isCloseTo(sum, offset(Tolerance.DEFAULT));
                assertThat(h.score()).describedAs("score of %s for %s", h, c).isCloseTo(
                        c.normalized() && tokens.length > 0 ? sum / tokens.length : sum, offset(Tolerance.DEFAULT));
                assertThat(h.finished()).describedAs("finished means the last token is END: %s", h).isEqualTo(endsWithEnd);
                assertThat(endsWithEnd || tokens.length == c.maxTokens())
                        .describedAs("a hypothesis either ends with END or was cut at maxTokens: %s for %s", h, c).isTrue();
            }
        });
    }
}
