package kata.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-15")
@Order(1)
@DisplayName("15 Tokenization: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenizerSpec {

    private static final String END = "<|endoftext|>";

    /** No merge, no special token: every id is a byte. */
    private static Tokenizer bytesOnly() {
        return new Tokenizer(List.of(), List.of());
    }

    /** The textbook's words (Sennrich et al. 2016), one per line, as often as in its example. */
    private static String textbookWords() {
        return "low\n".repeat(5) + "lower\n".repeat(2) + "newest\n".repeat(6) + "widest\n".repeat(3);
    }

    // ---- bytes and the pre-split ----

    @Test
    @Order(1)
    @DisplayName("with no merge every id is a UTF-8 byte: \"a中😀\" is 1 + 3 + 4 ids")
    void withoutMergesEveryIdIsAByte() {
        Tokenizer tokenizer = bytesOnly();

        int[] ids = tokenizer.encode("a中😀");

        assertThat(ids).describedAs("the UTF-8 bytes of a (61), 中 (E4 B8 AD) and 😀 (F0 9F 98 80), each an id in [0, 256):"
                + " a Java byte is signed, so read it as b & 0xFF").containsExactly(97, 228, 184, 173, 240, 159, 152, 128);
        assertThat(tokenizer.vocabSize()).describedAs("the vocabulary of no merge and no special token: the 256 bytes")
                .isEqualTo(256);
    }

    @Test
    @Order(2)
    @DisplayName("the pre-split cuts runs of letters, Chinese characters, digits, other symbols and whitespace, a space kept with the word after it")
    void thePreSplitCutsRunsOfOneClass() {
        assertThat(PreSplit.chunks("Hello, world!")).describedAs("the chunks of \"Hello, world!\": a letter run, a symbol,"
                + " the space moved to the next word, a symbol").containsExactly("Hello", ",", " world", "!");
        assertThat(PreSplit.chunks("  x\n y")).describedAs("the chunks of \"  x\\n y\": of a whitespace run only the last"
                + " space moves, and a run ending in a line break stays whole").containsExactly(" ", " x", "\n", " y");
        assertThat(PreSplit.chunks("3.14 是圆周率")).describedAs("the chunks of \"3.14 是圆周率\": digits, a symbol, digits,"
                + " a space and a run of Chinese characters").containsExactly("3", ".", "14", " 是圆周率");
        assertThat(PreSplit.chunks("GPT模型")).describedAs("the chunks of \"GPT模型\": Chinese (script HAN) is a class of its"
                + " own, apart from the Latin letters").containsExactly("GPT", "模型");
        assertThat(PreSplit.chunks("ok!!  ")).describedAs("the chunks of \"ok!!  \": whitespace is a class apart from"
                + " symbols, and at the end of the text no run follows to take its space").containsExactly("ok", "!!", "  ");
    }

    @Test
    @Order(3)
    @DisplayName("a combining mark stays in the run before it, and after whitespace starts a run of other symbols")
    void aCombiningMarkStaysWithTheRunBeforeIt() {
        String text = "e\u0301te 4\u20e3 \u0301x 字\u0301 कि \u0301!";

        List<String> chunks = PreSplit.chunks(text);

        assertThat(chunks).describedAs("the chunks of %s: the accent U+0301 (a non-spacing mark) continues the letters, the"
                + " keycap U+20E3 (an enclosing mark) the digit, U+0301 the Chinese run, the vowel sign U+093F (a spacing"
                + " mark) the Devanagari letter; after whitespace a mark starts a run of other symbols", text.codePoints()
                .mapToObj(cp -> cp < 0x80 ? Character.toString(cp) : String.format("U+%04X ", cp)).toList())
                .containsExactly("e\u0301te", " 4\u20e3", " \u0301", "x", " 字\u0301", " कि", " \u0301!");
        assertThat(PreSplit.chunks("\u0301x")).describedAs("the chunks of U+0301 then x: a mark first in the text counts"
                + " as OTHER").containsExactly("\u0301", "x");
    }

    @Test
    @Order(4)
    @DisplayName("the pre-split classifies code points, not chars: astral letters and Han characters stay in their runs")
    void thePreSplitClassifiesCodePoints() {
        String text = "x\uD835\uDC00\uD835\uDC01 中\uD840\uDC00\uD840\uDC01!";

        List<String> chunks = PreSplit.chunks(text);

        assertThat(chunks).describedAs("the chunks of x, U+1D400 U+1D401 (mathematical bold A and B, letters), a space, 中,"
                + " U+20000 U+20001 (Han characters), !: each astral code point is two UTF-16 chars (a surrogate pair),"
                + " and a surrogate on its own is no letter; classify text.codePointAt(i), not text.charAt(i)")
                .containsExactly("x\uD835\uDC00\uD835\uDC01", " 中\uD840\uDC00\uD840\uDC01", "!");
    }

    // ---- counting and merging ----

    @Test
    @Order(5)
    @DisplayName("pairs overlap: aaaaa holds four (a, a), at positions 0-1, 1-2, 2-3 and 3-4")
    void overlappingPairsAreAllCounted() {
        List<Chunk> chunks = List.of(new Chunk(new int[] {97, 97, 97, 97, 97}, 1));

        Map<Pair, Integer> counts = Bpe.pairCounts(chunks);

        assertThat(counts).describedAs("the pair counts of a a a a a: every adjacent pair, so overlapping ones too")
                .containsExactly(Map.entry(new Pair(97, 97), 4));
    }

    @Test
    @Order(6)
    @DisplayName("merging goes left to right and an id joins one token only: aaaaa merged on (a, a) is Z Z a")
    void mergingGoesLeftToRightWithoutOverlap() {
        int[] five = {97, 97, 97, 97, 97};
        int[] three = {97, 97, 97, 98};

        assertThat(Bpe.merge(five, new Pair(97, 97), 256)).describedAs("a a a a a with (a, a) -> 256: two merges, the"
                + " last a left over, not four overlapping ones").containsExactly(256, 256, 97);
        assertThat(Bpe.merge(three, new Pair(97, 97), 256)).describedAs("a a a b with (a, a) -> 256: the first two a"
                + " merge, the third stays").containsExactly(256, 97, 98);
        assertThat(Bpe.merge(new int[] {97, 98, 99}, new Pair(98, 99), 300)).describedAs("a b c with (b, c) -> 300")
                .containsExactly(97, 300);
    }

    @Test
    @Order(7)
    @DisplayName("a chunk's pairs count as often as the chunk occurs, and no pair spans two chunks")
    void eachChunkCountsAsOftenAsItOccurs() {
        List<Chunk> chunks = List.of(new Chunk(new int[] {97, 97, 98}, 2), new Chunk(new int[] {98, 97}, 1));

        Map<Pair, Integer> counts = Bpe.pairCounts(chunks);

        assertThat(counts).describedAs("the pair counts of [97, 97, 98] x 2 and [98, 97] x 1: each pair times its chunk's"
                + " count; (98, 98) from the end of one chunk to the start of the next is no pair")
                .containsOnly(Map.entry(new Pair(97, 97), 2), Map.entry(new Pair(97, 98), 2), Map.entry(new Pair(98, 97), 1));
    }

    @Test
    @Order(8)
    @DisplayName("the pair counts iterate in order of first occurrence: chunk by chunk, left to right")
    void pairCountsIterateInOrderOfFirstOccurrence() {
        List<Chunk> chunks = List.of(new Chunk(new int[] {3, 4, 1}, 1), new Chunk(new int[] {1, 2, 3, 4}, 5));

        Map<Pair, Integer> counts = Bpe.pairCounts(chunks);

        assertThat(List.copyOf(counts.keySet())).describedAs("the pairs of [3, 4, 1] then [1, 2, 3, 4] in order of first"
                + " occurrence (a LinkedHashMap keeps it; a HashMap's order is no order), which is what the tie rule reads")
                .containsExactly(new Pair(3, 4), new Pair(4, 1), new Pair(1, 2), new Pair(2, 3));
        assertThat(counts.get(new Pair(3, 4))).describedAs("the count of (3, 4): 1 + 5").isEqualTo(6);
    }

    // ---- training ----

    @Test
    @Order(9)
    @DisplayName("Wikipedia's aaabdaaabac: merges (a, a), (aa, a), (aaa, b), and the text encodes as X d X a c")
    void wikipediasExample() {
        Tokenizer tokenizer = Tokenizer.train("aaabdaaabac", 259, List.of());

        assertThat(tokenizer.merges()).describedAs("three merges of aaabdaaabac: (a, a) occurs 4 times; then (Z, a) and"
                + " (a, b) both 2 times, and (Z, a) occurs first; then (Y, b) 2 times")
                .containsExactly(new Pair(97, 97), new Pair(256, 97), new Pair(257, 98));
        assertThat(tokenizer.encode("aaabdaaabac")).describedAs("aaabdaaabac encoded: aaab d aaab a c")
                .containsExactly(258, 100, 258, 97, 99);
    }

    @Test
    @Order(10)
    @DisplayName("the textbook's low, lower, newest, widest learn es, est, lo, low, ne, new, newest, wi in that order")
    void theTextbookExample() {
        // Sennrich et al. (2016) count {low: 5, lower: 2, newest: 6, widest: 3} with an end-of-word
        // symbol </w> and print es, est, est</w>, lo, low, ne, new, newest</w>, low</w>, wi. Here each
        // word is a chunk of its own (one per line), so the two merges with </w> do not exist and
        // the others come in the same order: worked by hand, counts (e, s) 9, (es, t) 9, (l, o) 7,
        // (lo, w) 7, (n, e) 6, (ne, w) 6, (new, est) 6, (w, i) 3, each tie going to the pair seen first.
        Tokenizer tokenizer = Tokenizer.train(textbookWords(), 264, List.of());

        assertThat(tokenizer.merges()).describedAs("the 8 merges of the textbook's words")
                .containsExactly(new Pair('e', 's'), new Pair(256, 't'), new Pair('l', 'o'), new Pair(258, 'w'),
                        new Pair('n', 'e'), new Pair(260, 'w'), new Pair(261, 257), new Pair('w', 'i'));
        assertThat(tokenizer.encode("lowest")).describedAs("\"lowest\", a word it never saw: low (259) + est (257)")
                .containsExactly(259, 257);
    }

    @Test
    @Order(11)
    @DisplayName("training counts overlapping pairs: in bcaaa the pair (a, a) occurs twice and is merged first")
    void trainingCountsOverlappingPairs() {
        Tokenizer once = Tokenizer.train("bcaaa", 257, List.of());
        Tokenizer twice = Tokenizer.train("aaaaa", 258, List.of());

        assertThat(once.merges()).describedAs("the first merge of bcaaa: (a, a) 2 times beats (b, c) and (c, a) 1 time;"
                + " counting without overlap would give (a, a) 1 time").containsExactly(new Pair(97, 97));
        assertThat(twice.merges()).describedAs("two merges of aaaaa: (a, a) makes Z Z a, then (Z, Z) and (Z, a) tie at 1")
                .containsExactly(new Pair(97, 97), new Pair(256, 256));
        assertThat(twice.encode("aaaaa")).describedAs("aaaaa encoded: ZZ a").containsExactly(257, 97);
    }

    @Test
    @Order(12)
    @DisplayName("a tie goes to the pair that occurs first in the text, not the smallest or the last")
    void tiesGoToThePairThatOccursFirst() {
        Tokenizer inOneChunk = Tokenizer.train("cdab", 257, List.of());
        Tokenizer acrossChunks = Tokenizer.train("yz\nab\nab\nyz\n", 257, List.of());

        assertThat(inOneChunk.merges()).describedAs("the first merge of cdab: (c, d), (d, a), (a, b) all occur once, and"
                + " (c, d) = (99, 100) first; not the smallest ids (97, 98) nor the largest (100, 97)")
                .containsExactly(new Pair(99, 100));
        assertThat(acrossChunks.merges()).describedAs("the first merge of yz ab ab yz (one per line): (y, z) and (a, b)"
                + " both occur twice, and yz comes first in the text").containsExactly(new Pair(121, 122));
    }

    @Test
    @Order(13)
    @DisplayName("merges never cross a chunk: in a b a b a b the space goes with the letter after it")
    void mergesNeverCrossAChunk() {
        Tokenizer tokenizer = Tokenizer.train("a b a b a b", 257, List.of());

        assertThat(tokenizer.merges()).describedAs("the first merge of \"a b a b a b\", chunks a, \" b\", \" a\", \" b\", ...:"
                + " (space, b) 3 times; without the pre-split (a, space) would occur as often, and first")
                .containsExactly(new Pair(32, 98));
    }

    @Test
    @Order(14)
    @DisplayName("special tokens are cut out before counting: never split, never merged with the text around them")
    void specialTokensAreNeverSplitOrMerged() {
        String text = "hi" + END + "hi" + END + "hi";

        Tokenizer tokenizer = Tokenizer.train(text, 300, List.of(END));

        assertThat(tokenizer.merges()).describedAs("the merges of hi<|endoftext|>hi<|endoftext|>hi: only (h, i), then no"
                + " chunk has two ids and training stops early; the bytes of <|endoftext|> are never counted")
                .containsExactly(new Pair(104, 105));
        assertThat(tokenizer.vocabSize()).describedAs("256 bytes + 1 merge + 1 special token").isEqualTo(258);
        assertThat(tokenizer.encode("hi" + END + "hi")).describedAs("hi<|endoftext|>hi encoded: the special token is one id,"
                + " after the merges").containsExactly(256, 257, 256);
        assertThat(tokenizer.encode("<|endoftext|")).describedAs("an incomplete special token is plain text, its bytes")
                .containsExactly(60, 124, 101, 110, 100, 111, 102, 116, 101, 120, 116, 124);
    }

    @Test
    @Order(15)
    @DisplayName("where two special tokens start at one place the longer one is cut out")
    void theLongestSpecialTokenWins() {
        Tokenizer shortFirst = new Tokenizer(List.of(), List.of("<a>", "<a>b"));
        Tokenizer longFirst = new Tokenizer(List.of(), List.of("<a>b", "<a>"));

        int[] ids = shortFirst.encode("<a>b<a>x");
        int[] again = longFirst.encode("<a>b<a>x");

        assertThat(ids).describedAs("<a>b<a>x with the special tokens <a> (256) and <a>b (257)")
                .containsExactly(257, 256, 120);
        assertThat(again).describedAs("<a>b<a>x with the special tokens <a>b (256) and <a> (257): the longer, whatever"
                + " the order").containsExactly(256, 257, 120);
    }

    @Test
    @Order(16)
    @DisplayName("on Chinese text the first merges join the three bytes of the most frequent character")
    void onChineseTheFirstMergesMakeWholeCharacters() {
        // 的 is E7 9A 84 and occurs 4 times; (E7, 9A) and (9A, 84) are the most frequent pairs.
        String text = "我的书。你的笔。他的猫。我的猫。";

        Tokenizer tokenizer = Tokenizer.train(text, 258, List.of());

        assertThat(tokenizer.merges()).describedAs("the first two merges of %s: the first two bytes of 的, then the third", text)
                .containsExactly(new Pair(0xE7, 0x9A), new Pair(256, 0x84));
        assertThat(tokenizer.bytes(257)).describedAs("the bytes of token 257: 的 whole")
                .isEqualTo("的".getBytes(StandardCharsets.UTF_8));
        assertThat(tokenizer.encode("的的")).describedAs("的的 encoded: one id per character").containsExactly(257, 257);
    }

    // ---- encoding ----

    @Test
    @Order(17)
    @DisplayName("encoding merges by rank, the earliest learned first, not the leftmost pair")
    void encodingMergesByRankNotByPosition() {
        Tokenizer tokenizer = new Tokenizer(List.of(new Pair(98, 99), new Pair(97, 98)), List.of());

        int[] ids = tokenizer.encode("abc");

        assertThat(ids).describedAs("abc with the merges (b, c) -> 256 then (a, b) -> 257: (b, c) has the lower rank, so"
                + " a + bc; merging the leftmost pair (a, b) first would give ab + c").containsExactly(97, 256);
    }

    @Test
    @Order(18)
    @DisplayName("encoding merges again on what it merged until no pair is a merge: newest is one id")
    void encodingMergesUntilNoPairIsAMerge() {
        Tokenizer tokenizer = Tokenizer.train(textbookWords(), 264, List.of());

        assertThat(tokenizer.encode("newest")).describedAs("newest: es, est, ne, new, then new + est, one id")
                .containsExactly(262);
        assertThat(tokenizer.encode("low newest")).describedAs("low newest: \" newest\" is another chunk, its space a byte")
                .containsExactly(259, 32, 262);
    }

    // ---- decoding ----

    @Test
    @Order(19)
    @DisplayName("decoding joins all the bytes and reads them once: a character split between two tokens stays whole")
    void decodingReadsTheBytesOnceAsUtf8() {
        Tokenizer tokenizer = new Tokenizer(List.of(new Pair(0xE4, 0xB8)), List.of(END));

        assertThat(tokenizer.decode(new int[] {256, 0xAD})).describedAs("the tokens E4 B8 | AD: 中 whole; decoding each"
                + " token on its own gives two U+FFFD").isEqualTo("中");
        assertThat(tokenizer.decode(new int[] {104, 257, 0xE4})).describedAs("h, <|endoftext|>, then the lone byte E4:"
                + " a special token decodes to its text, an incomplete character to U+FFFD").isEqualTo("h" + END + "\uFFFD");
        assertThat(tokenizer.bytes(256)).describedAs("the bytes of token 256, a merge: E4 B8")
                .containsExactly(0xE4, 0xB8);
    }

    @Test
    @Order(20)
    @DisplayName("the streaming decoder holds an incomplete character until the next id completes it")
    void theStreamingDecoderHoldsAnIncompleteCharacter() {
        Tokenizer tokenizer = new Tokenizer(List.of(new Pair(0xE4, 0xB8)), List.of());
        StreamingDecoder decoder = new StreamingDecoder(tokenizer);

        String a = decoder.feed(97);
        String firstHalf = decoder.feed(256);
        String secondHalf = decoder.feed(0xAD);
        String end = decoder.finish();

        assertThat(a).describedAs("fed a: a complete character, emitted at once").isEqualTo("a");
        assertThat(firstHalf).describedAs("fed E4 B8, two bytes of a three-byte character: nothing yet, the bytes are held")
                .isEmpty();
        assertThat(secondHalf).describedAs("fed AD, which completes E4 B8 AD").isEqualTo("中");
        assertThat(end).describedAs("finish with nothing held").isEmpty();
    }

    @Test
    @Order(21)
    @DisplayName("the streaming decoder writes U+FFFD for invalid bytes at once and for an incomplete end at finish")
    void theStreamingDecoderReplacesInvalidBytes() {
        StreamingDecoder decoder = new StreamingDecoder(bytesOnly());

        String invalid = decoder.feed(0xFF);
        String lead = decoder.feed(0xE4);
        String broken = decoder.feed(0x61);
        String held = decoder.feed(0xF0);
        String end = decoder.finish();
        String again = decoder.feed(0x62);

        assertThat(invalid).describedAs("fed FF, which no UTF-8 text holds: U+FFFD at once, nothing held").isEqualTo("\uFFFD");
        assertThat(lead).describedAs("fed E4, the first byte of a three-byte character: held").isEmpty();
        assertThat(broken).describedAs("fed 61 (a) after E4: the sequence is broken, so U+FFFD, then a").isEqualTo("\uFFFDa");
        assertThat(held).describedAs("fed F0, the first byte of a four-byte character: held").isEmpty();
        assertThat(end).describedAs("finish with F0 held: an incomplete sequence becomes U+FFFD").isEqualTo("\uFFFD");
        assertThat(again).describedAs("fed 62 (b) after finish: the decoder started over").isEqualTo("b");
    }

    // ---- saving ----

    @Test
    @Order(22)
    @DisplayName("a tokenizer saves as a header, one line per merge and one per special token, and loads back")
    void theSavedFormat() {
        Tokenizer tokenizer = Tokenizer.train("aaabdaaabac", 260, List.of(END));

        String saved = tokenizer.save();
        Tokenizer loaded = Tokenizer.load(saved);

        assertThat(saved).describedAs("Wikipedia's tokenizer with <|endoftext|>, saved")
                .isEqualTo("byte-level bpe\nmerge 97 97\nmerge 256 97\nmerge 257 98\nspecial " + END + "\n");
        assertThat(loaded.merges()).describedAs("the merges loaded back").isEqualTo(tokenizer.merges());
        assertThat(loaded.specialTokens()).describedAs("the special tokens loaded back").containsExactly(END);
        assertThat(loaded.encode("aaab" + END)).describedAs("aaab<|endoftext|> encoded by the loaded tokenizer")
                .containsExactly(258, 259);
    }
}
