package kata.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-15")
@Order(3)
@DisplayName("15 Tokenization: contracts")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenizerContractSpec {

    private static final String END = "<|endoftext|>";

    @Test
    @Order(1)
    @DisplayName("empty inputs give empty results: no chunk, no pair, no id, no merge, no text")
    void emptyInputsGiveEmptyResults() {
        Tokenizer empty = Tokenizer.train("", 300, List.of(END));

        assertThat(PreSplit.chunks("")).describedAs("the chunks of \"\"").isEmpty();
        assertThat(Bpe.pairCounts(List.of(new Chunk(new int[] {97}, 3)))).describedAs("the pairs of a one-id chunk").isEmpty();
        assertThat(Bpe.merge(new int[0], new Pair(97, 97), 256)).describedAs("merging no ids").isEmpty();
        assertThat(empty.merges()).describedAs("the merges learned from \"\": none, training stops early").isEmpty();
        assertThat(empty.vocabSize()).describedAs("256 bytes + 1 special token").isEqualTo(257);
        assertThat(empty.encode("")).describedAs("the ids of \"\"").isEmpty();
        assertThat(empty.decode(new int[0])).describedAs("the text of no id").isEmpty();
        assertThat(new StreamingDecoder(empty).finish()).describedAs("finish with nothing fed").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("a vocabulary smaller than the 256 bytes and the special tokens is rejected, naming vocabSize")
    void aVocabularyTooSmallIsRejected() {
        assertThatIllegalArgumentException().describedAs("training to a vocabulary of 255: the bytes alone are 256")
                .isThrownBy(() -> Tokenizer.train("abc", 255, List.of())).withMessageContaining("vocabSize = 255");
        assertThatIllegalArgumentException().describedAs("training to 257 with two special tokens: at least 258")
                .isThrownBy(() -> Tokenizer.train("abc", 257, List.of("<a>", "<b>"))).withMessageContaining("vocabSize = 257");
        assertThatIllegalArgumentException().describedAs("training to a vocabulary of Integer.MIN_VALUE: vocabSize - 256"
                + " overflows to a large positive int, so compare vocabSize < 256 + specialTokens.size()")
                .isThrownBy(() -> Tokenizer.train("abc", Integer.MIN_VALUE, List.of("<a>")))
                .withMessageContaining("vocabSize = " + Integer.MIN_VALUE);
        assertThat(Tokenizer.train("abc", 258, List.of("<a>", "<b>")).merges())
                .describedAs("training to exactly 256 + 2 special tokens: allowed, with no merge").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("special tokens that are empty, repeated or hold a line break are rejected, naming specialTokens")
    void invalidSpecialTokensAreRejected() {
        List<List<String>> invalid = List.of(List.of(""), List.of("<a>", "<a>"), List.of("<a\n>"), List.of("<a\r>"));

        for (List<String> specials : invalid) {
            assertThatIllegalArgumentException().describedAs("a tokenizer with the special tokens %s", specials)
                    .isThrownBy(() -> new Tokenizer(List.of(), specials)).withMessageContaining("specialTokens");
            assertThatIllegalArgumentException().describedAs("training with the special tokens %s", specials)
                    .isThrownBy(() -> Tokenizer.train("abc", 300, specials)).withMessageContaining("specialTokens");
        }
    }

    @Test
    @Order(4)
    @DisplayName("a merge may only join ids made before it: merge i joins ids in [0, 256 + i)")
    void aMergeMayOnlyJoinIdsThatExist() {
        assertThatIllegalArgumentException().describedAs("merge 0 joining (97, 256): id 256 is what merge 0 makes")
                .isThrownBy(() -> new Tokenizer(List.of(new Pair(97, 256)), List.of())).withMessageContaining("merges")
                .withMessageContaining("(97, 256)");
        assertThatIllegalArgumentException().describedAs("merge 1 joining (257, 97): only ids up to 256 exist")
                .isThrownBy(() -> new Tokenizer(List.of(new Pair(97, 97), new Pair(257, 97)), List.of()))
                .withMessageContaining("merges");
        assertThatIllegalArgumentException().describedAs("merge 0 joining (-1, 97)")
                .isThrownBy(() -> new Tokenizer(List.of(new Pair(-1, 97)), List.of())).withMessageContaining("merges");
        assertThatIllegalArgumentException().describedAs("merge 0 joining (97, -1)")
                .isThrownBy(() -> new Tokenizer(List.of(new Pair(97, -1)), List.of())).withMessageContaining("merges");
        assertThat(new Tokenizer(List.of(new Pair(255, 255), new Pair(256, 256)), List.of()).vocabSize())
                .describedAs("merges (255, 255) then (256, 256): each joins ids that exist").isEqualTo(258);
        assertThat(new Tokenizer(List.of(new Pair(0, 0)), List.of()).encode("\0\0"))
                .describedAs("the merge (0, 0): id 0, the byte 0, exists like any other").containsExactly(256);
    }

    @Test
    @Order(5)
    @DisplayName("an id outside [0, vocabSize) is rejected by bytes, decode and the streaming decoder, naming it")
    void anIdOutsideTheVocabularyIsRejected() {
        Tokenizer tokenizer = new Tokenizer(List.of(new Pair(97, 97)), List.of(END));

        assertThatIllegalArgumentException().describedAs("decoding id 258 with a vocabulary of 258")
                .isThrownBy(() -> tokenizer.decode(new int[] {97, 258})).withMessageContaining("id = 258");
        assertThatIllegalArgumentException().describedAs("decoding id -1")
                .isThrownBy(() -> tokenizer.decode(new int[] {-1})).withMessageContaining("id = -1");
        assertThatIllegalArgumentException().describedAs("the bytes of id 258")
                .isThrownBy(() -> tokenizer.bytes(258)).withMessageContaining("id = 258");
        assertThatIllegalArgumentException().describedAs("feeding id 300 to the streaming decoder")
                .isThrownBy(() -> new StreamingDecoder(tokenizer).feed(300)).withMessageContaining("id = 300");
        assertThat(tokenizer.decode(new int[] {257})).describedAs("id 257, the last one, is the special token").isEqualTo(END);
    }

    @Test
    @Order(6)
    @DisplayName("load rejects a text without the header and any line that is neither a merge nor a special token, naming the line")
    void loadRejectsMalformedLines() {
        assertThatIllegalArgumentException().describedAs("a text whose first line is not \"byte-level bpe\"")
                .isThrownBy(() -> Tokenizer.load("bpe\nmerge 97 97\n")).withMessageContaining("line 1");
        assertThatIllegalArgumentException().describedAs("line 2 \"merge 97\", one id short")
                .isThrownBy(() -> Tokenizer.load("byte-level bpe\nmerge 97\n")).withMessageContaining("line 2");
        assertThatIllegalArgumentException().describedAs("line 3 \"hello\"")
                .isThrownBy(() -> Tokenizer.load("byte-level bpe\nmerge 97 97\nhello\n")).withMessageContaining("line 3");
        assertThatIllegalArgumentException().describedAs("line 2 \"merge 97 x\"")
                .isThrownBy(() -> Tokenizer.load("byte-level bpe\nmerge 97 x\n")).withMessageContaining("line 2");
        assertThatIllegalArgumentException().describedAs("an empty line 2 before a merge")
                .isThrownBy(() -> Tokenizer.load("byte-level bpe\n\nmerge 97 97\n")).withMessageContaining("line 2");
        assertThatIllegalArgumentException().describedAs("a last line \"hello\" without its line break")
                .isThrownBy(() -> Tokenizer.load("byte-level bpe\nmerge 97 97\nhello")).withMessageContaining("line 3");
        assertThatIllegalArgumentException().describedAs("a merge of ids that do not exist yet")
                .isThrownBy(() -> Tokenizer.load("byte-level bpe\nmerge 300 97\n")).withMessageContaining("merges");
    }

    @Test
    @Order(7)
    @DisplayName("a special token keeps its spaces and tabs through save and load: the line holds it exactly")
    void specialTokensKeepTheirWhitespaceThroughSaveAndLoad() {
        Tokenizer tokenizer = new Tokenizer(List.of(new Pair(97, 97)), List.of(" <s> ", "\t", "a b"));

        String saved = tokenizer.save();
        Tokenizer loaded = Tokenizer.load(saved);

        assertThat(saved).describedAs("the saved text of the special tokens \" <s> \", a tab and \"a b\": each is the rest of"
                + " its line, after \"special \"")
                .isEqualTo("byte-level bpe\nmerge 97 97\nspecial  <s> \nspecial \t\nspecial a b\n");
        assertThat(loaded.specialTokens()).describedAs("the special tokens loaded back: a line is read as it is, never"
                + " trimmed, or \" <s> \" loses its spaces and the tab becomes empty")
                .containsExactly(" <s> ", "\t", "a b");
        assertThat(loaded.encode("x <s> \t")).describedAs("x, \" <s> \" and a tab encoded by the loaded tokenizer")
                .containsExactly(120, 257, 258);
    }

    @Test
    @Order(8)
    @DisplayName("arguments stay untouched: the ids merged or decoded, the chunks counted, the lists a tokenizer is made of")
    void argumentsStayUntouched() {
        int[] ids = {97, 97, 98};
        List<Chunk> chunks = List.of(new Chunk(ids, 2));
        List<Pair> merges = new ArrayList<>(List.of(new Pair(97, 97)));
        List<String> specials = new ArrayList<>(List.of(END));
        Tokenizer tokenizer = new Tokenizer(merges, specials);

        Bpe.pairCounts(chunks);
        int[] merged = Bpe.merge(ids, new Pair(97, 97), 256);
        tokenizer.decode(ids);
        merges.add(new Pair(256, 98));
        specials.set(0, "<pad>");

        assertThat(ids).describedAs("the ids after pairCounts, merge and decode").containsExactly(97, 97, 98);
        assertThat(merged).describedAs("the merged ids").containsExactly(256, 98);
        assertThat(tokenizer.merges()).describedAs("the tokenizer's merges after the list it was made from grew: it keeps a"
                + " copy").containsExactly(new Pair(97, 97));
        assertThat(tokenizer.specialTokens()).describedAs("the tokenizer's special tokens after the list it was made from"
                + " changed").containsExactly(END);
        assertThat(tokenizer.encode("aab" + END)).describedAs("aab<|endoftext|> encoded after those changes")
                .containsExactly(256, 98, 257);
    }

    @Test
    @Order(9)
    @DisplayName("results are fresh: changing a returned list or array changes nothing in the tokenizer")
    void resultsAreFresh() {
        Tokenizer tokenizer = new Tokenizer(List.of(new Pair(97, 97)), List.of(END));
        int[] ids = {97, 98};

        int[] copy = Bpe.merge(ids, new Pair(120, 121), 256);
        tokenizer.merges().clear();
        tokenizer.specialTokens().clear();
        tokenizer.bytes(256)[0] = 'x';
        tokenizer.bytes(257)[0] = 'x';
        tokenizer.bytes(97)[0] = 'x';

        assertThat(copy).describedAs("merging a pair that does not occur: a copy, not the ids themselves")
                .isNotSameAs(ids).containsExactly(97, 98);
        assertThat(tokenizer.merges()).describedAs("the merges after a returned list was cleared").hasSize(1);
        assertThat(tokenizer.specialTokens()).describedAs("the special tokens after a returned list was cleared").hasSize(1);
        assertThat(tokenizer.decode(new int[] {256, 257, 97})).describedAs("decoding after returned byte arrays were written")
                .isEqualTo("aa" + END + "a");
        assertThat(Bpe.pairCounts(List.of(new Chunk(ids, 1)))).describedAs("pair counts").isInstanceOf(Map.class)
                .containsOnlyKeys(new Pair(97, 98));
    }
}
