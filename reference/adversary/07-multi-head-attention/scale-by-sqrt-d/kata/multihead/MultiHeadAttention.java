package kata.multihead;

import java.util.random.RandomGenerator;
import kata.support.AttentionResult;
import kata.support.HeadViews;
import kata.support.Matrices;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Multi-head attention: {@code h} attentions side by side, each on its own slice of learned
 * projections.
 * <pre>
 *   Q = query W_Q + b_Q      (T_q, d)        K = key W_K + b_K      (T_k, d)
 *   V = value W_V + b_V      (T_k, d)        d_k = d / h
 *   head_i = Attention(Q_i, K_i, V_i, mask)  (T_q, d_k)   Q_i = columns i d_k .. (i + 1) d_k - 1 of Q
 *   output = concat(head_0, ..., head_{h-1}) W_O + b_O    (T_q, d)
 * </pre>
 * Each head attends with the scale {@code 1 / sqrt(d_k)} of its own width (the {@link HeadAttention}
 * applies it). Self-attention passes one sequence as query, key and value; cross-attention takes
 * the queries from one sequence ({@code T_q} rows) and keys and values from another ({@code T_k} rows).
 * {@link kata.support.HeadViews} splits a projection {@code (T, d)} into heads {@code (h, T, d_k)},
 * gives one head as a view, stacks the heads' results and merges them back (kata 03 taught these).
 *
 * <p>The parameters are plain tensors in a {@link MultiHeadWeights} record, read with
 * {@link #weights()} and replaced with {@link #setWeights}: a trainer computes their gradients and
 * updates them, a spec sets PyTorch's. Every tensor argument may have any layout (read it with
 * {@code get}) and is never modified; every result is fresh and row-major.
 */
public final class MultiHeadAttention {

    private final int dModel;
    private final int numHeads;
    private final HeadAttention head;
    private MultiHeadWeights weights;

    /**
     * A layer of {@code numHeads} heads over a model width {@code dModel}, its weights drawn by
     * {@link #initial} from {@code random}, each head computed by {@code head}.
     *
     * @throws IllegalArgumentException when {@code dModel} or {@code numHeads} is less than 1 (the
     *     message names it), or when {@code dModel} is not divisible by {@code numHeads} (the message
     *     names both numbers)
     */
    public MultiHeadAttention(int dModel, int numHeads, RandomGenerator random, HeadAttention head) {
        Shapes.requireAtLeast(dModel, 1, "dModel");
        Shapes.requireAtLeast(numHeads, 1, "numHeads");
        if (dModel % numHeads != 0) {
            throw new IllegalArgumentException("dModel = " + dModel + " is not divisible by numHeads = "
                    + numHeads);
        }
        if (head == null) {
            throw new IllegalArgumentException("head must not be null");
        }
        this.dModel = dModel;
        this.numHeads = numHeads;
        this.head = head;
        this.weights = initial(dModel, random);
    }

    /**
     * Fresh weights for a model width {@code d}: every entry of the four weights {@code (d, d)} and
     * the four biases {@code (d)} drawn uniformly from {@code [-1/sqrt(d), 1/sqrt(d))} with
     * {@code random.nextDouble(-bound, bound)}, the default of PyTorch's {@code nn.Linear}. The eight
     * tensors are drawn one after the other (any order), so no two of them are equal.
     *
     * @return fresh row-major tensors; the same seed gives the same weights
     */
    public static MultiHeadWeights initial(int dModel, RandomGenerator random) {
        Shapes.requireAtLeast(dModel, 1, "dModel");
        double bound = 1.0 / Math.sqrt(dModel);
        Tensor wq = uniform(random, bound, dModel, dModel);
        Tensor bq = uniform(random, bound, dModel);
        Tensor wk = uniform(random, bound, dModel, dModel);
        Tensor bk = uniform(random, bound, dModel);
        Tensor wv = uniform(random, bound, dModel, dModel);
        Tensor bv = uniform(random, bound, dModel);
        Tensor wo = uniform(random, bound, dModel, dModel);
        Tensor bo = uniform(random, bound, dModel);
        return new MultiHeadWeights(wq, bq, wk, bk, wv, bv, wo, bo);
    }

    /** A fresh row-major tensor of the given shape, every entry {@code random.nextDouble(-bound, bound)}. */
    private static Tensor uniform(RandomGenerator random, double bound, int... shape) {
        int count = 1;
        for (int size : shape) {
            count *= size;
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextDouble(-bound, bound);
        }
        return Tensor.of(shape, values);
    }

    /** The current parameters, the very tensors the layer computes with (no copies). */
    public MultiHeadWeights weights() {
        return weights;
    }

    /**
     * Replaces every parameter; the layer computes with these tensors (kept, not copied) from now on.
     *
     * @throws IllegalArgumentException when a weight is not {@code (d, d)} or a bias not {@code (d)};
     *     the message names the record component (e.g. "valueBias") and its shape
     */
    public void setWeights(MultiHeadWeights weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
        checkWeight(weights.queryWeight(), "queryWeight");
        checkBias(weights.queryBias(), "queryBias");
        checkWeight(weights.keyWeight(), "keyWeight");
        checkBias(weights.keyBias(), "keyBias");
        checkWeight(weights.valueWeight(), "valueWeight");
        checkBias(weights.valueBias(), "valueBias");
        checkWeight(weights.outputWeight(), "outputWeight");
        checkBias(weights.outputBias(), "outputBias");
        this.weights = weights;
    }

    private void checkWeight(Tensor w, String name) {
        if (w == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        Shapes.requireShape(w, name, dModel, dModel);
    }

    private void checkBias(Tensor b, String name) {
        if (b == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        Shapes.requireShape(b, name, dModel);
    }

    /** The number of parameters: {@code 4 d^2 + 4 d}, whatever the number of heads. */
    public long parameterCount() {
        long d = dModel;
        return 4 * d * d + 4 * d;
    }

    /**
     * Multi-head attention of {@code query} on {@code key} and {@code value}.
     *
     * @param query  shape {@code (T_q, d)}; not modified
     * @param key    shape {@code (T_k, d)}; not modified
     * @param value  shape {@code (T_k, d)}; not modified
     * @param masked {@code [T_q][T_k]}, {@code true} = masked, given unchanged to every head; or
     *     {@code null} for no mask
     * @return the output {@code (T_q, d)} and every head's weights {@code (h, T_q, T_k)}, head {@code i}'s
     *     at index {@code i}
     * @throws IllegalArgumentException when {@code query}, {@code key} or {@code value} is not a matrix
     *     with {@code d} columns, or {@code value} has not as many rows as {@code key} (the message
     *     names the argument and its shape), or when {@code masked} is not {@code T_q x T_k} (the
     *     message names "masked" and {@code [T_q, T_k]})
     */
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, boolean[][] masked) {
        checkInput(query, "query");
        checkInput(key, "key");
        checkInput(value, "value");
        if (value.size(0) != key.size(0)) {
            throw new IllegalArgumentException("value has shape " + Shapes.of(value) + " but key has shape "
                    + Shapes.of(key) + ": value needs one row per key");
        }
        int queries = query.size(0);
        int keys = key.size(0);
        Shapes.requireMask(masked, queries, keys, "masked");

        MultiHeadWeights w = weights;
        // the head divides by sqrt(d_k); attention over the model width divides by sqrt(d)
        Tensor qProjected = Matrices.linear(query, w.queryWeight(), w.queryBias());                    // (T_q, d)
        double rescale = Math.sqrt((double) (dModel / numHeads) / dModel);
        for (int t = 0; t < qProjected.size(0); t++) {
            for (int c = 0; c < dModel; c++) {
                qProjected.set(qProjected.get(t, c) * rescale, t, c);
            }
        }
        Tensor q = HeadViews.split(qProjected, numHeads);                                                 // (h, T_q, d_k)
        Tensor k = HeadViews.split(Matrices.linear(key, w.keyWeight(), w.keyBias()), numHeads);        // (h, T_k, d_k)
        Tensor v = HeadViews.split(Matrices.linear(value, w.valueWeight(), w.valueBias()), numHeads);  // (h, T_k, d_k)

        Tensor[] outputs = new Tensor[numHeads];
        Tensor[] headWeights = new Tensor[numHeads];
        for (int i = 0; i < numHeads; i++) {
            AttentionResult r = head.attend(HeadViews.head(q, i), HeadViews.head(k, i), HeadViews.head(v, i), masked);
            outputs[i] = r.output();
            headWeights[i] = r.weights();
        }
        Tensor concat = HeadViews.merge(HeadViews.stack(outputs));                                       // (T_q, d)
        Tensor output = Matrices.linear(concat, w.outputWeight(), w.outputBias());
        return new AttentionResult(output, HeadViews.stack(headWeights));
    }

    private void checkInput(Tensor x, String name) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        Shapes.requireMatrix(x, name);
        Shapes.requireLastAxis(x, dModel, name);
    }
}
