package kata.decoder;

import java.util.ArrayList;
import java.util.List;
import kata.support.Matrices;
import kata.support.Tensor;

/**
 * Stand-ins for the parts of kata 04 (layer norm), 05 (dropout), 07 (multi-head attention) and 09
 * (the feed-forward network), so that this kata's own specs do not depend on them: each written as
 * directly as possible, and small elementwise maps whose effect on the wiring can be followed by hand.
 */
final class StandIns {

    private StandIns() {
    }

    /** The part that maps every element v to {@code factor * v + shift}. */
    static Transform affine(double factor, double shift) {
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

    /** An attention that ignores its mask and returns {@code factor * query} plus the first memory row on every row. */
    static Attention attention(double factor, double memoryWeight) {
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

    /** One call of an attention: copies of what it was given. */
    record Call(Tensor query, Tensor memory, boolean[][] masked) {
    }

    /** An attention that records its calls and returns zeros. */
    static final class RecordingAttention implements Attention {

        private final List<Call> calls = new ArrayList<>();

        List<Call> calls() {
            return calls;
        }

        @Override
        public Tensor attend(Tensor query, Tensor memory, boolean[][] masked) {
            calls.add(new Call(affine(1, 0).apply(query), affine(1, 0).apply(memory), masked));
            return Tensor.zeros(query.shape());
        }
    }

    /**
     * Multi-head attention written out plainly: queries {@code query W_Q + b_Q}, keys and values from
     * {@code memory}, the columns split into {@code heads} contiguous blocks,
     * {@link #attentionWeights} times v per head, concatenated, projected with W_O, b_O.
     */
    static Attention multiHead(int heads, Tensor[] weights) {
        return (query, memory, masked) -> {
            Tensor q = Matrices.linear(query, weights[0], weights[1]);
            Tensor k = Matrices.linear(memory, weights[2], weights[3]);
            Tensor v = Matrices.linear(memory, weights[4], weights[5]);
            int dK = q.size(1) / heads;
            Tensor concat = Tensor.zeros(q.size(0), q.size(1));
            for (int h = 0; h < heads; h++) {
                Tensor w = attentionWeights(columns(q, h * dK, dK), columns(k, h * dK, dK), masked);
                Tensor output = Matrices.matmul(w, columns(v, h * dK, dK));
                for (int i = 0; i < output.size(0); i++) {
                    for (int c = 0; c < dK; c++) {
                        concat.set(output.get(i, c), i, h * dK + c);
                    }
                }
            }
            return Matrices.linear(concat, weights[6], weights[7]);
        };
    }

    /** One head's weights {@code softmax(q k^T / sqrt(d_k))}, a masked score set to -infinity first. */
    static Tensor attentionWeights(Tensor q, Tensor k, boolean[][] masked) {
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

    private static Tensor columns(Tensor m, int from, int count) {
        Tensor block = Tensor.zeros(m.size(0), count);
        for (int i = 0; i < m.size(0); i++) {
            for (int c = 0; c < count; c++) {
                block.set(m.get(i, from + c), i, c);
            }
        }
        return block;
    }

    /** Layer norm written out plainly: {@code gamma (x - mean) / sqrt(biased var + eps) + beta} per row. */
    static Transform layerNorm(Tensor gamma, Tensor beta, double eps) {
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
    static Transform feedForward(Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
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

    /** W_Q, b_Q, W_K, b_K, W_V, b_V, W_O, b_O of the golden self-attention. */
    static Tensor[] goldenSelfWeights() {
        return new Tensor[] {GoldenDecoderLayer.selfQueryWeight(), GoldenDecoderLayer.selfQueryBias(),
            GoldenDecoderLayer.selfKeyWeight(), GoldenDecoderLayer.selfKeyBias(),
            GoldenDecoderLayer.selfValueWeight(), GoldenDecoderLayer.selfValueBias(),
            GoldenDecoderLayer.selfOutputWeight(), GoldenDecoderLayer.selfOutputBias()};
    }

    /** W_Q, b_Q, W_K, b_K, W_V, b_V, W_O, b_O of the golden cross-attention. */
    static Tensor[] goldenCrossWeights() {
        return new Tensor[] {GoldenDecoderLayer.crossQueryWeight(), GoldenDecoderLayer.crossQueryBias(),
            GoldenDecoderLayer.crossKeyWeight(), GoldenDecoderLayer.crossKeyBias(),
            GoldenDecoderLayer.crossValueWeight(), GoldenDecoderLayer.crossValueBias(),
            GoldenDecoderLayer.crossOutputWeight(), GoldenDecoderLayer.crossOutputBias()};
    }

    /** The golden FFN. */
    static Transform goldenFeedForward() {
        return feedForward(GoldenDecoderLayer.w1(), GoldenDecoderLayer.b1(), GoldenDecoderLayer.w2(), GoldenDecoderLayer.b2());
    }

    /** The golden layer with stand-ins for every part and no dropout. */
    static DecoderLayer goldenLayer(NormOrder order) {
        double eps = GoldenDecoderLayer.EPS;
        return new DecoderLayer(order, multiHead(GoldenDecoderLayer.HEADS, goldenSelfWeights()),
                multiHead(GoldenDecoderLayer.HEADS, goldenCrossWeights()), goldenFeedForward(),
                layerNorm(GoldenDecoderLayer.norm1Gamma(), GoldenDecoderLayer.norm1Beta(), eps),
                layerNorm(GoldenDecoderLayer.norm2Gamma(), GoldenDecoderLayer.norm2Beta(), eps),
                layerNorm(GoldenDecoderLayer.norm3Gamma(), GoldenDecoderLayer.norm3Beta(), eps),
                x -> x);
    }

    /** Rows {@code from .. to - 1} of a matrix, copied. */
    static Tensor rows(Tensor m, int from, int to) {
        Tensor rows = Tensor.zeros(to - from, m.size(1));
        for (int i = from; i < to; i++) {
            for (int c = 0; c < m.size(1); c++) {
                rows.set(m.get(i, c), i - from, c);
            }
        }
        return rows;
    }

    /** The rows of a matrix as arrays, read through its layout. */
    static double[][] rowsOf(Tensor m) {
        double[][] rows = new double[m.size(0)][m.size(1)];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = m.get(i, j);
            }
        }
        return rows;
    }
}
