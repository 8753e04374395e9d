package kata.calculator;

/**
 * One addition {@code a + b} of two whole numbers of one to three digits.
 *
 * @param a the first operand, {@code 0 <= a <= 999}
 * @param b the second operand, {@code 0 <= b <= 999}
 */
public record Problem(int a, int b) {

    /**
     * Checks both operands.
     *
     * @throws IllegalArgumentException when {@code a} or {@code b} is outside {@code 0..999}; the
     *     message names the operand and its value, as {@code a = 1000}
     */
    public Problem {
        throw new UnsupportedOperationException("TODO(14): check that a and b are in 0..999");
    }

    /** {@code a + b}, in {@code 0..1998}. */
    public int sum() {
        throw new UnsupportedOperationException("TODO(14): a + b");
    }

    /**
     * Reads a problem as a person types it: {@code "123+456"} gives {@code (123, 456)}. One to three
     * digits {@code 0-9} on each side of one {@code +}, nothing else between them; whitespace around
     * the whole is allowed ({@code " 7+45 "}), leading zeros too ({@code "007+045"}).
     *
     * @throws IllegalArgumentException for anything else ({@code ""}, {@code "1234+5"}, {@code "1+"},
     *     {@code "1 + 2"}, {@code "-1+2"}, {@code "1+2+3"}); the message quotes the text, as {@code "1+"}
     */
    public static Problem parse(String text) {
        throw new UnsupportedOperationException("TODO(14): one to three digits, '+', one to three digits");
    }
}
