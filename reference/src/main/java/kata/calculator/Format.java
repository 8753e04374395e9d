package kata.calculator;

/**
 * REVERSED: {@code "007+045"} and {@code "2500"}; PLAIN: {@code "7+45"} and {@code "52"}.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public enum Format {

    /** Operands padded to three digits, the sum padded to four digits, least significant digit first. */
    REVERSED,

    /** Operands and sum as a person writes them. */
    PLAIN;

    /** The longest answer, 1998: four digits. */
    private static final int ANSWER_DIGITS = 4;

    /** The problem as text. */
    public String source(Problem problem) {
        return this == REVERSED
                ? String.format("%03d+%03d", problem.a(), problem.b())
                : problem.a() + "+" + problem.b();
    }

    /** The sum as text. */
    public String answer(Problem problem) {
        return this == REVERSED
                ? new StringBuilder(String.format("%04d", problem.sum())).reverse().toString()
                : Integer.toString(problem.sum());
    }

    /** The number the answer stands for. */
    public int read(String answer) {
        if (answer.isEmpty() || answer.length() > ANSWER_DIGITS || !answer.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("answer \"" + answer + "\" is not one to four digits 0-9");
        }
        String mostSignificantFirst = this == REVERSED ? new StringBuilder(answer).reverse().toString() : answer;
        return Integer.parseInt(mostSignificantFirst);
    }

    /** "999+999". */
    public int sourceLength() {
        return 7;
    }

    /** START, four digits, END. */
    public int targetLength() {
        return ANSWER_DIGITS + 2;
    }
}
