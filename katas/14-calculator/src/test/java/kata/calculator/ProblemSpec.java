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
@Order(2)
@DisplayName("14 Calculator: a problem a+b")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProblemSpec {

    @Test
    @Order(1)
    @DisplayName("operands of one to three digits, 0 to 999; the sum is a + b")
    void aProblemHoldsTwoOperandsAndTheirSum() {
        assertThat(new Problem(7, 45).sum()).isEqualTo(52);
        assertThat(new Problem(0, 0).sum()).describedAs("0 is an operand").isZero();
        assertThat(new Problem(999, 999).sum()).describedAs("the largest sum, four digits").isEqualTo(1998);
    }

    @Test
    @Order(2)
    @DisplayName("an operand outside 0 to 999 is rejected, naming the operand and its value")
    void operandsOutsideTheRangeAreRejected() {
        assertThatIllegalArgumentException().describedAs("1000 has four digits")
                .isThrownBy(() -> new Problem(1000, 1)).withMessageContaining("a = 1000");
        assertThatIllegalArgumentException().describedAs("b is checked too")
                .isThrownBy(() -> new Problem(1, 1000)).withMessageContaining("b = 1000");
        assertThatIllegalArgumentException().describedAs("negative numbers are not operands")
                .isThrownBy(() -> new Problem(-1, 0)).withMessageContaining("a = -1");
        assertThatIllegalArgumentException().describedAs("negative numbers are not operands")
                .isThrownBy(() -> new Problem(0, -1)).withMessageContaining("b = -1");
    }

    @Test
    @Order(3)
    @DisplayName("parse reads \"123+456\" as (123, 456), with leading zeros and surrounding whitespace")
    void parseReadsWhatAPersonTypes() {
        assertThat(Problem.parse("123+456")).isEqualTo(new Problem(123, 456));
        assertThat(Problem.parse("7+45")).isEqualTo(new Problem(7, 45));
        assertThat(Problem.parse("007+045")).describedAs("leading zeros, as the reversed format writes it")
                .isEqualTo(new Problem(7, 45));
        assertThat(Problem.parse("  999+0\n")).describedAs("whitespace around the whole").isEqualTo(new Problem(999, 0));
    }

    @Test
    @Order(4)
    @DisplayName("anything but one to three digits, '+', one to three digits is rejected, quoting the text")
    void anythingButDigitsPlusDigitsIsRejected() {
        for (String text : new String[] {"", "1+", "+2", "1234+5", "1+2345", "1 + 2", "-1+2", "1+2+3", "12", "a+b",
                "1+-2", "+1+2", "\u0661+\u0662"}) {
            assertThatIllegalArgumentException().describedAs("\"%s\" is not digits '+' digits", text)
                    .isThrownBy(() -> Problem.parse(text)).withMessageContaining("\"" + text + "\"");
        }
    }
}
