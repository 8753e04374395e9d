package kata.encoder;

import java.util.ArrayList;
import java.util.List;
import kata.support.Matrices;
import kata.support.Tensor;

/**
 * Stand-ins for the parts of kata 04 (layer norm), 05 (dropout) and 07 (multi-head attention), so that
 * this kata's own specs do not depend on them: each written as directly as possible, and small
 * elementwise maps whose effect on the wiring can be followed by hand.
 */
final class StandIns {

    private StandIns() {
    }

    /** The part that multiplies every element by {@code factor}. */
    static Transform times(double factor) {
        return x -> map(x, factor, 0.0);
    }

    /** The part that adds {@code shift} to every element. */
    static Transform plus(double shift) {
        return x -> map(x, 1.0, shift);
    }

    /** A self-attention that ignores its mask and returns {@code factor * x}. */
    static SelfAttention attentionTimes(double factor) {
        return (x, masked) -> map(x, factor, 0.0);
    }

    /** A self-attention that records the masks it was given and returns zeros. */
    static final class RecordingAttention implements SelfAttention {

        private final List<boolean[][]> masks = new ArrayList<>();

        List<boolean[][]> masks() {
            return masks;
        }

        @Override
        public Tensor attend(Tensor x, boolean[][] masked) {
            masks.add(masked);
            return Tensor.zeros(x.shape());
        }
    }

    /**
     * Multi-head self-attention written out plainly: project with {@code y = x W + b}, split the
     * columns into {@code heads} contiguous blocks, {@link #attentionWeights} times v per head,
     * concatenate, project with W_O, b_O.
     */
    static SelfAttention multiHead(int heads, Tensor wQ, Tensor bQ, Tensor wK, Tensor bK, Tensor wV, Tensor bV,
                                   Tensor wO, Tensor bO) {
        return (x, masked) -> {
            Tensor q = Matrices.linear(x, wQ, bQ);
            Tensor k = Matrices.linear(x, wK, bK);
            Tensor v = Matrices.linear(x, wV, bV);
            int dK = q.size(1) / heads;
            Tensor concat = Tensor.zeros(x.size(0), q.size(1));
            for (int h = 0; h < heads; h++) {
                Tensor weights = attentionWeights(columns(q, h * dK, dK), columns(k, h * dK, dK), masked);
                Tensor output = Matrices.matmul(weights, columns(v, h * dK, dK));
                for (int i = 0; i < output.size(0); i++) {
                    for (int c = 0; c < dK; c++) {
                        concat.set(output.get(i, c), i, h * dK + c);
                    }
                }
            }
            return Matrices.linear(concat, wO, bO);
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

    /** The golden layer's self-attention, with PyTorch's weights. */
    static SelfAttention goldenAttention() {
        return multiHead(GoldenEncoderLayer.HEADS,
                GoldenEncoderLayer.queryWeight(), GoldenEncoderLayer.queryBias(),
                GoldenEncoderLayer.keyWeight(), GoldenEncoderLayer.keyBias(),
                GoldenEncoderLayer.valueWeight(), GoldenEncoderLayer.valueBias(),
                GoldenEncoderLayer.outputWeight(), GoldenEncoderLayer.outputBias());
    }

    /** The golden layer's feed-forward network, your {@link FeedForward} with PyTorch's weights. */
    static FeedForward goldenFeedForward() {
        return new FeedForward(GoldenEncoderLayer.w1(), GoldenEncoderLayer.b1(), GoldenEncoderLayer.w2(),
                GoldenEncoderLayer.b2());
    }

    /** The golden layer with stand-in attention and norms and no dropout. */
    static EncoderLayer goldenLayer(NormOrder order) {
        return new EncoderLayer(order, goldenAttention(), goldenFeedForward(),
                layerNorm(GoldenEncoderLayer.norm1Gamma(), GoldenEncoderLayer.norm1Beta(), GoldenEncoderLayer.EPS),
                layerNorm(GoldenEncoderLayer.norm2Gamma(), GoldenEncoderLayer.norm2Beta(), GoldenEncoderLayer.EPS),
                x -> x);
    }

    /** The rows of a matrix, read through its layout. */
    static double[][] rows(Tensor m) {
        double[][] rows = new double[m.size(0)][m.size(1)];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = m.get(i, j);
            }
        }
        return rows;
    }

    /** The values of a vector. */
    static double[] values(Tensor v) {
        double[] values = new double[v.size(0)];
        for (int i = 0; i < values.length; i++) {
            values[i] = v.get(i);
        }
        return values;
    }

    private static Tensor map(Tensor x, double factor, double shift) {
        Tensor y = Tensor.zeros(x.shape());
        for (int t = 0; t < x.size(0); t++) {
            for (int c = 0; c < x.size(1); c++) {
                y.set(factor * x.get(t, c) + shift, t, c);
            }
        }
        return y;
    }
}
