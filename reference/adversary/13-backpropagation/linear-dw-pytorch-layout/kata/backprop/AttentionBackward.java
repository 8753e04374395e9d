package kata.backprop;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of kata 06's scaled dot-product attention:
 * <pre>
 *   S = Q K^T / sqrt(d_k) + mask     (T_q, d_k) x (T_k, d_k) -> (T_q, T_k)
 *   P = softmax of each row of S     (T_q, T_k), the weights the forward pass saved
 *   O = P V                          (T_q, T_k) x (T_k, d_v) -> (T_q, d_v)
 * </pre>
 * Given dO {@code (T_q, d_v)}, return dQ {@code (T_q, d_k)}, dK {@code (T_k, d_k)} and dV
 * {@code (T_k, d_v)}. The mask is constant: it reaches the backward pass only through P, whose
 * masked entries are exactly 0, so a masked key gets exactly no gradient from that query.
 *
 * <p>No argument is modified; every tensor may have any layout; the gradients are fresh row-major tensors.
 */
public final class AttentionBackward {

    private AttentionBackward() {
    }

    /**
     * The gradients of attention with respect to its queries, keys and values.
     *
     * @param q       queries, shape {@code (T_q, d_k)}; not modified
     * @param k       keys, shape {@code (T_k, d_k)}; not modified
     * @param v       values, shape {@code (T_k, d_v)}; not modified
     * @param weights P from the forward pass, shape {@code (T_q, T_k)}; not modified
     * @param dOutput dO, shape {@code (T_q, d_v)}; not modified
     * @return fresh dQ, dK and dV, shapes of q, k and v
     * @throws IllegalArgumentException when q, k or v is not a matrix (the message names it and its
     *     shape), when k's rows are not of q's length d_k (naming "k" and its shape), when v has not
     *     T_k rows (naming "v" and both shapes), or when weights or dOutput has the wrong shape (naming
     *     it, its shape and the expected one)
     */
    public static AttentionGradients backward(Tensor q, Tensor k, Tensor v, Tensor weights, Tensor dOutput) {
        Shapes.requireMatrix(q, "q");
        Shapes.requireMatrix(k, "k");
        Shapes.requireMatrix(v, "v");
        int tq = q.size(0);
        int dk = q.size(1);
        int tk = k.size(0);
        int dv = v.size(1);
        if (k.size(1) != dk) {
            throw new IllegalArgumentException("k has shape " + Shapes.of(k) + ", but its rows must have q's length "
                    + dk + " (q has shape " + Shapes.of(q) + ")");
        }
        if (v.size(0) != tk) {
            throw new IllegalArgumentException("v has shape " + Shapes.of(v) + ", but must have one row per key of k, shape "
                    + Shapes.of(k));
        }
        Shapes.requireShape(weights, "weights", tq, tk);
        Shapes.requireShape(dOutput, "dOutput", tq, dv);

        double scale = 1.0 / Math.sqrt(dk);
        Tensor dQ = Tensor.zeros(tq, dk);
        Tensor dK = Tensor.zeros(tk, dk);
        Tensor dV = Tensor.zeros(tk, dv);
        double[] dqs = dQ.storage();
        double[] dks = dK.storage();
        double[] dvs = dV.storage();

        // dV = P^T dO
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j < tk; j++) {
                double p = weights.get(i, j);
                for (int c = 0; c < dv; c++) {
                    dvs[j * dv + c] += p * dOutput.get(i, c);
                }
            }
        }
        // dP = dO V^T, then dS = P * (dP - rowsum(dP * P)), row by row
        double[] dP = new double[tk];
        for (int i = 0; i < tq; i++) {
            double dot = 0.0;
            for (int j = 0; j < tk; j++) {
                double sum = 0.0;
                for (int c = 0; c < dv; c++) {
                    sum += dOutput.get(i, c) * v.get(j, c);
                }
                dP[j] = sum;
                dot += sum * weights.get(i, j);
            }
            for (int j = 0; j < tk; j++) {
                double dS = weights.get(i, j) * (dP[j] - dot);
                for (int c = 0; c < dk; c++) {
                    dqs[i * dk + c] += dS * k.get(j, c) * scale;
                    dks[j * dk + c] += dS * q.get(i, c) * scale;
                }
            }
        }
        return new AttentionGradients(dQ, dK, dV);
    }
}
