package kata.backprop;

import kata.support.Matrices;
import kata.support.Tensor;

/**
 * The backward pass of scaled dot-product attention, from the weights {@code P} the forward pass saved:
 * <pre>
 *   dV = P^T dO                            (T_k, T_q) x (T_q, d_v) -> (T_k, d_v)
 *   dP = dO V^T                            (T_q, d_v) x (d_v, T_k) -> (T_q, T_k)
 *   dS = P * (dP - rowsum(dP * P))         (T_q, T_k), the softmax backward per row
 *   dQ = dS K / sqrt(d_k)                  (T_q, T_k) x (T_k, d_k) -> (T_q, d_k)
 *   dK = dS^T Q / sqrt(d_k)                (T_k, T_q) x (T_q, d_k) -> (T_k, d_k)
 * </pre>
 * A masked entry of P is 0, so its dS is exactly 0: a mask passes no gradient.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>The 1/sqrt(d_k) missing in dQ or dK: {@code AttentionBackwardSpec#theScaleAppearsInDqAndDk}.</li>
 *   <li>dV = P dO, untransposed: {@code AttentionBackwardSpec#goldenGradientsMatchPyTorch}.</li>
 * </ul>
 */
public final class AttentionBackward {

    private AttentionBackward() {
    }

    /** dQ, dK, dV of attention with saved weights {@code P (T_q, T_k)} and output gradient {@code dO (T_q, d_v)}. */
    public static AttentionGradients backward(Tensor q, Tensor k, Tensor v, Tensor weights, Tensor dOutput) {
        check(q, k, v, weights, dOutput);
        double scale = 1.0 / Math.sqrt(q.size(1));
        Tensor dv = Matrices.matmul(Rows.transpose(weights), dOutput);          // (T_k, d_v)
        Tensor dWeights = Matrices.matmulTransposed(dOutput, v);           // (T_q, T_k)
        Tensor dScores = SoftmaxBackward.backward(weights, dWeights);      // (T_q, T_k)
        Tensor dq = scaled(Matrices.matmul(dScores, k), scale);            // (T_q, d_k)
        Tensor dk = scaled(Matrices.matmul(Rows.transpose(dScores), q), scale); // (T_k, d_k)
        return new AttentionGradients(dq, dk, dv);
    }

    private static Tensor scaled(Tensor m, double factor) {
        for (int i = 0; i < m.size(0); i++) {
            for (int j = 0; j < m.size(1); j++) {
                m.set(m.get(i, j) * factor, i, j);
            }
        }
        return m;
    }

    private static void check(Tensor q, Tensor k, Tensor v, Tensor weights, Tensor dOutput) {
        Rows.requireRank("q", q, 2);
        Rows.requireRank("k", k, 2);
        Rows.requireRank("v", v, 2);
        if (k.size(1) != q.size(1)) {
            throw new IllegalArgumentException("k has shape " + Rows.shape(k) + ", but q has shape " + Rows.shape(q)
                    + ": both need rows of d_k");
        }
        if (v.size(0) != k.size(0)) {
            throw new IllegalArgumentException("v has shape " + Rows.shape(v) + ", but k has shape " + Rows.shape(k)
                    + ": one value row per key (T_k)");
        }
        Rows.requireSameShape("weights", weights, "the scores Q K^T", Tensor.zeros(q.size(0), k.size(0)));
        Rows.requireSameShape("dOutput", dOutput, "the output P V", Tensor.zeros(q.size(0), v.size(1)));
    }
}
