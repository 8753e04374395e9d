package kata.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kata.support.Tensor;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-14")
@Order(8)
@DisplayName("14 Calculator: greedy decoding, with stand-in predictors")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecodingSpec {

    private static final int START = 1;
    private static final int END = 2;
    private static final int[] SOURCE = {4, 4, 11, 3, 4, 8, 9};

    /**
     * A stand-in that knows the whole target and answers like a causal model: row t of its logits
     * depends only on decoderInput[0..t] and scores target[t + 1] highest, as long as that prefix is
     * the target's (every logit is negative, the best -1). It records every decoder input and fails
     * on a source other than the expected one, or a batch of more than one.
     */
    private static final class Scripted implements Predictor {
        private final int[] source;
        private final int[] target;
        private final List<int[]> inputs = new ArrayList<>();

        Scripted(int[] source, int... target) {
            this.source = source.clone();
            this.target = target;
        }

        @Override
        public Tensor logits(int[][] sources, int[][] decoderInput) {
            assertThat(sources).describedAs("one source per call, the one being decoded").isDeepEqualTo(new int[][] {source});
            assertThat(decoderInput).describedAs("one decoder input per call").hasNumberOfRows(1);
            int[] tokens = decoderInput[0];
            inputs.add(tokens.clone());
            int length = tokens.length;
            Tensor logits = Tensor.zeros(1, length, 14);
            for (int t = 0; t < length; t++) {
                boolean onScript = Arrays.equals(Arrays.copyOf(tokens, t + 1), Arrays.copyOf(target, t + 1));
                int best = onScript && t + 1 < target.length ? target[t + 1] : 13 - t;
                for (int v = 0; v < 14; v++) {
                    logits.set(v == best ? -1.0 : -10.0 - v, 0, t, v);
                }
            }
            return logits;
        }

        List<int[]> inputs() {
            return inputs;
        }
    }

    @Test
    @Order(1)
    @DisplayName("decoding stops at END and does not return it: ^2500$ gives [2, 5, 0, 0]")
    void decodingStopsAtEndAndDropsIt() {
        Scripted predictor = new Scripted(SOURCE, START, 6, 9, 4, 4, END);

        int[] tokens = Decoding.greedy(predictor, SOURCE, 5);

        assertThat(tokens).describedAs("the tokens after START, END left out").containsExactly(6, 9, 4, 4);
        assertThat(predictor.inputs()).describedAs("five calls: four digits, then END stops it").hasSize(5);
    }

    @Test
    @Order(2)
    @DisplayName("decoding stops after maxTokens tokens when END does not come, and maxTokens 0 asks nothing")
    void decodingStopsAtMaxTokens() {
        Scripted predictor = new Scripted(SOURCE, START, 6, 9, 4, 4, 5, 5, END);

        int[] tokens = Decoding.greedy(predictor, SOURCE, 3);
        Scripted unasked = new Scripted(SOURCE, START, 6, END);
        int[] none = Decoding.greedy(unasked, SOURCE, 0);

        assertThat(tokens).describedAs("three tokens, no END yet").containsExactly(6, 9, 4);
        assertThat(predictor.inputs()).describedAs("one call per token").hasSize(3);
        assertThat(none).isEmpty();
        assertThat(unasked.inputs()).describedAs("maxTokens 0: no call").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("each step feeds its own argmax back: the predictor reads ^, ^2, ^25, ^250, ^2500")
    void eachStepFeedsItsOwnArgmaxBack() {
        Scripted predictor = new Scripted(SOURCE, START, 6, 9, 4, 4, END);

        Decoding.greedy(predictor, SOURCE, 5);

        assertThat(predictor.inputs()).describedAs("START, then each chosen token appended, read from the last row"
                + " of the logits (the first row always scores the first digit)")
                .containsExactly(new int[] {START}, new int[] {START, 6}, new int[] {START, 6, 9}, new int[] {START, 6, 9, 4},
                        new int[] {START, 6, 9, 4, 4});
    }

    @Test
    @Order(4)
    @DisplayName("the argmax of negative logits is the largest, and equal maxima go to the lowest id")
    void theArgmaxTakesTheLowestOfEqualMaxima() {
        Predictor ties = (sources, decoderInput) -> {
            Tensor logits = Tensor.zeros(1, decoderInput[0].length, 14);
            for (int v = 0; v < 14; v++) {
                logits.set(v == 7 || v == 9 ? -3.0 : -5.0, 0, decoderInput[0].length - 1, v);
            }
            return logits;
        };

        int[] tokens = Decoding.greedy(ties, SOURCE, 2);

        assertThat(tokens).describedAs("ids 7 and 9 tie at -3, every other id scores -5: 7 wins, twice").containsExactly(7, 7);
    }

    @Test
    @Order(5)
    @DisplayName("the source is left untouched and a fresh array is returned")
    void theSourceIsLeftUntouched() {
        int[] source = SOURCE.clone();
        Inputs inputs = Inputs.snapshot("source", source);

        int[] tokens = Decoding.greedy(new Scripted(SOURCE, START, 6, END), source, 5);

        inputs.assertUntouched();
        assertThat(tokens).containsExactly(6).isNotSameAs(source);
    }

    @Test
    @Order(6)
    @DisplayName("answer decodes the greedy tokens over the problem's source: 7+45 REVERSED is \"2500\"")
    void answerDecodesTheGreedyTokens() {
        Problem problem = new Problem(7, 45);
        Scripted reversed = new Scripted(Dataset.source(problem, Format.REVERSED), Dataset.target(problem, Format.REVERSED));
        Scripted plain = new Scripted(Dataset.source(problem, Format.PLAIN), START, 9, 6, END);

        assertThat(Decoding.answer(reversed, problem, Format.REVERSED)).describedAs("^2500$ without START and END")
                .isEqualTo("2500");
        assertThat(Decoding.answer(plain, problem, Format.PLAIN)).isEqualTo("52");
    }

    @Test
    @Order(7)
    @DisplayName("answer asks for at most five tokens (four digits and END) and keeps only the digits")
    void answerKeepsOnlyTheDigits() {
        Problem problem = new Problem(1, 2);
        int[] source = Dataset.source(problem, Format.REVERSED);
        Scripted endless = new Scripted(source, START, 11, 11, 11, 11, 11, 11, 11, END);
        Scripted symbols = new Scripted(source, START, 11, 3, 1, 0, 4, END);

        assertThat(Decoding.answer(endless, problem, Format.REVERSED)).describedAs("targetLength - 1 = 5 tokens at most")
                .isEqualTo("77777");
        assertThat(endless.inputs()).hasSize(5);
        assertThat(Decoding.answer(symbols, problem, Format.REVERSED)).describedAs("7 + ^ _ 0: '+', START and PAD dropped")
                .isEqualTo("70");
    }

    @Test
    @Order(8)
    @DisplayName("a negative maxTokens is rejected, naming maxTokens")
    void aNegativeMaxTokensIsRejected() {
        assertThatIllegalArgumentException().describedAs("no sequence has fewer than 0 tokens")
                .isThrownBy(() -> Decoding.greedy(new Scripted(SOURCE, START, END), SOURCE, -1))
                .withMessageContaining("maxTokens");
    }
}
