package kata.backprop;

import kata.support.Tensor;
import kata.support.testing.Indices;

/**
 * The forward passes the specs differentiate numerically: stand-ins written from the definitions,
 * so kata 13 can be attempted before katas 04, 06 and 11 (the integration spec uses yours).
 * Each returns a fresh row-major tensor and modifies nothing.
 */
final class Forward {

    private Forward() {
    }

    /** Layer norm of kata 04 over the last axis. */
    interface LayerNormForward {
        Tensor apply(Tensor x, Tensor gamma, Tensor beta, double eps);
    }

    /** The attention weights {@code softmax(Q K^T / sqrt(d_k) + mask)} of kata 06 ({@code null}: no mask). */
    interface AttentionWeights {
        Tensor weights(Tensor q, Tensor k, boolean[][] masked);
    }

    /** The embedding lookup of kata 11, {@code scale * table[ids[t]]}. */
    interface Embedding {
        Tensor embed(Tensor table, double scale, int[] ids);
    }

    /** {@code y = x W + b} for x {@code (..., d_in)}. */
    static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        int[] shape = x.shape();
        shape[shape.length - 1] = weight.size(1);
        Tensor y = Tensor.zeros(shape);
        for (int[] index : Indices.of(shape)) {
            int[] in = index.clone();
            double sum = bias.get(index[index.length - 1]);
            for (int i = 0; i < weight.size(0); i++) {
                in[in.length - 1] = i;
                sum += x.get(in) * weight.get(i, index[index.length - 1]);
            }
            y.set(sum, index);
        }
        return y;
    }

    /** {@code max(x, 0)} element by element. */
    static Tensor relu(Tensor x) {
        Tensor y = Tensor.zeros(x.shape());
        for (int[] index : Indices.of(x.shape())) {
            y.set(Math.max(x.get(index), 0.0), index);
        }
        return y;
    }

    /** Softmax over the last axis, shifted by the row max. */
    static Tensor softmax(Tensor x) {
        Tensor y = Tensor.zeros(x.shape());
        int n = x.size(x.rank() - 1);
        for (int[] start : rowStarts(x.shape())) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                max = Math.max(max, x.get(at(start, k)));
            }
            double sum = 0.0;
            for (int k = 0; k < n; k++) {
                sum += Math.exp(x.get(at(start, k)) - max);
            }
            for (int k = 0; k < n; k++) {
                y.set(Math.exp(x.get(at(start, k)) - max) / sum, at(start, k));
            }
        }
        return y;
    }

    /** The stand-in for kata 04: the definition, mean first, biased variance, eps inside the sqrt. */
    static final LayerNormForward LAYER_NORM = (x, gamma, beta, eps) -> {
        Tensor y = Tensor.zeros(x.shape());
        int d = gamma.size(0);
        for (int[] start : rowStarts(x.shape())) {
            double mean = 0.0;
            for (int k = 0; k < d; k++) {
                mean += x.get(at(start, k)) / d;
            }
            double var = 0.0;
            for (int k = 0; k < d; k++) {
                var += Math.pow(x.get(at(start, k)) - mean, 2) / d;
            }
            for (int k = 0; k < d; k++) {
                y.set(gamma.get(k) * (x.get(at(start, k)) - mean) / Math.sqrt(var + eps) + beta.get(k), at(start, k));
            }
        }
        return y;
    };

    /** The stand-in for kata 06: scaled scores, masked entries -infinity, row softmax. */
    static final AttentionWeights ATTENTION = (q, k, masked) -> {
        Tensor scores = Tensor.zeros(q.size(0), k.size(0));
        for (int i = 0; i < q.size(0); i++) {
            for (int j = 0; j < k.size(0); j++) {
                double dot = 0.0;
                for (int c = 0; c < q.size(1); c++) {
                    dot += q.get(i, c) * k.get(j, c);
                }
                boolean hidden = masked != null && masked[i][j];
                scores.set(hidden ? Double.NEGATIVE_INFINITY : dot / Math.sqrt(q.size(1)), i, j);
            }
        }
        return softmax(scores);
    };

    /** The stand-in for kata 11's lookup. */
    static final Embedding EMBEDDING = (table, scale, ids) -> {
        Tensor out = Tensor.zeros(ids.length, table.size(1));
        for (int t = 0; t < ids.length; t++) {
            for (int j = 0; j < table.size(1); j++) {
                out.set(scale * table.get(ids[t], j), t, j);
            }
        }
        return out;
    };

    /** {@code weights V}: {@code (T_q, T_k) x (T_k, d_v)}. */
    static Tensor weighted(Tensor weights, Tensor v) {
        Tensor out = Tensor.zeros(weights.size(0), v.size(1));
        for (int[] index : Indices.of(out.shape())) {
            double sum = 0.0;
            for (int j = 0; j < v.size(0); j++) {
                sum += weights.get(index[0], j) * v.get(j, index[1]);
            }
            out.set(sum, index);
        }
        return out;
    }

    /** The cross-entropy loss from its definition: mean over non-PAD rows of -sum(target * log softmax). */
    static double crossEntropy(Tensor logits, int[] targets, int padId, double smoothing) {
        Tensor probabilities = softmax(logits);
        int vocab = logits.size(1);
        double loss = 0.0;
        int count = 0;
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] != padId) {
                count++;
                for (int j = 0; j < vocab; j++) {
                    double target = (j == targets[i] ? 1.0 - smoothing : 0.0) + smoothing / vocab;
                    loss -= target * Math.log(probabilities.get(i, j));
                }
            }
        }
        return count == 0 ? 0.0 : loss / count;
    }

    /** The index of the first element of every row of a shape (..., n), n &gt; 0 (for the index's other axes). */
    private static java.util.List<int[]> rowStarts(int[] shape) {
        int[] rows = shape.clone();
        rows[rows.length - 1] = Math.min(1, rows[rows.length - 1]);
        return Indices.of(rows);
    }

    private static int[] at(int[] start, int k) {
        int[] index = start.clone();
        index[index.length - 1] = k;
        return index;
    }
}
