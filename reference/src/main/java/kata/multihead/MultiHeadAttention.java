package kata.multihead;

import java.util.random.RandomGenerator;
import kata.support.AttentionResult;
import kata.support.HeadViews;
import kata.support.Matrices;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * Multi-head attention: project, split into {@code h} heads of width {@code d_k = d / h}, attend in
 * each head, concatenate the heads in order, project again.
 *
 * <p>Known mistakes: {@code reference/known-wrong/07-multi-head-attention/}.
 */
public final class MultiHeadAttention {

    private final int dModel;
    private final int numHeads;
    private final HeadAttention head;
    private MultiHeadWeights weights;

    /** {@code h} heads of width {@code d / h}; the weights drawn from {@code random}, each head computed by {@code head}. */
    public MultiHeadAttention(int dModel, int numHeads, RandomGenerator random, HeadAttention head) {
        Shapes.requireAtLeast(dModel, 1, "dModel");
        Shapes.requireAtLeast(numHeads, 1, "numHeads");
        if (dModel % numHeads != 0) {
            throw new IllegalArgumentException("dModel = " + dModel + " is not divisible by numHeads = " + numHeads
                    + ": every head needs the same width d_k = d / h");
        }
        this.dModel = dModel;
        this.numHeads = numHeads;
        this.head = head;
        this.weights = initial(dModel, random);
    }

    /** Every weight and bias uniform in [-1/sqrt(d), 1/sqrt(d)), as PyTorch's {@code nn.Linear}. */
    public static MultiHeadWeights initial(int dModel, RandomGenerator random) {
        double bound = 1.0 / Math.sqrt(dModel);
        return new MultiHeadWeights(
                uniform(random, bound, dModel, dModel), uniform(random, bound, dModel),
                uniform(random, bound, dModel, dModel), uniform(random, bound, dModel),
                uniform(random, bound, dModel, dModel), uniform(random, bound, dModel),
                uniform(random, bound, dModel, dModel), uniform(random, bound, dModel));
    }

    /** The tensors in use, not copies: a trainer reads them. */
    public MultiHeadWeights weights() {
        return weights;
    }

    /** Keeps the given tensors (no copy) once every shape is checked. */
    public void setWeights(MultiHeadWeights weights) {
        Shapes.requireShape(weights.queryWeight(), "queryWeight", dModel, dModel);
        Shapes.requireShape(weights.queryBias(), "queryBias", dModel);
        Shapes.requireShape(weights.keyWeight(), "keyWeight", dModel, dModel);
        Shapes.requireShape(weights.keyBias(), "keyBias", dModel);
        Shapes.requireShape(weights.valueWeight(), "valueWeight", dModel, dModel);
        Shapes.requireShape(weights.valueBias(), "valueBias", dModel);
        Shapes.requireShape(weights.outputWeight(), "outputWeight", dModel, dModel);
        Shapes.requireShape(weights.outputBias(), "outputBias", dModel);
        this.weights = weights;
    }

    /** {@code 4 d^2 + 4 d}, whatever {@code h}: the heads share the projections, they do not add to them. */
    public long parameterCount() {
        MultiHeadWeights w = weights;
        long count = 0;
        for (Tensor t : new Tensor[] {w.queryWeight(), w.queryBias(), w.keyWeight(), w.keyBias(),
                w.valueWeight(), w.valueBias(), w.outputWeight(), w.outputBias()}) {
            count += t.elementCount();
        }
        return count;
    }

    /** Queries from {@code query}, keys and values from {@code key} and {@code value}: self- or cross-attention. */
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, boolean[][] masked) {
        Shapes.requireMatrix(query, "query");
        Shapes.requireLastAxis(query, dModel, "query");
        Shapes.requireMatrix(key, "key");
        Shapes.requireLastAxis(key, dModel, "key");
        Shapes.requireShape(value, "value", key.size(0), dModel);  // one value row per key
        Shapes.requireMask(masked, query.size(0), key.size(0), "masked");
        MultiHeadWeights w = weights;
        Tensor q = HeadViews.split(Matrices.linear(query, w.queryWeight(), w.queryBias()), numHeads); // (h, T_q, d_k)
        Tensor k = HeadViews.split(Matrices.linear(key, w.keyWeight(), w.keyBias()), numHeads);       // (h, T_k, d_k): from key, not query
        Tensor v = HeadViews.split(Matrices.linear(value, w.valueWeight(), w.valueBias()), numHeads); // (h, T_k, d_k)
        Tensor[] outputs = new Tensor[numHeads];
        Tensor[] headWeights = new Tensor[numHeads];
        for (int i = 0; i < numHeads; i++) {
            // The head applies the scale 1 / sqrt(d_k) of its own width, and gets the mask unchanged.
            AttentionResult result = head.attend(HeadViews.head(q, i), HeadViews.head(k, i), HeadViews.head(v, i), masked);
            outputs[i] = result.output();                                            // (T_q, d_k)
            headWeights[i] = result.weights();                                       // (T_q, T_k)
        }
        Tensor concat = HeadViews.merge(HeadViews.stack(outputs));                   // (T_q, d), head i at columns i d_k ..
        Tensor output = Matrices.linear(concat, w.outputWeight(), w.outputBias());   // (T_q, d): heads mixed only here
        return new AttentionResult(output, HeadViews.stack(headWeights));            // weights (h, T_q, T_k)
    }

    private static Tensor uniform(RandomGenerator random, double bound, int... shape) {
        Tensor t = Tensor.zeros(shape);
        double[] values = t.storage();
        for (int p = 0; p < values.length; p++) {
            values[p] = random.nextDouble(-bound, bound);
        }
        return t;
    }
}
