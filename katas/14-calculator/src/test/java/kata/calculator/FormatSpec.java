package kata.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-14")
@Order(3)
@DisplayName("14 Calculator: the two formats")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormatSpec {

    @Test
    @Order(1)
    @DisplayName("REVERSED pads both operands to three digits: 7+45 is \"007+045\"")
    void reversedPadsTheOperands() {
        assertThat(Format.REVERSED.source(new Problem(7, 45))).isEqualTo("007+045");
        assertThat(Format.REVERSED.source(new Problem(999, 0))).isEqualTo("999+000");
    }

    @Test
    @Order(2)
    @DisplayName("REVERSED writes the sum least significant digit first: 7+45=52 is \"2500\", 123+456=579 is \"9750\"")
    void reversedWritesTheSumLeastSignificantDigitFirst() {
        assertThat(Format.REVERSED.answer(new Problem(7, 45))).describedAs("52 = 0052, units first: 2, 5, 0, 0")
                .isEqualTo("2500");
        assertThat(Format.REVERSED.answer(new Problem(123, 456))).describedAs("579 = 0579, units first").isEqualTo("9750");
        assertThat(Format.REVERSED.answer(new Problem(999, 1))).describedAs("1000 = 1000, units first").isEqualTo("0001");
    }

    @Test
    @Order(3)
    @DisplayName("REVERSED pads the sum to four digits, so the answer is always four symbols and END always lands at one place")
    void reversedPadsTheSumToFourDigits() {
        assertThat(Format.REVERSED.answer(new Problem(0, 0))).describedAs("0 is 0000").isEqualTo("0000");
        assertThat(Format.REVERSED.answer(new Problem(3, 4))).describedAs("7 is 0007, units first").isEqualTo("7000");
        assertThat(Format.REVERSED.answer(new Problem(999, 999))).describedAs("1998 units first").isEqualTo("8991");
    }

    @Test
    @Order(4)
    @DisplayName("PLAIN writes problem and sum as a person does: \"7+45\" and \"52\"")
    void plainWritesAsAPersonDoes() {
        assertThat(Format.PLAIN.source(new Problem(7, 45))).isEqualTo("7+45");
        assertThat(Format.PLAIN.answer(new Problem(7, 45))).isEqualTo("52");
        assertThat(Format.PLAIN.source(new Problem(0, 100))).isEqualTo("0+100");
        assertThat(Format.PLAIN.answer(new Problem(0, 0))).isEqualTo("0");
        assertThat(Format.PLAIN.answer(new Problem(999, 1))).isEqualTo("1000");
    }

    @Test
    @Order(5)
    @DisplayName("read is the inverse of answer: REVERSED \"2500\" is 52, PLAIN \"52\" is 52")
    void readIsTheInverseOfAnswer() {
        assertThat(Format.REVERSED.read("2500")).describedAs("the digits are least significant first").isEqualTo(52);
        assertThat(Format.REVERSED.read("25")).describedAs("a short reversed answer: 2 units, 5 tens").isEqualTo(52);
        assertThat(Format.REVERSED.read("0001")).isEqualTo(1000);
        assertThat(Format.PLAIN.read("52")).isEqualTo(52);
        assertThat(Format.PLAIN.read("0052")).isEqualTo(52);
        assertThat(Format.PLAIN.read("1998")).isEqualTo(1998);
    }

    @Test
    @Order(6)
    @DisplayName("read(answer(p)) is a + b for problems across the whole range")
    void readAndAnswerRoundTrip() {
        for (Format format : Format.values()) {
            for (int a = 0; a <= 999; a += 37) {
                for (int b = 0; b <= 999; b += 41) {
                    Problem problem = new Problem(a, b);

                    assertThat(format.read(format.answer(problem))).describedAs("%s read(answer(%s))", format, problem)
                            .isEqualTo(a + b);
                    assertThat(Problem.parse(format.source(problem))).describedAs("%s source(%s) reads back", format, problem)
                            .isEqualTo(problem);
                }
            }
        }
    }

    @Test
    @Order(7)
    @DisplayName("every source fits 7 symbols and every target 6 (START, four digits, END), in both formats")
    void theLengthsFitTheLongestProblem() {
        for (Format format : Format.values()) {
            Problem longest = new Problem(999, 999);

            assertThat(format.sourceLength()).isEqualTo(7);
            assertThat(format.targetLength()).isEqualTo(6);
            assertThat(format.source(longest).length()).isLessThanOrEqualTo(format.sourceLength());
            assertThat(format.answer(longest).length() + 2).isLessThanOrEqualTo(format.targetLength());
        }
    }

    @Test
    @Order(8)
    @DisplayName("read rejects an empty answer, a non-digit and more than four digits, quoting the answer")
    void readRejectsWhatIsNotAnAnswer() {
        for (Format format : Format.values()) {
            assertThatIllegalArgumentException().describedAs("an empty answer stands for no number")
                    .isThrownBy(() -> format.read("")).withMessageContaining("answer").withMessageContaining("\"\"");
            assertThatIllegalArgumentException().describedAs("'$' is not a digit")
                    .isThrownBy(() -> format.read("25$")).withMessageContaining("answer").withMessageContaining("\"25$\"");
            assertThatIllegalArgumentException().describedAs("a letter is not a digit")
                    .isThrownBy(() -> format.read("7a")).withMessageContaining("answer").withMessageContaining("\"7a\"");
            assertThatIllegalArgumentException().describedAs("':' comes right after '9' but is not a digit")
                    .isThrownBy(() -> format.read(":1")).withMessageContaining("answer").withMessageContaining("\":1\"");
            assertThatIllegalArgumentException().describedAs("'/' comes right before '0' but is not a digit")
                    .isThrownBy(() -> format.read("1/")).withMessageContaining("answer").withMessageContaining("\"1/\"");
            assertThatIllegalArgumentException().describedAs("a sign is not a digit")
                    .isThrownBy(() -> format.read("-5")).withMessageContaining("answer").withMessageContaining("\"-5\"");
            assertThatIllegalArgumentException().describedAs("a sign is not a digit")
                    .isThrownBy(() -> format.read("+5")).withMessageContaining("answer").withMessageContaining("\"+5\"");
            assertThatIllegalArgumentException().describedAs("no sum has five digits")
                    .isThrownBy(() -> format.read("12345")).withMessageContaining("answer").withMessageContaining("\"12345\"");
        }
    }
}
