package kata.backprop;

import kata.support.Matrices;
import kata.support.Shapes;
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
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/13-backpropagation/}.
 */
public final class AttentionBackward {

    private AttentionBackward() {
    }

    /** dQ, dK, dV of attention with saved weights {@code P (T_q, T_k)} and output gradient {@code dO (T_q, d_v)}. */
    public static AttentionGradients backward(Tensor q, Tensor k, Tensor v, Tensor weights, Tensor dOutput) {
        check(q, k, v, weights, dOutput);
        double scale = 1.0 / Math.sqrt(q.size(1));
        Tensor dv = Matrices.matmul(transposed(weights), dOutput);         // (T_k, d_v)
        Tensor dWeights = Matrices.matmulTransposed(dOutput, v);           // (T_q, T_k)
        Tensor dScores = SoftmaxBackward.backward(weights, dWeights);      // (T_q, T_k)
        Tensor dq = scaled(Matrices.matmul(dScores, k), scale);            // (T_q, d_k)
        Tensor dk = scaled(Matrices.matmul(transposed(dScores), q), scale); // (T_k, d_k)
        return new AttentionGradients(dq, dk, dv);
    }

    /** A fresh matrix multiplied by {@code factor} in place. */
    private static Tensor scaled(Tensor m, double factor) {
        for (int i = 0; i < m.size(0); i++) {
            for (int j = 0; j < m.size(1); j++) {
                m.set(m.get(i, j) * factor, i, j);
            }
        }
        return m;
    }

    /** The transpose of a matrix as a view: the same storage, strides swapped. */
    private static Tensor transposed(Tensor m) {
        return Tensor.strided(m.storage(), new int[] {m.size(1), m.size(0)},
                new int[] {m.strides()[1], m.strides()[0]}, m.offset());
    }

    private static void check(Tensor q, Tensor k, Tensor v, Tensor weights, Tensor dOutput) {
        Shapes.requireMatrix(q, "q");
        Shapes.requireMatrix(k, "k");
        Shapes.requireMatrix(v, "v");
        Shapes.requireLastAxis(k, q.size(1), "k");                         // both need rows of d_k
        if (v.size(0) != k.size(0)) {
            throw new IllegalArgumentException("v has shape " + Shapes.of(v) + ", but k has shape " + Shapes.of(k)
                    + ": one value row per key (T_k)");
        }
        Shapes.requireShape(weights, "weights", q.size(0), k.size(0));   // (T_q, T_k)
        Shapes.requireShape(dOutput, "dOutput", q.size(0), v.size(1));   // (T_q, d_v)
    }
}
