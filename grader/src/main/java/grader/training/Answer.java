package grader.training;

import java.util.OptionalInt;

/**
 * A problem as the model answered it.
 *
 * @param question the problem as a learner writes it, {@code 17+805}
 * @param sum the true sum
 * @param expected the answer the format asks for ({@code Format.answer})
 * @param said the model's answer by greedy decoding ({@code Decoding.answer})
 * @param read the number the format reads in what the model said, none when that is not a number
 */
public record Answer(String question, int sum, String expected, String said, OptionalInt read) {

    /** Exact match: the model said exactly the expected answer. */
    public boolean right() {
        return said.equals(expected);
    }

    /** The model's answer as a number, or what it said when that is no number. */
    public String saidAsNumber() {
        return read.isPresent() ? Integer.toString(read.getAsInt()) : said.isEmpty() ? "nothing" : "\"" + said + "\"";
    }
}
