package kata.tokenizer;

import java.util.List;

/**
 * A byte-level BPE tokenizer (分词器): text to ids and back, for any text (Chinese, emoji, accents,
 * anything UTF-8 can write), with no unknown token.
 *
 * <p>The vocabulary, in id order:
 * <pre>
 *   ids 0 .. 255                       the 256 byte values: id b is the byte b (0x41 is "A")
 *   ids 256 .. 256 + M - 1             the M merges: merge i makes id 256 + i from merges().get(i)
 *   ids 256 + M .. 256 + M + S - 1     the S special tokens, in the order given
 *   vocabSize = 256 + M + S
 * </pre>
 *
 * <p><b>Training</b> ({@link #train}) on a text:
 * <ol>
 *   <li>cut out the special tokens: scanning left to right, wherever a special token starts it is
 *       removed (the longest one, when several start there); the pieces between are texts of their
 *       own, so nothing is ever counted or merged across a special token;</li>
 *   <li>cut each piece with {@link PreSplit#chunks}, take each chunk's UTF-8 bytes as ids, and keep
 *       each distinct chunk once with its number of occurrences, in order of first appearance;</li>
 *   <li>repeat until there are {@code vocabSize - 256 - S} merges: count the pairs
 *       ({@link Bpe#pairCounts}), take the most frequent, give it the next id and merge it
 *       everywhere ({@link Bpe#merge}). <b>Tie rule:</b> among equally frequent pairs, the one whose
 *       first occurrence comes first in the text wins. Training stops early, with fewer merges,
 *       when no chunk has two ids left.</li>
 * </ol>
 *
 * <p><b>Encoding</b> ({@link #encode}) cuts out special tokens (same rule; each becomes its id) and
 * pre-splits the rest; in each chunk, starting from its bytes, it merges the pair with the lowest
 * merge rank (the earliest learned, the smallest id) wherever it occurs, left to right, and repeats
 * until no adjacent pair is a merge. Ranks, not positions: with the merges {@code (b, c)} then
 * {@code (a, b)}, "abc" is {@code a, bc}, although {@code (a, b)} comes first in the text.
 *
 * <p><b>Decoding</b> ({@link #decode}) joins the tokens' bytes and reads them as UTF-8, once, for
 * the whole sequence: {@code new String(bytes, UTF_8)}, which writes U+FFFD for invalid or
 * incomplete sequences. {@link StreamingDecoder} does the same one id at a time.
 *
 * <p><b>Saving</b> ({@link #save}) writes one line per item, each ending with {@code "\n"}:
 * <pre>
 *   byte-level bpe                    the header
 *   merge 97 97                       merge 0, id 256: the ids it joins, left then right
 *   merge 256 97                      merge 1, id 257
 *   special &lt;|endoftext|&gt;             special token 0, id 258: the rest of the line
 * </pre>
 * the merges in order, then the special tokens in order. A special token's line holds it exactly,
 * spaces and tabs included: {@code " <s> "} is the line {@code "special  <s> "}. {@link #load} reads
 * it back.
 *
 * <p>A tokenizer never changes: every method returns fresh lists and arrays, and never keeps or
 * modifies its arguments.
 */
public final class Tokenizer {

    /**
     * A tokenizer with the given merges and special tokens.
     *
     * @param merges merge i joins two ids that exist before it, each in [0, 256 + i)
     * @param specialTokens non-empty, distinct, without a line break ({@code \n} or {@code \r})
     * @throws IllegalArgumentException when a merge uses an id outside [0, 256 + i) (the message names
     *     {@code merges}, the merge's index i and the pair as it prints, {@code (97, 256)}), or a special token is empty, repeated or holds a
     *     line break (the message names {@code specialTokens})
     */
    public Tokenizer(List<Pair> merges, List<String> specialTokens) {
        throw new UnsupportedOperationException("TODO(15): check and keep copies of the merges and special tokens");
    }

    /**
     * Learns the merges of {@code text} by the rule in the class comment.
     *
     * @param text the training text
     * @param vocabSize the size of the vocabulary to reach: 256 bytes + merges + special tokens
     * @param specialTokens the special tokens, as for the constructor
     * @return the trained tokenizer
     * @throws IllegalArgumentException when {@code vocabSize < 256 + specialTokens.size()} (the
     *     message names it as {@code vocabSize = value}), or the special tokens are invalid as for
     *     the constructor
     */
    public static Tokenizer train(String text, int vocabSize, List<String> specialTokens) {
        throw new UnsupportedOperationException("TODO(15): pre-split, then merge the most frequent pair until the vocabulary is full");
    }

    /** The merges in the order learned: merge i makes id 256 + i; a fresh list. */
    public List<Pair> merges() {
        throw new UnsupportedOperationException("TODO(15): return the merges");
    }

    /** The special tokens in id order; a fresh list. */
    public List<String> specialTokens() {
        throw new UnsupportedOperationException("TODO(15): return the special tokens");
    }

    /** 256 + the number of merges + the number of special tokens. */
    public int vocabSize() {
        throw new UnsupportedOperationException("TODO(15): count the ids");
    }

    /**
     * The bytes a token stands for: id b below 256 is the one byte b, a merge its left token's
     * bytes then its right token's, a special token its UTF-8 encoding.
     *
     * @param id a token id
     * @return the bytes, a fresh array
     * @throws IllegalArgumentException when id is not in [0, vocabSize); the message names it as
     *     {@code id = value}
     */
    public byte[] bytes(int id) {
        throw new UnsupportedOperationException("TODO(15): a byte, a merge's two halves, or a special token's UTF-8");
    }

    /**
     * Encodes {@code text}: special tokens, then the pre-split chunks merged by rank.
     *
     * @param text any text; "" gives no id
     * @return the ids, a fresh array
     */
    public int[] encode(String text) {
        throw new UnsupportedOperationException("TODO(15): cut out special tokens, pre-split, merge each chunk by rank");
    }

    /**
     * Decodes {@code ids}: all their bytes joined, read once as UTF-8 (U+FFFD for invalid bytes).
     *
     * @param ids token ids, not modified
     * @return the text
     * @throws IllegalArgumentException when an id is not in [0, vocabSize); the message names it as
     *     {@code id = value}
     */
    public String decode(int[] ids) {
        throw new UnsupportedOperationException("TODO(15): join the tokens' bytes, then read them as UTF-8 once");
    }

    /** The tokenizer in the text format of the class comment. */
    public String save() {
        throw new UnsupportedOperationException("TODO(15): write the header, the merges, the special tokens");
    }

    /**
     * Reads a tokenizer written by {@link #save}.
     *
     * @param saved the text
     * @return a tokenizer equal in merges and special tokens to the one saved
     * @throws IllegalArgumentException when the first line is not the header, or a later line is
     *     neither {@code merge <int> <int>} nor {@code special <text>} (the message names the line as
     *     {@code line n}, counted from 1), or the merges or special tokens are invalid as for the
     *     constructor
     */
    public static Tokenizer load(String saved) {
        throw new UnsupportedOperationException("TODO(15): parse the header, then each merge and special line");
    }
}
