package kata.decoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-16")
@Order(3)
@DisplayName("16 Decoding: beam search, examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BeamSearchSpec {

    private static final int END = 0;
    private static final int A = 1;
    private static final int B = 2;
    private static final int[] PREFIX = {ToyModels.START};

    /**
     * Tokens END, a, b. Greedy takes a (0.5), then a (0.35, the lower id of two), then END (0.5): 0.0875.
     * The best sequence is b (0.4) then END (0.9): 0.36.
     */
    private static final Map<String, double[]> GREEDY_IS_WRONG = Map.of(
            "[]", new double[] {0.1, 0.5, 0.4},
            "[1]", new double[] {0.3, 0.35, 0.35},
            "[2]", new double[] {0.9, 0.05, 0.05},
            "[1, 1]", new double[] {0.5, 0.25, 0.25},
            "[1, 2]", new double[] {0.5, 0.25, 0.25},
            "[2, 1]", new double[] {0.5, 0.25, 0.25},
            "[2, 2]", new double[] {0.5, 0.25, 0.25});

    /** Tokens END, a. Raw log-probability prefers [END] (0.4); per token [a, a, END] (0.324, three tokens). */
    private static final Map<String, double[]> SHORT_OR_LONG = Map.of(
            "[]", new double[] {0.4, 0.6},
            "[1]", new double[] {0.1, 0.9},
            "[1, 1]", new double[] {0.6, 0.4});

    @Test
    @Order(1)
    @DisplayName("where greedy decoding is wrong, a beam of 2 finds the most probable sequence")
    void aBeamOfTwoFindsWhatGreedyMisses() {
        LanguageModel model = ToyModels.table(GREEDY_IS_WRONG);

        List<Hypothesis> results = new BeamSearch(2, END, 3, false).search(model, PREFIX);

        assertThat(results.get(0).tokens()).describedAs("the best of a beam of 2: b (0.4) then END (0.9) = 0.36 beats"
                + " greedy's a, a, END = 0.0875").containsExactly(B, END);
        assertThat(results.get(0).logProbability()).describedAs("its log-probability ln 0.4 + ln 0.9")
                .isCloseTo(Math.log(0.36), offset(Tolerance.DEFAULT));
        assertThat(results.get(0).finished()).describedAs("it ends with END").isTrue();
        assertThat(results.get(0).tokens()).describedAs("the best of exhaustive enumeration")
                .containsExactly(ToyModels.exhaustive(model, PREFIX, END, 3, false).get(0).tokens());
    }

    @Test
    @Order(2)
    @DisplayName("a beam of width 1 is greedy decoding")
    void aBeamOfOneIsGreedy() {
        LanguageModel model = ToyModels.table(GREEDY_IS_WRONG);

        List<Hypothesis> results = new BeamSearch(1, END, 3, false).search(model, PREFIX);

        assertThat(results).describedAs("one beam gives one result").hasSize(1);
        assertThat(results.get(0).tokens()).describedAs("greedy: a (0.5), a (0.35, the lower id of the tie), END (0.5)")
                .containsExactly(A, A, END);
        assertThat(results.get(0).logProbability()).describedAs("ln(0.5 * 0.35 * 0.5)")
                .isCloseTo(Math.log(0.0875), offset(Tolerance.DEFAULT));
    }

    @Test
    @Order(3)
    @DisplayName("the results are every finished and cut hypothesis ranked by log-probability, the best beamWidth")
    void theResultsAreRankedBestFirst() {
        List<Hypothesis> results = new BeamSearch(2, END, 3, false).search(ToyModels.table(GREEDY_IS_WRONG), PREFIX);

        assertThat(results).describedAs("results of a beam of 2: at most 2").hasSize(2);
        assertThat(results.get(1).tokens()).describedAs("the second: a, a, END (0.0875) beats the open a, a, a"
                + " (0.04375)").containsExactly(A, A, END);
        assertThat(results.get(1).score()).describedAs("its score, the log-probability without normalization")
                .isCloseTo(Math.log(0.0875), offset(Tolerance.DEFAULT));
    }

    @Test
    @Order(4)
    @DisplayName("a hypothesis that reaches END is finished and never extended: the model is asked only about open beams")
    void endFinishesAHypothesis() {
        List<String> asked = new ArrayList<>();
        LanguageModel table = ToyModels.table(GREEDY_IS_WRONG);
        LanguageModel model = prefix -> {
            asked.add(Arrays.toString(prefix));
            return table.logProbabilities(prefix);
        };

        new BeamSearch(2, END, 3, false).search(model, PREFIX);

        assertThat(asked).describedAs("the prefixes asked by a beam of 2: START; then the open beams a and b; then"
                        + " only a, a, since b, END finished at step 2 and a, b lost the tie to a, a")
                .containsExactly("[7]", "[7, 1]", "[7, 2]", "[7, 1, 1]");
    }

    @Test
    @Order(5)
    @DisplayName("maxTokens cuts the search: the open beams are returned unfinished")
    void maxTokensCutsTheSearch() {
        List<Hypothesis> results = new BeamSearch(2, END, 1, false).search(ToyModels.table(GREEDY_IS_WRONG), PREFIX);

        assertThat(results).describedAs("one step of a beam of 2").hasSize(2);
        assertThat(results.get(0).tokens()).describedAs("the best after one token").containsExactly(A);
        assertThat(results.get(0).finished()).describedAs("a, cut at maxTokens = 1, is not finished").isFalse();
        assertThat(results.get(1).tokens()).describedAs("the second after one token").containsExactly(B);
        assertThat(results.get(1).logProbability()).isCloseTo(Math.log(0.4), offset(Tolerance.DEFAULT));
    }

    @Test
    @Order(6)
    @DisplayName("length normalization ranks by log-probability per token, END included, and can change the winner")
    void lengthNormalizationChangesTheWinner() {
        LanguageModel model = ToyModels.table(SHORT_OR_LONG);

        List<Hypothesis> raw = new BeamSearch(2, END, 3, false).search(model, PREFIX);
        List<Hypothesis> normalized = new BeamSearch(2, END, 3, true).search(model, PREFIX);

        assertThat(raw.get(0).tokens()).describedAs("by raw log-probability: END alone (0.4 > 0.324)").containsExactly(END);
        assertThat(normalized.get(0).tokens()).describedAs("per token: a, a, END, ln(0.324) / 3 = -0.376 beats"
                + " ln(0.4) / 1 = -0.916").containsExactly(A, A, END);
        assertThat(normalized.get(0).score()).describedAs("its score: the log-probability over 3 tokens, END counted")
                .isCloseTo(Math.log(0.324) / 3, offset(Tolerance.DEFAULT));
        assertThat(normalized.get(0).logProbability()).describedAs("its log-probability stays the sum")
                .isCloseTo(Math.log(0.324), offset(Tolerance.DEFAULT));
        assertThat(normalized.get(1).tokens()).describedAs("second per token: the open a, a, a, ln(0.216) / 3 = -0.511")
                .containsExactly(A, A, A);
    }

    @Test
    @Order(7)
    @DisplayName("with maxTokens 0 the result is the empty hypothesis, open, of log-probability and score 0")
    void maxTokensZeroGivesTheEmptyHypothesis() {
        LanguageModel model = ToyModels.table(Map.of());

        List<Hypothesis> results = new BeamSearch(3, END, 0, true).search(model, PREFIX);

        assertThat(results).describedAs("results of maxTokens = 0").hasSize(1);
        assertThat(results.get(0).tokens()).isEmpty();
        assertThat(results.get(0).finished()).isFalse();
        assertThat(results.get(0).logProbability()).isZero();
        assertThat(results.get(0).score()).describedAs("normalized score of no token: 0, not 0 / 0").isZero();
    }

    // ---- contracts ----

    @Test
    @Order(8)
    @DisplayName("the prefix is left untouched and the model gets a fresh array every time, the first time too")
    void thePrefixStaysUntouched() {
        int[] prefix = {ToyModels.START};
        Inputs inputs = Inputs.snapshot("prefix", prefix);
        List<int[]> received = new ArrayList<>();
        LanguageModel table = ToyModels.table(GREEDY_IS_WRONG);
        LanguageModel model = given -> {
            received.add(given);
            return table.logProbabilities(given);
        };

        new BeamSearch(2, END, 3, false).search(model, prefix);

        inputs.assertUntouched();
        for (int[] given : received) {
            assertThat(given).describedAs("the array the model was given must not be the caller's prefix").isNotSameAs(prefix);
        }
    }

    @Test
    @Order(9)
    @DisplayName("a beam width below 1 or a negative maxTokens is rejected, naming it")
    void badSettingsAreRejected() {
        assertThatIllegalArgumentException().describedAs("beamWidth = 0 must be rejected")
                .isThrownBy(() -> new BeamSearch(0, END, 3, false)).withMessageContaining("beamWidth");
        assertThatIllegalArgumentException().describedAs("maxTokens = -1 must be rejected")
                .isThrownBy(() -> new BeamSearch(2, END, -1, false)).withMessageContaining("maxTokens");
    }
}
