package kata.tokenizer;

import java.util.List;

/**
 * The pre-split (预切分): cuts a text into chunks before BPE sees it. Merges never cross a chunk
 * boundary, so a token never spans a word and the space or punctuation after it, and "dog." and
 * "dog!" share the token "dog".
 *
 * <p>Each code point has a class, the first of these that applies:
 * <ol>
 *   <li>WHITESPACE: {@code Character.isWhitespace(cp)} (space, tab, line breaks; not U+00A0);</li>
 *   <li>HAN: {@code Character.UnicodeScript.of(cp) == HAN} (Chinese characters, 中文);</li>
 *   <li>LETTER: {@code Character.isLetter(cp)} (every other script's letters);</li>
 *   <li>DIGIT: {@code Character.isDigit(cp)};</li>
 *   <li>MARK: {@code Character.getType(cp)} is {@code NON_SPACING_MARK}, {@code ENCLOSING_MARK} or
 *       {@code COMBINING_SPACING_MARK} (the accent of "e\u0301");</li>
 *   <li>OTHER: everything else (punctuation, symbols, emoji, U+00A0).</li>
 * </ol>
 * A run is a longest stretch of code points of one class, where a MARK takes the class of the
 * code point before it (a MARK first in the text, or after whitespace, counts as OTHER).
 * Every run is a chunk, with one exception that keeps a word's space with the word: when a
 * WHITESPACE run ends with a space U+0020 and another run follows, that last space moves to the
 * start of the next chunk, and what is left of the whitespace run (if anything) stays a chunk.
 * <pre>
 *   "Hello, world!"     ->  "Hello", ",", " world", "!"
 *   "  x\n y"           ->  " ", " x", "\n", " y"
 *   "3.14 是圆周率"      ->  "3", ".", "14", " 是圆周率"
 *   "GPT模型"            ->  "GPT", "模型"
 * </pre>
 * The chunks joined in order give the text back; none is empty; the empty text has no chunk.
 */
public final class PreSplit {

    private PreSplit() {
    }

    /**
     * Cuts {@code text} into its chunks by the rule above.
     *
     * @param text any text (special tokens are cut out before this is called)
     * @return the chunks in order, a fresh list
     */
    public static List<String> chunks(String text) {
        throw new UnsupportedOperationException("TODO(15): cut the text into runs of one class, a space kept with the run after it");
    }
}
