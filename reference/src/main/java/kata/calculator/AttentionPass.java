package kata.calculator;

import kata.backprop.AttentionBackward;
import kata.backprop.AttentionGradients;
import kata.backprop.LinearBackward;
import kata.backprop.LinearGradients;
import kata.multihead.MultiHeadAttention;
import kata.multihead.MultiHeadResult;
import kata.multihead.MultiHeadWeights;
import kata.support.Matrices;
import kata.support.Tensor;

/**
 * Multi-head attention (kata 07) over a batch of {@code B} sequences in one forward pass: the layers
 * hand it {@code (B T_q, d)} queries and {@code (B T_k, d)} memory rows with a batch mask, and it
 * attends within each sequence only, keeping every sequence's weights for the backward pass.
 */
final class AttentionPass implements kata.encoder.SelfAttention, kata.decoder.Attention {

    /** The gradients flowing out of an attention: into its queries' rows and into its memory's rows. */
    record Flow(Tensor dQuery, Tensor dMemory) {
    }

    private final MultiHeadAttention attention;
    private final int heads;
    private final int sequences;
    private Tensor query;
    private Tensor memory;
    private Tensor[] weights;                           // per sequence (h, T_q, T_k)

    AttentionPass(MultiHeadAttention attention, int heads, int sequences) {
        this.attention = attention;
        this.heads = heads;
        this.sequences = sequences;
    }

    @Override
    public Tensor attend(Tensor x, boolean[][] masked) {
        return attend(x, x, masked);
    }

    @Override
    public Tensor attend(Tensor query, Tensor memory, boolean[][] masked) {
        this.query = query;
        this.memory = memory;
        this.weights = new Tensor[sequences];
        int queries = query.size(0) / sequences;
        int keys = memory.size(0) / sequences;
        Tensor output = Tensor.zeros(query.size(0), query.size(1));          // (B T_q, d)
        for (int b = 0; b < sequences; b++) {
            Tensor m = Tensors.sequence(memory, b, keys);
            MultiHeadResult result = attention.forward(Tensors.sequence(query, b, queries), m, m,
                    Tensors.block(masked, b, queries, keys));                // no attention across sequences
            weights[b] = result.weights();
            Tensors.put(output, b, result.output());
        }
        return output;
    }

    /** The head-averaged weights {@code (T_q, T_k)} of sequence {@code b}. */
    Tensor averageWeights(int b) {
        Tensor w = weights[b];
        Tensor mean = Tensor.zeros(w.size(1), w.size(2));
        for (int i = 0; i < heads; i++) {
            Tensors.accumulate(mean, Tensors.head(w, i));
        }
        for (int q = 0; q < mean.size(0); q++) {
            for (int k = 0; k < mean.size(1); k++) {
                mean.set(mean.get(q, k) / heads, q, k);
            }
        }
        return mean;
    }

    /** The gradients into the queries and the memory from {@code dOutput (B T_q, d)}; the weights' go to {@code grads}. */
    Flow backward(Tensor dOutput, Grads grads) {
        MultiHeadWeights w = attention.weights();
        int queries = query.size(0) / sequences;
        int keys = memory.size(0) / sequences;
        Tensor dQuery = Tensor.zeros(query.shape());
        Tensor dMemory = Tensor.zeros(memory.shape());
        for (int b = 0; b < sequences; b++) {
            Tensor xq = Tensors.sequence(query, b, queries);                 // (T_q, d)
            Tensor xk = Tensors.sequence(memory, b, keys);                   // (T_k, d)
            // Recompute the projections rather than keep them: the same numbers, less to carry.
            Tensor q = MultiHeadAttention.splitHeads(Matrices.linear(xq, w.queryWeight(), w.queryBias()), heads);
            Tensor k = MultiHeadAttention.splitHeads(Matrices.linear(xk, w.keyWeight(), w.keyBias()), heads);
            Tensor v = MultiHeadAttention.splitHeads(Matrices.linear(xk, w.valueWeight(), w.valueBias()), heads);
            Tensor outputs = Tensor.zeros(heads, queries, q.size(2));        // (h, T_q, d_k)
            for (int i = 0; i < heads; i++) {
                copyHead(outputs, i, Matrices.matmul(Tensors.head(weights[b], i), Tensors.head(v, i)));
            }
            LinearGradients out = LinearBackward.backward(MultiHeadAttention.mergeHeads(outputs), w.outputWeight(),
                    Tensors.sequence(dOutput, b, queries));
            Tensor dHeads = MultiHeadAttention.splitHeads(out.dx(), heads);  // (h, T_q, d_k)
            Tensor dq = Tensor.zeros(q.shape());
            Tensor dk = Tensor.zeros(k.shape());
            Tensor dv = Tensor.zeros(v.shape());
            for (int i = 0; i < heads; i++) {
                AttentionGradients g = AttentionBackward.backward(Tensors.head(q, i), Tensors.head(k, i),
                        Tensors.head(v, i), Tensors.head(weights[b], i), Tensors.head(dHeads, i));
                copyHead(dq, i, g.dq());
                copyHead(dk, i, g.dk());
                copyHead(dv, i, g.dv());
            }
            LinearGradients fromQ = LinearBackward.backward(xq, w.queryWeight(), MultiHeadAttention.mergeHeads(dq));
            LinearGradients fromK = LinearBackward.backward(xk, w.keyWeight(), MultiHeadAttention.mergeHeads(dk));
            LinearGradients fromV = LinearBackward.backward(xk, w.valueWeight(), MultiHeadAttention.mergeHeads(dv));
            Tensors.put(dQuery, b, fromQ.dx());
            Tensors.put(dMemory, b, Tensors.sum(fromK.dx(), fromV.dx()));    // keys and values read the same rows
            grads.add(w.queryWeight(), fromQ.dWeight());
            grads.add(w.queryBias(), fromQ.dBias());
            grads.add(w.keyWeight(), fromK.dWeight());
            grads.add(w.keyBias(), fromK.dBias());
            grads.add(w.valueWeight(), fromV.dWeight());
            grads.add(w.valueBias(), fromV.dBias());
            grads.add(w.outputWeight(), out.dWeight());
            grads.add(w.outputBias(), out.dBias());
        }
        return new Flow(dQuery, dMemory);
    }

    private static void copyHead(Tensor heads, int i, Tensor head) {
        Tensor target = Tensors.head(heads, i);
        for (int t = 0; t < head.size(0); t++) {
            for (int c = 0; c < head.size(1); c++) {
                target.set(head.get(t, c), t, c);
            }
        }
    }
}
