package kata.backprop;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Cross-entropy of logits {@code (N, V)} against integer targets {@code (N)}, with a PAD id and label
 * smoothing {@code eps}:
 * <pre>
 *   target_i = (1 - eps) onehot(t_i) + eps / V                    (V), sums to 1
 *   loss_i   = -sum_j target_ij log softmax(logits_i)_j
 *   loss     = (1/n) sum of loss_i over the n rows whose target is not PAD
 * </pre>
 * A PAD row contributes neither loss nor gradient: its row of dlogits is exactly 0, and it is not
 * counted in n. Compute the log softmax shifted by the row max, so that logits of 1e4 stay finite.
 * With no non-PAD row ({@code n = 0}) the loss is 0 and dlogits all 0.
 *
 * <p>No argument is modified; logits may have any layout; dlogits is a fresh row-major tensor.
 */
public final class CrossEntropy {

    private CrossEntropy() {
    }

    /**
     * The loss and its gradient with respect to the logits.
     *
     * @param logits    shape {@code (N, V)}, {@code V >= 1}; not modified
     * @param targets   one class in {@code [0, V)} or {@code padId} per row; not modified
     * @param padId     the id of padding positions (any int; it may lie outside {@code [0, V)})
     * @param smoothing eps in {@code [0, 1]}; 0 gives plain cross-entropy
     * @return the loss, dlogits {@code (N, V)} and the count n of non-PAD rows
     * @throws IllegalArgumentException when logits is not {@code (N, V)} with {@code V >= 1} (the
     *     message names "logits" and its shape), when targets has not N entries (naming "targets"
     *     and the shape of logits), when a target is neither PAD nor a class (naming it, as
     *     {@code targets[2] = 7}), or when smoothing is outside [0, 1] (naming "smoothing")
     */
    public static CrossEntropyResult of(Tensor logits, int[] targets, int padId, double smoothing) {
        if (logits.rank() != 2 || logits.size(1) < 1) {
            throw new IllegalArgumentException("logits must have shape (N, V) with V >= 1, but has shape "
                    + Shapes.of(logits));
        }
        int rows = logits.size(0);
        int classes = logits.size(1);
        if (targets == null || targets.length != rows) {
            throw new IllegalArgumentException("targets has " + (targets == null ? "no" : targets.length)
                    + " entries, but logits has shape " + Shapes.of(logits) + ": one target per row");
        }
        if (!(smoothing >= 0.0 && smoothing <= 1.0)) {
            throw new IllegalArgumentException("smoothing must lie in [0, 1], was " + smoothing);
        }
        int count = 0;
        for (int i = 0; i < rows; i++) {
            int t = targets[i];
            if (t == padId) {
                continue;
            }
            if (t < 0 || t >= classes) {
                throw new IllegalArgumentException("targets[" + i + "] = " + t + " is neither PAD (" + padId
                        + ") nor a class in [0, " + classes + ")");
            }
            count++;
        }
        Tensor dLogits = Tensor.zeros(rows, classes);
        if (count == 0) {
            return new CrossEntropyResult(0.0, dLogits, 0);
        }
        double[] grad = dLogits.storage();
        double offTarget = smoothing / classes;
        double onTarget = 1.0 - smoothing + offTarget;
        double total = 0.0;
        for (int i = 0; i < rows; i++) {
            int t = targets[i];
            if (t == padId) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < classes; j++) {
                max = Math.max(max, logits.get(i, j));
            }
            double sum = 0.0;
            for (int j = 0; j < classes; j++) {
                sum += Math.exp(logits.get(i, j) - max);
            }
            double logSum = Math.log(sum);
            for (int j = 0; j < classes; j++) {
                double logProb = logits.get(i, j) - max - logSum;
                double target = j == t ? onTarget : offTarget;
                total -= target * logProb;
                grad[i * classes + j] = (Math.exp(logProb) - target) / count;
            }
        }
        return new CrossEntropyResult(total / count, dLogits, count);
    }
}
