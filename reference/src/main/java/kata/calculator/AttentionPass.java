package kata.calculator;

import static kata.support.HeadViews.head;

import kata.backprop.AttentionBackward;
import kata.backprop.AttentionGradients;
import kata.backprop.LinearBackward;
import kata.backprop.LinearGradients;
import kata.multihead.MultiHeadAttention;
import kata.multihead.MultiHeadWeights;
import kata.support.AttentionLayer;
import kata.support.AttentionResult;
import kata.support.Elementwise;
import kata.support.HeadViews;
import kata.support.Matrices;
import kata.support.Tensor;

/**
 * Multi-head attention (kata 07) over a batch of {@code B} sequences in one forward pass: the layers
 * hand it {@code (B T_q, d)} queries and {@code (B T_k, d)} memory rows with a batch mask, and it
 * attends within each sequence only, keeping every sequence's weights for the backward pass.
 */
final class AttentionPass implements AttentionLayer {

    /** The gradients flowing out of an attention: into its queries' rows and into its memory's rows. */
    record Flow(Tensor dQuery, Tensor dMemory) {
    }

    private final MultiHeadAttention attention;
    private final int numHeads;
    private final int sequences;
    private Tensor query;
    private Tensor memory;
    private Tensor[] weights;                           // per sequence (h, T_q, T_k)

    AttentionPass(MultiHeadAttention attention, int numHeads, int sequences) {
        this.attention = attention;
        this.numHeads = numHeads;
        this.sequences = sequences;
    }

    @Override
    public Tensor attend(Tensor query, Tensor memory, boolean[][] masked) {
        this.query = query;
        this.memory = memory;
        this.weights = new Tensor[sequences];
        int queries = query.size(0) / sequences;
        int keys = memory.size(0) / sequences;
        Tensor[] outputs = new Tensor[sequences];
        for (int b = 0; b < sequences; b++) {
            Tensor m = Tensors.sequence(memory, b, keys);
            AttentionResult result = attention.forward(Tensors.sequence(query, b, queries), m, m,
                    Tensors.block(masked, b, queries, keys));                // no attention across sequences
            weights[b] = result.weights();
            outputs[b] = result.output();                                    // (T_q, d)
        }
        return Tensors.rows(outputs);                                        // (B T_q, d)
    }

    /** The head-averaged weights {@code (T_q, T_k)} of sequence {@code b}. */
    Tensor averageWeights(int b) {
        Tensor sum = head(weights[b], 0);
        for (int i = 1; i < numHeads; i++) {
            sum = Elementwise.add(sum, head(weights[b], i));                 // (T_q, T_k)
        }
        Tensor mean = Tensor.zeros(sum.shape());
        for (int q = 0; q < mean.size(0); q++) {
            for (int k = 0; k < mean.size(1); k++) {
                mean.set(sum.get(q, k) / numHeads, q, k);
            }
        }
        return mean;
    }

    /** The gradients into the queries and the memory from {@code dOutput (B T_q, d)}; the weights' go to {@code grads}. */
    Flow backward(Tensor dOutput, Grads grads) {
        MultiHeadWeights w = attention.weights();
        int queries = query.size(0) / sequences;
        int keys = memory.size(0) / sequences;
        Tensor[] dQuery = new Tensor[sequences];
        Tensor[] dMemory = new Tensor[sequences];
        for (int b = 0; b < sequences; b++) {
            Tensor xq = Tensors.sequence(query, b, queries);                 // (T_q, d)
            Tensor xk = Tensors.sequence(memory, b, keys);                   // (T_k, d)
            // Recompute the projections rather than keep them: the same numbers, less to carry.
            Tensor q = HeadViews.split(Matrices.linear(xq, w.queryWeight(), w.queryBias()), numHeads);  // (h, T_q, d_k)
            Tensor k = HeadViews.split(Matrices.linear(xk, w.keyWeight(), w.keyBias()), numHeads);      // (h, T_k, d_k)
            Tensor v = HeadViews.split(Matrices.linear(xk, w.valueWeight(), w.valueBias()), numHeads);  // (h, T_k, d_k)
            Tensor[] outputs = new Tensor[numHeads];
            for (int i = 0; i < numHeads; i++) {
                outputs[i] = Matrices.matmul(head(weights[b], i), head(v, i));                         // (T_q, d_k)
            }
            // output = merge(heads) W_O + b_O
            LinearGradients out = LinearBackward.backward(HeadViews.merge(HeadViews.stack(outputs)), w.outputWeight(),
                    Tensors.sequence(dOutput, b, queries));
            Tensor dHeads = HeadViews.split(out.dx(), numHeads);                                       // (h, T_q, d_k)
            Tensor[] dq = new Tensor[numHeads];
            Tensor[] dk = new Tensor[numHeads];
            Tensor[] dv = new Tensor[numHeads];
            for (int i = 0; i < numHeads; i++) {
                // head_i = softmax(q_i k_i^T / sqrt(d_k)) v_i
                AttentionGradients g = AttentionBackward.backward(head(q, i), head(k, i), head(v, i),
                        head(weights[b], i), head(dHeads, i));
                dq[i] = g.dq();
                dk[i] = g.dk();
                dv[i] = g.dv();
            }
            // q = xq W_Q + b_Q,  k = xk W_K + b_K,  v = xk W_V + b_V
            LinearGradients fromQ = LinearBackward.backward(xq, w.queryWeight(), HeadViews.merge(HeadViews.stack(dq)));
            LinearGradients fromK = LinearBackward.backward(xk, w.keyWeight(), HeadViews.merge(HeadViews.stack(dk)));
            LinearGradients fromV = LinearBackward.backward(xk, w.valueWeight(), HeadViews.merge(HeadViews.stack(dv)));
            dQuery[b] = fromQ.dx();                                                                    // (T_q, d)
            dMemory[b] = Elementwise.add(fromK.dx(), fromV.dx());           // keys and values read the same rows
            grads.add(w.queryWeight(), fromQ.dWeight());
            grads.add(w.queryBias(), fromQ.dBias());
            grads.add(w.keyWeight(), fromK.dWeight());
            grads.add(w.keyBias(), fromK.dBias());
            grads.add(w.valueWeight(), fromV.dWeight());
            grads.add(w.valueBias(), fromV.dBias());
            grads.add(w.outputWeight(), out.dWeight());
            grads.add(w.outputBias(), out.dBias());
        }
        return new Flow(Tensors.rows(dQuery), Tensors.rows(dMemory));       // (B T_q, d), (B T_k, d)
    }
}
