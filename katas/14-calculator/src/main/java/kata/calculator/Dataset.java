package kata.calculator;

import java.util.List;

/**
 * Problems drawn from a seed, and their token ids for the model.
 *
 * <p>A problem {@code a+b} has {@code a} and {@code b} drawn uniformly from {@code 0..999}, so there are
 * 1,000,000 distinct problems. The test set measures whether the model learned to add, not whether it
 * remembers: it shares no problem with the training set.
 */
public final class Dataset {

    private Dataset() {
    }

    /**
     * {@code trainCount} training and {@code testCount} test problems, all distinct: {@code a} and {@code b}
     * drawn uniformly from {@code 0..999} with {@code kata.support.Seeds.random(seed)}, a problem drawn
     * again skipped, so that no problem is twice in a list or in both. The same seed gives the same two
     * lists, in the same order; another seed other lists.
     *
     * @throws IllegalArgumentException when a count is negative (the message names it, as
     *     {@code trainCount = -1}), or when {@code trainCount + testCount} exceeds the 1,000,000 distinct
     *     problems (the message gives the sum)
     */
    public static Split split(long seed, int trainCount, int testCount) {
        throw new UnsupportedOperationException("TODO(14): draw distinct problems for two disjoint lists");
    }

    /**
     * The source's ids: {@code Vocabulary.encode(format.source(problem))} right-padded with PAD to
     * {@code format.sourceLength()} = 7. PLAIN 7 + 45: {@code "7+45___"}.
     */
    public static int[] source(Problem problem, Format format) {
        throw new UnsupportedOperationException("TODO(14): the encoded source, padded to 7");
    }

    /**
     * The target's ids: START, {@code Vocabulary.encode(format.answer(problem))}, END, right-padded with PAD
     * to {@code format.targetLength()} = 6. REVERSED 7 + 45: {@code "^2500$"}; PLAIN: {@code "^52$__"}.
     */
    public static int[] target(Problem problem, Format format) {
        throw new UnsupportedOperationException("TODO(14): START, the encoded answer, END, padded to 6");
    }

    /**
     * The batch of the problems, in their order, for teacher forcing: per problem its {@link #source}
     * (7 ids), {@code decoderInput = target[0..5)} (START first) and {@code labels = target[1..6)} (the
     * same sequence shifted by one: at each position the decoder is taught the next token). Fresh arrays;
     * {@code problems} is not modified.
     *
     * @throws IllegalArgumentException when {@code problems} is empty (the message names problems)
     */
    public static Batch batch(List<Problem> problems, Format format) {
        throw new UnsupportedOperationException("TODO(14): sources, targets without their last token, targets without START");
    }
}
