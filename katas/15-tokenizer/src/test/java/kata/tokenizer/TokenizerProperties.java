package kata.tokenizer;

import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-15")
@Order(2)
@DisplayName("15 Tokenization: invariants")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenizerProperties {

    /** A tokenizer trained once on the spec's own mixed text, with 200 merges and one special token. */
    private static Tokenizer trained;

    private static Tokenizer trained() {
        if (trained == null) {
            trained = Tokenizer.train(Texts.corpus(), 457, List.of(Texts.END));
        }
        return trained;
    }

    /** A training text and a vocabulary size. */
    private record Training(String text, int vocabSize) {

        @Override
        public String toString() {
            return "vocabSize " + vocabSize + ", text \"" + text.replace("\n", "\\n") + "\"";
        }
    }

    private static Gen<Training> trainings() {
        return Texts.texts(30).zip(integers().between(258, 300), Training::new);
    }

    @Test
    @Order(1)
    @DisplayName("the chunks of any text are not empty and joined in order give the text")
    void theChunksJoinedGiveTheText() {
        qt().forAll(Texts.texts(20)).checkAssert(text -> {
            List<String> chunks = PreSplit.chunks(text);

            assertThat(String.join("", chunks)).describedAs("the chunks %s joined", chunks).isEqualTo(text);
            assertThat(chunks).describedAs("the chunks of \"%s\": none empty", text).doesNotContain("");
            for (String chunk : chunks) {
                assertThat(Character.isLowSurrogate(chunk.charAt(0))).describedAs("chunk \"%s\" starts in the middle of a"
                        + " code point: walk code points, not chars", chunk).isFalse();
            }
        });
    }

    @Test
    @Order(2)
    @DisplayName("decode(encode(s)) == s for any text: Chinese, emoji, astral characters, combining marks, special tokens, empty")
    void decodingAnEncodingGivesTheTextBack() {
        Tokenizer tokenizer = trained();

        qt().forAll(Texts.texts(20)).checkAssert(text -> {
            int[] ids = tokenizer.encode(text);

            assertThat(tokenizer.decode(ids)).describedAs("decode(encode(\"%s\")), ids %s", text, Arrays.toString(ids))
                    .isEqualTo(text);
        });
    }

    @Test
    @Order(3)
    @DisplayName("encoding a chunk by rank equals applying every merge in the order learned")
    void encodingEqualsApplyingTheMergesInOrder() {
        Tokenizer tokenizer = trained();
        List<Pair> merges = tokenizer.merges();

        qt().forAll(Texts.texts(20)).checkAssert(text -> {
            int[] ids = tokenizer.encode(text);

            assertThat(ids).describedAs("the ids of \"%s\": each merge of the %s, in order, applied to each chunk's bytes",
                    text, merges.size()).containsExactly(Plain.encode(text, merges, List.of(Texts.END)));
        });
    }

    @Test
    @Order(4)
    @DisplayName("training equals a plain trainer that walks every occurrence of every chunk, on random texts")
    void trainingEqualsAPlainTrainer() {
        qt().withExamples(60).forAll(trainings()).checkAssert(t -> {
            Tokenizer tokenizer = Tokenizer.train(t.text(), t.vocabSize(), List.of(Texts.END));

            assertThat(tokenizer.merges()).describedAs("the merges learned from %s: each the most frequent pair, overlapping"
                    + " pairs counted, ties to the first seen, special tokens cut out", t)
                    .containsExactlyElementsOf(Plain.train(t.text(), t.vocabSize(), List.of(Texts.END)));
            assertThat(tokenizer.vocabSize()).describedAs("the vocabulary size after training on %s", t)
                    .isEqualTo(256 + tokenizer.merges().size() + 1);
        });
    }

    @Test
    @Order(5)
    @DisplayName("the streaming decoder fed any ids, invalid bytes included, returns in pieces what decode returns at once")
    void theStreamingDecoderEqualsDecode() {
        Tokenizer tokenizer = trained();
        // Bytes that start, continue or break UTF-8 sequences, plus any id of the vocabulary.
        int[] bytes = {0x61, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC3, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
        Gen<Integer> ids = integers().between(0, 2 * bytes.length - 1).zip(integers().between(0, tokenizer.vocabSize() - 1),
                (pick, any) -> pick < bytes.length ? bytes[pick] : any);

        qt().forAll(lists().of(ids).ofSizeBetween(0, 12), lists().of(ids).ofSizeBetween(0, 6)).checkAssert((first, second) -> {
            StreamingDecoder decoder = new StreamingDecoder(tokenizer);

            String streamed = stream(decoder, first);
            String again = stream(decoder, second);

            assertThat(streamed).describedAs("ids %s fed one by one, then finish", first)
                    .isEqualTo(tokenizer.decode(toArray(first)));
            assertThat(again).describedAs("ids %s fed after finish, on the same decoder", second)
                    .isEqualTo(tokenizer.decode(toArray(second)));
        });
    }

    @Test
    @Order(6)
    @DisplayName("fed the ids of a text, the streaming decoder never emits half a character: what it returned is always a prefix of the text")
    void theStreamingDecoderNeverEmitsHalfACharacter() {
        Tokenizer tokenizer = trained();

        qt().forAll(Texts.texts(12)).checkAssert(text -> {
            StreamingDecoder decoder = new StreamingDecoder(tokenizer);
            StringBuilder out = new StringBuilder();

            for (int id : tokenizer.encode(text)) {
                out.append(decoder.feed(id));
                assertThat(text).describedAs("the text so far after feeding id %s: \"%s\"", id, out).startsWith(out);
            }
            out.append(decoder.finish());

            assertThat(out.toString()).describedAs("the whole stream of \"%s\"", text).isEqualTo(text);
        });
    }

    @Test
    @Order(7)
    @DisplayName("save then load gives the same merges and special tokens, and saving that gives the same text")
    void saveThenLoadRoundTrips() {
        qt().withExamples(40).forAll(trainings()).checkAssert(t -> {
            Tokenizer tokenizer = Tokenizer.train(t.text(), t.vocabSize(), List.of(Texts.END, "<pad>"));

            String saved = tokenizer.save();
            Tokenizer loaded = Tokenizer.load(saved);

            assertThat(loaded.merges()).describedAs("the merges after save and load, trained on %s", t)
                    .isEqualTo(tokenizer.merges());
            assertThat(loaded.specialTokens()).describedAs("the special tokens after save and load")
                    .containsExactly(Texts.END, "<pad>");
            assertThat(loaded.save()).describedAs("the loaded tokenizer saved again").isEqualTo(saved);
        });
    }

    private static String stream(StreamingDecoder decoder, List<Integer> ids) {
        StringBuilder out = new StringBuilder();
        for (int id : ids) {
            out.append(decoder.feed(id));
        }
        return out.append(decoder.finish()).toString();
    }

    private static int[] toArray(List<Integer> ids) {
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The oracle: the plainest trainer and encoder, walking every occurrence, written apart from Bpe. */
    private static final class Plain {

        /** The chunks of the text in order, every occurrence, the special tokens (longest first) cut out. */
        static List<Object> pieces(String text, List<String> specials) {
            List<Object> pieces = new ArrayList<>();
            StringBuilder plain = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                String found = null;
                for (String special : specials) {
                    if (text.startsWith(special, i) && (found == null || special.length() > found.length())) {
                        found = special;
                    }
                }
                if (found == null) {
                    plain.append(text.charAt(i++));
                } else {
                    pieces.addAll(PreSplit.chunks(plain.toString()));
                    plain.setLength(0);
                    pieces.add(specials.indexOf(found));
                    i += found.length();
                }
            }
            pieces.addAll(PreSplit.chunks(plain.toString()));
            return pieces;
        }

        static List<Pair> train(String text, int vocabSize, List<String> specials) {
            List<List<Integer>> chunks = new ArrayList<>();
            for (Object piece : pieces(text, specials)) {
                if (piece instanceof String chunk) {
                    chunks.add(bytes(chunk));
                }
            }
            List<Pair> merges = new ArrayList<>();
            while (256 + merges.size() + specials.size() < vocabSize) {
                Map<Pair, Integer> counts = new LinkedHashMap<>();
                for (List<Integer> chunk : chunks) {
                    for (int i = 0; i + 1 < chunk.size(); i++) {
                        counts.merge(new Pair(chunk.get(i), chunk.get(i + 1)), 1, Integer::sum);
                    }
                }
                if (counts.isEmpty()) {
                    break;
                }
                int max = counts.values().stream().max(Integer::compare).orElseThrow();
                Pair best = counts.entrySet().stream().filter(e -> e.getValue() == max).findFirst().orElseThrow().getKey();
                for (List<Integer> chunk : chunks) {
                    apply(chunk, best, 256 + merges.size());
                }
                merges.add(best);
            }
            return merges;
        }

        static int[] encode(String text, List<Pair> merges, List<String> specials) {
            List<Integer> ids = new ArrayList<>();
            for (Object piece : pieces(text, specials)) {
                if (piece instanceof String chunk) {
                    List<Integer> merged = bytes(chunk);
                    for (int m = 0; m < merges.size(); m++) {
                        apply(merged, merges.get(m), 256 + m);
                    }
                    ids.addAll(merged);
                } else {
                    ids.add(256 + merges.size() + (Integer) piece);
                }
            }
            return toArray(ids);
        }

        private static List<Integer> bytes(String chunk) {
            List<Integer> ids = new ArrayList<>();
            for (byte b : chunk.getBytes(StandardCharsets.UTF_8)) {
                ids.add(b & 0xFF);
            }
            return ids;
        }

        private static void apply(List<Integer> ids, Pair pair, int id) {
            for (int i = 0; i + 1 < ids.size(); i++) {
                if (ids.get(i) == pair.left() && ids.get(i + 1) == pair.right()) {
                    ids.set(i, id);
                    ids.remove(i + 1);
                }
            }
        }
    }

    /** Random texts for the properties: every kind of character the pre-split and UTF-8 meet. */
    private static final class Texts {

        static final String END = "<|endoftext|>";

        /** The pieces a text is made of, drawn with repeats so that pairs recur and merges happen. */
        private static final String[] PIECES = {
            "the", " the", "a", " cat", "ing", "e", "s", "0", "42", ".", ",", "!", " ", "  ", "\n", "\t",
            "中", "文", "分词", "的", "。", "，", "😀", "👍🏽", "𝔸", "\uD83C\uDDE8\uD83C\uDDF3", "e\u0301", "\u0301",
            "ñ", "Ω", "ありがとう", "한", "\u00A0", "<|", "|>", END,
        };

        private Texts() {
        }

        /** Texts of 0 to {@code maxPieces} pieces, each piece a word, a symbol, a character or a random code point. */
        static Gen<String> texts(int maxPieces) {
            return in -> {
                int n = integers().between(0, maxPieces).generate(in);
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    int kind = integers().between(0, 9).generate(in);
                    if (kind < 8) {
                        text.append(PIECES[integers().between(0, PIECES.length - 1).generate(in)]);
                    } else {
                        text.appendCodePoint(codePoint(integers().between(0, Integer.MAX_VALUE - 1).generate(in)));
                    }
                }
                return text.toString();
            };
        }

        /** A valid code point (never a lone surrogate) from anywhere in Unicode, astral planes included. */
        private static int codePoint(int draw) {
            int cp = draw % 0x110000;
            return Character.isSurrogate((char) cp) && cp < 0x10000 ? 0x4E00 + cp % 0x5000 : cp;
        }

        /** The text the properties' tokenizer is trained on, made here: words, Chinese, emoji, marks. */
        static String corpus() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                text.append("the cat sat on the mat, ").append(i).append(" times! ")
                        .append("分词把文字切成词元，的的确确。").append("😀👍🏽 e\u0301te ").append(END).append('\n');
            }
            return text.toString();
        }
    }
}
