package kata.calculator;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Greedy decoding: append the argmax of the last position's logits until END.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public final class Decoding {

    private Decoding() {
    }

    /** The tokens after START, END not included. */
    public static int[] greedy(Predictor predictor, int[] source, int maxTokens) {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens = " + maxTokens + " is negative");
        }
        int[] tokens = {Vocabulary.start()};
        for (int step = 0; step < maxTokens; step++) {
            Tensor logits = predictor.logits(new int[][] {source.clone()}, new int[][] {tokens.clone()});   // (1, T, V)
            int next = argmax(logits, tokens.length - 1);
            if (next == Vocabulary.end()) {
                break;
            }
            tokens = Arrays.copyOf(tokens, tokens.length + 1);
            tokens[tokens.length - 1] = next;
        }
        return Arrays.copyOfRange(tokens, 1, tokens.length);
    }

    /** The digits of the greedy answer. */
    public static String answer(Predictor predictor, Problem problem, Format format) {
        int[] tokens = greedy(predictor, Dataset.source(problem, format), format.targetLength() - 1);
        return Vocabulary.decode(tokens).replaceAll("[^0-9]", "");
    }

    /** The lowest id of the largest logit at decoder position {@code row} of the only batch entry. */
    private static int argmax(Tensor logits, int row) {
        int best = 0;
        for (int v = 1; v < logits.size(2); v++) {
            if (logits.get(0, row, v) > logits.get(0, row, best)) {
                best = v;
            }
        }
        return best;
    }
}
