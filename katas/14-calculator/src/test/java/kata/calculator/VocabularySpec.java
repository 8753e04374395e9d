package kata.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-14")
@Order(1)
@DisplayName("14 Calculator: the vocabulary and the tokenizer")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VocabularySpec {

    @Test
    @Order(1)
    @DisplayName("14 symbols: PAD 0, START 1, END 2, '+' 3, the digits 4 to 13")
    void theSymbolsHaveFixedIds() {
        assertThat(Vocabulary.size()).describedAs("_ ^ $ + and ten digits").isEqualTo(14);
        assertThat(Vocabulary.pad()).describedAs("PAD '_'").isZero();
        assertThat(Vocabulary.start()).describedAs("START '^'").isEqualTo(1);
        assertThat(Vocabulary.end()).describedAs("END '$'").isEqualTo(2);
        assertThat(Vocabulary.encode("+0123456789")).describedAs("'+' then the digits in order")
                .containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @Test
    @Order(2)
    @DisplayName("START is not PAD: the decoder's first input must not be hidden padding, nor its label ignored")
    void startIsNotPad() {
        assertThat(Vocabulary.start()).describedAs("START shares no id with PAD").isNotEqualTo(Vocabulary.pad());
        assertThat(Vocabulary.end()).describedAs("END is neither PAD nor START")
                .isNotEqualTo(Vocabulary.pad()).isNotEqualTo(Vocabulary.start());
    }

    @Test
    @Order(3)
    @DisplayName("one id per character: \"7+45\" is [11, 3, 8, 9]; the special symbols encode too")
    void encodeGivesOneIdPerCharacter() {
        assertThat(Vocabulary.encode("7+45")).describedAs("'7' = 4 + 7, '+' = 3, '4' = 8, '5' = 9").containsExactly(11, 3, 8, 9);
        assertThat(Vocabulary.encode("^52$_")).containsExactly(1, 9, 6, 2, 0);
        assertThat(Vocabulary.encode("")).describedAs("no character, no id").isEmpty();
    }

    @Test
    @Order(4)
    @DisplayName("decode is the inverse of encode, symbol for symbol, and leaves its ids alone")
    void decodeIsTheInverseOfEncode() {
        String everySymbol = "_^$+0123456789";
        int[] ids = {1, 9, 6, 2};
        Inputs inputs = Inputs.snapshot("ids", ids);

        String text = Vocabulary.decode(ids);

        inputs.assertUntouched();
        assertThat(text).isEqualTo("^52$");
        assertThat(Vocabulary.decode(Vocabulary.encode(everySymbol))).describedAs("a round trip over every symbol")
                .isEqualTo(everySymbol);
        assertThat(Vocabulary.encode(everySymbol)).describedAs("the id of a symbol is its place in _^$+0123456789")
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(Vocabulary.decode(new int[0])).isEmpty();
    }

    @Test
    @Order(5)
    @DisplayName("a character outside the vocabulary is rejected, naming the character and its index")
    void anUnknownCharacterIsNamedWithItsIndex() {
        assertThatIllegalArgumentException().describedAs("'x' is not one of the 14 symbols")
                .isThrownBy(() -> Vocabulary.encode("12+x"))
                .withMessageContaining("'x'").withMessageContaining("index 3").withMessageContaining("_^$+0123456789");
        assertThatIllegalArgumentException().describedAs("a space is not a symbol either")
                .isThrownBy(() -> Vocabulary.encode(" 1"))
                .withMessageContaining("' '").withMessageContaining("index 0");
        assertThatIllegalArgumentException().describedAs("'-' is not a symbol: the calculator only adds")
                .isThrownBy(() -> Vocabulary.encode("1-2"))
                .withMessageContaining("'-'").withMessageContaining("index 1");
    }

    @Test
    @Order(6)
    @DisplayName("an id outside 0 to 13 is rejected, naming the id and its index")
    void anIdOutsideTheVocabularyIsNamedWithItsIndex() {
        assertThatIllegalArgumentException().describedAs("14 is one past the last id")
                .isThrownBy(() -> Vocabulary.decode(new int[] {4, 5, 14}))
                .withMessageContaining("ids[2] = 14").withMessageContaining("0 to 13");
        assertThatIllegalArgumentException().describedAs("ids are not negative")
                .isThrownBy(() -> Vocabulary.decode(new int[] {-1}))
                .withMessageContaining("ids[0] = -1");
    }
}
