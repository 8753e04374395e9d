package kata.backprop;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Cross-entropy over logits {@code (N, V)} with integer targets, a PAD id and label smoothing:
 * <pre>
 *   target_i = (1 - eps) onehot(t_i) + eps / V                          (V)
 *   loss     = (1/n) sum over non-PAD i of -sum_j target_ij log softmax(logits_i)_j
 *   dlogits_i = (softmax(logits_i) - target_i) / n   on non-PAD rows, 0 on PAD rows
 * </pre>
 * with {@code n} the number of non-PAD rows. The log softmax is {@code x - max - log sum exp(x - max)},
 * so logits of 1e4 stay finite.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/13-backpropagation/}.
 */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /** The loss and dlogits of {@code logits (N, V)} against {@code targets (N)}. */
    public static CrossEntropyResult of(Tensor logits, int[] targets, int padId, double smoothing) {
        check(logits, targets, padId, smoothing);
        int rows = logits.size(0);
        int vocab = logits.size(1);
        int count = 0;
        for (int target : targets) {
            count += target == padId ? 0 : 1;
        }
        Tensor dLogits = Tensor.zeros(rows, vocab);      // (N, V), PAD rows stay 0
        double loss = 0.0;
        for (int i = 0; i < rows; i++) {
            if (targets[i] == padId) {
                continue;                                // PAD: neither loss nor gradient
            }
            double[] logProbs = logSoftmax(logits, i);   // (V)
            for (int j = 0; j < vocab; j++) {
                double target = (j == targets[i] ? 1.0 - smoothing : 0.0) + smoothing / vocab;
                loss -= target * logProbs[j];
                dLogits.set((Math.exp(logProbs[j]) - target) / count, i, j);
            }
        }
        return new CrossEntropyResult(count == 0 ? 0.0 : loss / count, dLogits, count);
    }

    /** Row {@code i} of the logits as {@code x - max - log sum exp(x - max)}: exp never sees more than 0. */
    private static double[] logSoftmax(Tensor logits, int i) {
        double[] x = new double[logits.size(1)];     // (V)
        for (int j = 0; j < x.length; j++) {
            x[j] = logits.get(i, j);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double value : x) {
            max = Math.max(max, value);
        }
        double sum = 0.0;
        for (double value : x) {
            sum += Math.exp(value - max);
        }
        double logSum = max + Math.log(sum);
        double[] result = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            result[j] = x[j] - logSum;
        }
        return result;
    }

    private static void check(Tensor logits, int[] targets, int padId, double smoothing) {
        Shapes.requireMatrix(logits, "logits");
        if (logits.size(1) == 0) {
            throw new IllegalArgumentException("logits must have at least one class, but has shape " + Shapes.of(logits));
        }
        if (targets.length != logits.size(0)) {
            throw new IllegalArgumentException("targets has " + targets.length + " entries, but logits has shape "
                    + Shapes.of(logits) + ": one target per row");
        }
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] != padId && (targets[i] < 0 || targets[i] >= logits.size(1))) {
                throw new IllegalArgumentException("targets[" + i + "] = " + targets[i] + " is neither PAD nor a class of logits "
                        + Shapes.of(logits));
            }
        }
        if (!(smoothing >= 0.0 && smoothing <= 1.0)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1], was " + smoothing);
        }
    }
}
