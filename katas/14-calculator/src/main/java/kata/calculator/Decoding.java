package kata.calculator;

/**
 * Greedy decoding: the trained model writes its answer one token at a time, reading its own output.
 * <pre>
 *   tokens = [START]
 *   repeat at most maxTokens times:
 *     next = argmax of the last row of predictor.logits([source], [tokens])
 *     if next == END: stop
 *     tokens = tokens + [next]
 *   return tokens without START
 * </pre>
 * The logits of every earlier row are computed again at each step and ignored: with the causal mask
 * they equal those of one teacher-forced pass over the whole output.
 */
public final class Decoding {

    private Decoding() {
    }

    /**
     * The greedy continuation of {@code [START]} for {@code source}: the tokens after START, END not
     * included. At most {@code maxTokens} calls of the predictor, each with one source and the tokens so
     * far; the argmax takes the lowest id among equal maxima. {@code source} is not modified.
     *
     * @param maxTokens the most tokens to generate, END included, at least 0 (0 returns an empty array)
     * @throws IllegalArgumentException when maxTokens is negative (the message names maxTokens)
     */
    public static int[] greedy(Predictor predictor, int[] source, int maxTokens) {
        throw new UnsupportedOperationException("TODO(14): append the argmax of the last row until END");
    }

    /**
     * The predictor's answer to {@code problem}: {@link #greedy} over {@code Dataset.source(problem, format)}
     * with {@code maxTokens = format.targetLength() - 1} (four digits and END), decoded, with every symbol
     * but the digits dropped. Read it with {@code format.read}.
     */
    public static String answer(Predictor predictor, Problem problem, Format format) {
        throw new UnsupportedOperationException("TODO(14): greedy over the source, decoded to digits");
    }
}
