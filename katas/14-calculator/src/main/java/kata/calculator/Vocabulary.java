package kata.calculator;

/**
 * The calculator's 14 symbols and their ids, and the tokenizer: one token per character.
 * <pre>
 *   id      0    1      2    3    4 .. 13
 *   symbol  _    ^      $    +    0 .. 9
 *           PAD  START  END  plus the digits
 * </pre>
 * PAD fills a sequence up to its fixed length and is ignored by the loss and hidden from attention;
 * START is the decoder's first input; END is the last label, after which decoding stops. START
 * must never share PAD's id: the decoder's first input would then be hidden padding, and the loss
 * would ignore every label a START stands for.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** The number of symbols, {@code V = 14}. */
    public static int size() {
        throw new UnsupportedOperationException("TODO(14): the number of symbols");
    }

    /** The id of PAD ({@code _}): 0. */
    public static int pad() {
        throw new UnsupportedOperationException("TODO(14): the id of PAD");
    }

    /** The id of START ({@code ^}): 1, never PAD's. */
    public static int start() {
        throw new UnsupportedOperationException("TODO(14): the id of START");
    }

    /** The id of END ({@code $}): 2. */
    public static int end() {
        throw new UnsupportedOperationException("TODO(14): the id of END");
    }

    /**
     * One id per character of {@code text}: {@code "7+45"} gives {@code [11, 3, 8, 9]}; {@code ""} gives
     * an empty array.
     *
     * @throws IllegalArgumentException when a character is not one of the 14 symbols; the message
     *     names the character, its index and the vocabulary, as
     *     {@code 'x' at index 3 is not in the vocabulary _^$+0123456789}
     */
    public static int[] encode(String text) {
        throw new UnsupportedOperationException("TODO(14): one id per character");
    }

    /**
     * One symbol per id, the inverse of {@link #encode}: {@code [1, 9, 6, 2]} gives {@code "^52$"}.
     * {@code ids} is not modified.
     *
     * @throws IllegalArgumentException when an id is outside {@code 0..13}; the message names the id
     *     and its index, as {@code ids[2] = 14}, and the valid ids, {@code 0 to 13}
     */
    public static String decode(int[] ids) {
        throw new UnsupportedOperationException("TODO(14): one symbol per id");
    }
}
