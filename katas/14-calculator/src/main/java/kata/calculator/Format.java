package kata.calculator;

/**
 * How a problem and its answer are written as text for the model.
 *
 * <pre>
 *                    source       answer         7 + 45 = 52       999 + 1 = 1000
 *   REVERSED   "aaa+bbb"    4 digits, least     "007+045" "2500"  "999+001" "0001"
 *                           significant first
 *   PLAIN      "a+b"        the sum as written  "7+45"    "52"    "999+1"   "1000"
 * </pre>
 * REVERSED pads both operands to three digits and writes the sum padded to four digits, least
 * significant digit first: the decoder then writes each digit after the digits it depends on
 * (the units first, then the tens with the units' carry known, ...). PLAIN is the lecture's format;
 * the model learns it far worse (see the kata's note). Both fit the same lengths: a source of at
 * most {@link #sourceLength()} = 7 symbols, a target of at most {@link #targetLength()} = 6
 * (START, up to four digits, END).
 */
public enum Format {

    /** Operands padded to three digits, the sum padded to four digits, least significant digit first. */
    REVERSED,

    /** Operands and sum as a person writes them. */
    PLAIN;

    /**
     * The problem as the encoder reads it: REVERSED {@code "007+045"}, PLAIN {@code "7+45"}.
     */
    public String source(Problem problem) {
        throw new UnsupportedOperationException("TODO(14): the problem as text");
    }

    /**
     * The answer as the decoder writes it: REVERSED the sum padded to four digits, least significant
     * digit first (7 + 45 = 52 gives {@code "2500"}); PLAIN the sum ({@code "52"}).
     */
    public String answer(Problem problem) {
        throw new UnsupportedOperationException("TODO(14): the sum as text");
    }

    /**
     * The number an answer stands for, the inverse of {@link #answer}: REVERSED {@code "2500"} gives 52
     * (so does {@code "25"}: the digits are read least significant first), PLAIN {@code "52"} gives 52.
     *
     * @throws IllegalArgumentException when {@code answer} is empty, holds a character other than
     *     {@code 0-9}, or has more than four digits; the message names the answer and quotes it, as
     *     {@code answer "25$" is not one to four digits 0-9}
     */
    public int read(String answer) {
        throw new UnsupportedOperationException("TODO(14): the number the answer's digits stand for");
    }

    /** The longest source, {@code "999+999"}: 7 symbols, in both formats. */
    public int sourceLength() {
        throw new UnsupportedOperationException("TODO(14): the longest source");
    }

    /** The longest target: START, four digits, END, 6 symbols, in both formats. */
    public int targetLength() {
        throw new UnsupportedOperationException("TODO(14): the longest target");
    }
}
