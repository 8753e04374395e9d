package kata.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-14")
@Order(4)
@DisplayName("14 Calculator: the data")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasetSpec {

    private static final int PAD = 0;
    private static final int START = 1;
    private static final int END = 2;

    @Test
    @Order(1)
    @DisplayName("a source is the encoded problem right-padded with PAD to 7: PLAIN 7+45 is \"7+45___\"")
    void aSourceIsPaddedToSeven() {
        assertThat(Dataset.source(new Problem(7, 45), Format.PLAIN)).describedAs("7 + 4 5 then three PAD")
                .containsExactly(11, 3, 8, 9, PAD, PAD, PAD);
        assertThat(Dataset.source(new Problem(7, 45), Format.REVERSED)).describedAs("\"007+045\" fills all 7")
                .containsExactly(4, 4, 11, 3, 4, 8, 9);
    }

    @Test
    @Order(2)
    @DisplayName("a target is START, the encoded answer, END, right-padded with PAD to 6: REVERSED 7+45 is \"^2500$\"")
    void aTargetIsStartAnswerEnd() {
        assertThat(Dataset.target(new Problem(7, 45), Format.REVERSED)).describedAs("^ 2 5 0 0 $")
                .containsExactly(START, 6, 9, 4, 4, END);
        assertThat(Dataset.target(new Problem(7, 45), Format.PLAIN)).describedAs("^ 5 2 $ then two PAD")
                .containsExactly(START, 9, 6, END, PAD, PAD);
        assertThat(Dataset.target(new Problem(0, 0), Format.PLAIN)).describedAs("^ 0 $ then three PAD")
                .containsExactly(START, 4, END, PAD, PAD, PAD);
    }

    @Test
    @Order(3)
    @DisplayName("a batch is the target split for teacher forcing: the decoder reads ^2500 and is taught 2500$")
    void aBatchIsTheTargetSplitForTeacherForcing() {
        Batch batch = Dataset.batch(List.of(new Problem(7, 45), new Problem(0, 0)), Format.PLAIN);

        assertThat(batch.source()).describedAs("one source of 7 ids per problem, in order")
                .isDeepEqualTo(new int[][] {{11, 3, 8, 9, PAD, PAD, PAD}, {4, 3, 4, PAD, PAD, PAD, PAD}});
        assertThat(batch.decoderInput()).describedAs("the target without its last token: START first")
                .isDeepEqualTo(new int[][] {{START, 9, 6, END, PAD}, {START, 4, END, PAD, PAD}});
        assertThat(batch.labels()).describedAs("the target without START: at each position the next token, END included")
                .isDeepEqualTo(new int[][] {{9, 6, END, PAD, PAD}, {4, END, PAD, PAD, PAD}});
    }

    @Test
    @Order(4)
    @DisplayName("labels are the decoder input shifted by one: labels[t] == decoderInput[t + 1], so nothing is copied")
    void labelsAreTheDecoderInputShiftedByOne() {
        Batch batch = Dataset.batch(Dataset.split(3, 50, 0).train(), Format.REVERSED);

        for (int i = 0; i < 50; i++) {
            int[] input = batch.decoderInput()[i];
            int[] labels = batch.labels()[i];
            assertThat(input[0]).describedAs("problem %d: the decoder starts from START", i).isEqualTo(START);
            for (int t = 0; t + 1 < input.length; t++) {
                assertThat(labels[t]).describedAs("problem %d: the label at position %d is the input at %d"
                        + " (a label equal to its own input teaches the model to copy)", i, t, t + 1).isEqualTo(input[t + 1]);
            }
            assertThat(labels[4]).describedAs("problem %d: the last label of a reversed target is END", i).isEqualTo(END);
        }
    }

    @Test
    @Order(5)
    @DisplayName("a batch's arrays are fresh and of fixed shape [B][7], [B][5], [B][5]; the list is untouched")
    void aBatchHasFixedShapes() {
        List<Problem> problems = new ArrayList<>(List.of(new Problem(1, 2), new Problem(999, 999), new Problem(1, 2)));

        Batch batch = Dataset.batch(problems, Format.PLAIN);

        assertThat(problems).containsExactly(new Problem(1, 2), new Problem(999, 999), new Problem(1, 2));
        assertThat(batch.source()).hasNumberOfRows(3);
        for (int i = 0; i < 3; i++) {
            assertThat(batch.source()[i]).hasSize(7);
            assertThat(batch.decoderInput()[i]).hasSize(5);
            assertThat(batch.labels()[i]).hasSize(5);
        }
        assertThat(batch.labels()[0]).describedAs("two rows of one problem are separate arrays")
                .isNotSameAs(batch.labels()[2]).isNotSameAs(batch.decoderInput()[0]);
        assertThat(batch.source()[0]).isNotSameAs(batch.source()[2]);
    }

    @Test
    @Order(6)
    @DisplayName("the same seed gives the same lists in the same order; another seed other lists")
    void theSplitIsDeterministicPerSeed() {
        Split first = Dataset.split(14, 300, 100);
        Split again = Dataset.split(14, 300, 100);
        Split other = Dataset.split(15, 300, 100);

        assertThat(again.train()).describedAs("drawn from Seeds.random(14) both times").isEqualTo(first.train());
        assertThat(again.test()).isEqualTo(first.test());
        assertThat(other.train()).describedAs("seed 15 draws other problems").isNotEqualTo(first.train());
        assertThat(first.train()).hasSize(300);
        assertThat(first.test()).hasSize(100);
    }

    @Test
    @Order(7)
    @DisplayName("the test set shares no problem with the training set: it measures adding, not remembering")
    void theTestSetSharesNoProblemWithTheTrainingSet() {
        // 20,000 + 2,000 independent draws among 1,000,000 problems would share about 40.
        Split split = Dataset.split(7, 20_000, 2_000);

        Set<Problem> train = new HashSet<>(split.train());
        List<Problem> shared = split.test().stream().filter(train::contains).toList();

        assertThat(shared).describedAs("problems in both lists").isEmpty();
        assertThat(split.test()).hasSize(2_000);
    }

    @Test
    @Order(8)
    @DisplayName("no problem is drawn twice in a list: a problem drawn again is skipped")
    void noProblemIsDrawnTwice() {
        // 20,000 draws among 1,000,000 problems repeat about 200 of them.
        Split split = Dataset.split(8, 20_000, 2_000);

        assertThat(new HashSet<>(split.train())).describedAs("distinct training problems").hasSize(20_000);
        assertThat(new HashSet<>(split.test())).describedAs("distinct test problems").hasSize(2_000);
    }

    @Test
    @Order(9)
    @DisplayName("operands are uniform over 0 to 999: the draws cover small, large and three-digit operands alike")
    void operandsAreUniformOverTheRange() {
        List<Problem> train = Dataset.split(9, 10_000, 0).train();

        long small = train.stream().filter(p -> p.a() < 100).count();
        long large = train.stream().filter(p -> p.b() >= 900).count();
        long largest = train.stream().filter(p -> p.a() == 999 || p.b() == 999).count();

        // about 1,000 each: mean 10,000 / 10, standard deviation 30; 5 sigmas is 150.
        assertThat(small).describedAs("a below 100: one tenth of the range").isBetween(850L, 1_150L);
        assertThat(large).describedAs("b of 900 or more: one tenth of the range").isBetween(850L, 1_150L);
        assertThat(largest).describedAs("999 is an operand too (about 20 of 10,000)").isPositive();
    }

    @Test
    @Order(10)
    @DisplayName("counts of 0 are allowed; a negative count, more than 1,000,000 problems and an empty batch are rejected")
    void badCountsAreRejected() {
        assertThat(Dataset.split(1, 0, 0).train()).isEmpty();
        assertThatIllegalArgumentException().describedAs("a negative number of training problems")
                .isThrownBy(() -> Dataset.split(1, -1, 10)).withMessageContaining("trainCount = -1");
        assertThatIllegalArgumentException().describedAs("a negative number of test problems")
                .isThrownBy(() -> Dataset.split(1, 10, -1)).withMessageContaining("testCount = -1");
        assertThatIllegalArgumentException().describedAs("only 1,000,000 distinct problems exist")
                .isThrownBy(() -> Dataset.split(1, 999_000, 1_001)).withMessageContaining("1000001");
        assertThatIllegalArgumentException().describedAs("the sum must not overflow an int either")
                .isThrownBy(() -> Dataset.split(1, Integer.MAX_VALUE, Integer.MAX_VALUE))
                .withMessageContaining("4294967294");
        assertThatIllegalArgumentException().describedAs("a batch needs a problem")
                .isThrownBy(() -> Dataset.batch(List.of(), Format.REVERSED)).withMessageContaining("problems");
    }
}
