package kata.calculator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One addition {@code a + b}, operands in {@code 0..999}.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public record Problem(int a, int b) {

    /** One to three ASCII digits, a plus, one to three digits; whitespace only around the whole. */
    private static final Pattern PROBLEM = Pattern.compile("\\s*([0-9]{1,3})\\+([0-9]{1,3})\\s*");

    /** Both operands in 0..999. */
    public Problem {
        check("a", a);
        check("b", b);
    }

    /** a + b. */
    public int sum() {
        return a + b;
    }

    /** "123+456" as (123, 456). */
    public static Problem parse(String text) {
        Matcher matcher = PROBLEM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a problem: expected one to three digits, '+',"
                    + " one to three digits, as \"123+456\"");
        }
        return new Problem(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    private static void check(String name, int operand) {
        if (operand < 0 || operand > 999) {
            throw new IllegalArgumentException(name + " = " + operand + " is not in 0..999");
        }
    }
}
