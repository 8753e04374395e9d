package kata.support.testing;

import java.util.ArrayList;
import java.util.List;
import kata.support.AttentionLayer;
import kata.support.AttentionResult;
import kata.support.Matrices;
import kata.support.Tensor;
import kata.support.TensorFunction;

/**
 * Stand-ins for the parts a kata builds on (layer norm, dropout, attention, the feed-forward
 * network), so that its own specs do not depend on the learner's earlier katas: each written as
 * directly as possible, and small element-wise maps whose effect on the wiring can be followed by
 * hand. Every result is a fresh row-major tensor; inputs are read through their layout.
 */
public final class StandIns {

    private StandIns() {
    }

    /** The part that maps every element v of a matrix to {@code factor * v + shift}. */
    public static TensorFunction affine(double factor, double shift) {
        return x -> {
            Tensor y = Tensor.zeros(x.shape());
            for (int t = 0; t < x.size(0); t++) {
                for (int c = 0; c < x.size(1); c++) {
                    y.set(factor * x.get(t, c) + shift, t, c);
                }
            }
            return y;
        };
    }

    /** The part that multiplies every element by {@code factor}. */
    public static TensorFunction times(double factor) {
        return affine(factor, 0.0);
    }

    /** The part that adds {@code shift} to every element. */
    public static TensorFunction plus(double shift) {
        return affine(1.0, shift);
    }

    /**
     * An attention that ignores its mask and returns {@code factor * query} plus {@code memoryWeight}
     * times the first memory row on every row.
     */
    public static AttentionLayer attention(double factor, double memoryWeight) {
        return (query, memory, masked) -> {
            Tensor y = Tensor.zeros(query.shape());
            for (int t = 0; t < query.size(0); t++) {
                for (int c = 0; c < query.size(1); c++) {
                    y.set(factor * query.get(t, c) + memoryWeight * memory.get(0, c), t, c);
                }
            }
            return y;
        };
    }

    /** One call of an attention: copies of what it was given, as it saw them. */
    public record Call(Tensor query, Tensor memory, boolean[][] masked) {
    }

    /** An attention that records its calls and returns zeros of the query's shape. */
    public static final class RecordingAttention implements AttentionLayer {

        private final List<Call> calls = new ArrayList<>();

        /** Every call so far, in order. */
        public List<Call> calls() {
            return calls;
        }

        @Override
        public Tensor attend(Tensor query, Tensor memory, boolean[][] masked) {
            calls.add(new Call(times(1).apply(query), times(1).apply(memory), masked));
            return Tensor.zeros(query.shape());
        }
    }

    /**
     * Single-head scaled dot-product attention written out plainly, {@code softmax(q k^T / sqrt(d_k),
     * masked) v}: the output {@code (T_q, d_v)} and the weights {@code (T_q, T_k)}.
     */
    public static AttentionResult attend(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
        Tensor weights = attentionWeights(q, k, masked);
        return new AttentionResult(Matrices.matmul(weights, v), weights);
    }

    /** One head's weights {@code softmax(q k^T / sqrt(d_k))}, a masked score set to -infinity first. */
    public static Tensor attentionWeights(Tensor q, Tensor k, boolean[][] masked) {
        Tensor weights = Tensor.zeros(q.size(0), k.size(0));
        for (int i = 0; i < q.size(0); i++) {
            double[] scores = new double[k.size(0)];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < scores.length; j++) {
                double dot = 0.0;
                for (int c = 0; c < q.size(1); c++) {
                    dot += q.get(i, c) * k.get(j, c);
                }
                scores[j] = masked != null && masked[i][j] ? Double.NEGATIVE_INFINITY : dot / Math.sqrt(q.size(1));
                max = Math.max(max, scores[j]);
            }
            double sum = 0.0;
            for (double score : scores) {
                sum += Math.exp(score - max);
            }
            for (int j = 0; j < scores.length; j++) {
                weights.set(Math.exp(scores[j] - max) / sum, i, j);
            }
        }
        return weights;
    }

    /**
     * Multi-head attention written out plainly: queries {@code query W_Q + b_Q}, keys and values from
     * {@code memory}, the columns split into {@code numHeads} contiguous blocks, {@link #attend} per
     * head, concatenated, projected with W_O, b_O.
     *
     * @param weights W_Q, b_Q, W_K, b_K, W_V, b_V, W_O, b_O, in this order
     */
    public static AttentionLayer multiHead(int numHeads, Tensor... weights) {
        return (query, memory, masked) -> {
            Tensor q = Matrices.linear(query, weights[0], weights[1]);
            Tensor k = Matrices.linear(memory, weights[2], weights[3]);
            Tensor v = Matrices.linear(memory, weights[4], weights[5]);
            int headDim = q.size(1) / numHeads;
            Tensor concat = Tensor.zeros(q.size(0), q.size(1));
            for (int h = 0; h < numHeads; h++) {
                Tensor output = attend(columns(q, h * headDim, headDim), columns(k, h * headDim, headDim),
                        columns(v, h * headDim, headDim), masked).output();
                for (int i = 0; i < output.size(0); i++) {
                    for (int c = 0; c < headDim; c++) {
                        concat.set(output.get(i, c), i, h * headDim + c);
                    }
                }
            }
            return Matrices.linear(concat, weights[6], weights[7]);
        };
    }

    /** Layer norm written out plainly: {@code gamma (x - mean) / sqrt(biased var + eps) + beta} per row. */
    public static TensorFunction layerNorm(Tensor gamma, Tensor beta, double eps) {
        return x -> {
            Tensor y = Tensor.zeros(x.shape());
            int d = x.size(1);
            for (int t = 0; t < x.size(0); t++) {
                double mean = 0.0;
                for (int c = 0; c < d; c++) {
                    mean += x.get(t, c) / d;
                }
                double variance = 0.0;
                for (int c = 0; c < d; c++) {
                    variance += (x.get(t, c) - mean) * (x.get(t, c) - mean) / d;
                }
                for (int c = 0; c < d; c++) {
                    y.set(gamma.get(c) * (x.get(t, c) - mean) / Math.sqrt(variance + eps) + beta.get(c), t, c);
                }
            }
            return y;
        };
    }

    /** The feed-forward network {@code max(0, x W1 + b1) W2 + b2} written out plainly. */
    public static TensorFunction feedForward(Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
        return x -> {
            Tensor hidden = Matrices.linear(x, w1, b1);
            for (int t = 0; t < hidden.size(0); t++) {
                for (int j = 0; j < hidden.size(1); j++) {
                    hidden.set(Math.max(0.0, hidden.get(t, j)), t, j);
                }
            }
            return Matrices.linear(hidden, w2, b2);
        };
    }

    /** Columns {@code from .. from + count - 1} of a matrix, copied. */
    public static Tensor columns(Tensor m, int from, int count) {
        Tensor block = Tensor.zeros(m.size(0), count);
        for (int i = 0; i < m.size(0); i++) {
            for (int c = 0; c < count; c++) {
                block.set(m.get(i, from + c), i, c);
            }
        }
        return block;
    }

    /** Rows {@code from .. to - 1} of a matrix, copied. */
    public static Tensor rows(Tensor m, int from, int to) {
        Tensor rows = Tensor.zeros(to - from, m.size(1));
        for (int i = from; i < to; i++) {
            for (int c = 0; c < m.size(1); c++) {
                rows.set(m.get(i, c), i - from, c);
            }
        }
        return rows;
    }

    /** The rows of a matrix as arrays, read through its layout. */
    public static double[][] rowsOf(Tensor m) {
        double[][] rows = new double[m.size(0)][m.size(1)];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = m.get(i, j);
            }
        }
        return rows;
    }

    /** The values of a vector. */
    public static double[] values(Tensor v) {
        double[] values = new double[v.size(0)];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.get(i);
        }
        return values;
    }
}
