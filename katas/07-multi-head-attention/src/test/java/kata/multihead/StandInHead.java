package kata.multihead;

import java.util.ArrayList;
import java.util.List;
import kata.support.Tensor;

/**
 * A stand-in for kata 06, so that this kata's specs do not depend on it: plain single-head attention,
 * {@code softmax(q k^T / sqrt(d_k), masked) v}, written as directly as possible. It records every
 * call, so a spec can see what each head was given.
 */
final class StandInHead implements HeadAttention {

    /** One call: copies of the arguments as the head saw them. */
    record Call(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
    }

    private final List<Call> calls = new ArrayList<>();

    List<Call> calls() {
        return calls;
    }

    @Override
    public HeadResult attend(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
        calls.add(new Call(copy(q), copy(k), copy(v), masked));
        int tQ = q.size(0);
        int tK = k.size(0);
        Tensor weights = Tensor.zeros(tQ, tK);
        for (int i = 0; i < tQ; i++) {
            double[] scores = new double[tK];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < tK; j++) {
                double dot = 0.0;
                for (int c = 0; c < q.size(1); c++) {
                    dot += q.get(i, c) * k.get(j, c);
                }
                scores[j] = masked != null && masked[i][j] ? Double.NEGATIVE_INFINITY : dot / Math.sqrt(q.size(1));
                max = Math.max(max, scores[j]);
            }
            double sum = 0.0;
            for (int j = 0; j < tK; j++) {
                sum += Math.exp(scores[j] - max);
            }
            for (int j = 0; j < tK; j++) {
                weights.set(Math.exp(scores[j] - max) / sum, i, j);
            }
        }
        Tensor output = Tensor.zeros(tQ, v.size(1));
        for (int i = 0; i < tQ; i++) {
            for (int c = 0; c < v.size(1); c++) {
                double sum = 0.0;
                for (int j = 0; j < tK; j++) {
                    sum += weights.get(i, j) * v.get(j, c);
                }
                output.set(sum, i, c);
            }
        }
        return new HeadResult(output, weights);
    }

    private static Tensor copy(Tensor t) {
        Tensor copy = Tensor.zeros(t.shape());
        for (int i = 0; i < t.size(0); i++) {
            for (int j = 0; j < t.size(1); j++) {
                copy.set(t.get(i, j), i, j);
            }
        }
        return copy;
    }
}
