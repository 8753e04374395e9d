package kata.multihead;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import kata.support.Matrices;
import kata.support.Tensor;

/**
 * Multi-head attention: project, split into {@code h} heads of width {@code d_k = d / h}, attend in
 * each head, concatenate the heads in order, project again.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>splitting heads by interleaving columns (column {@code c} to head {@code c % h}) instead of
 *       contiguous blocks: {@code MultiHeadSpec#splitHeadsTakesContiguousColumnBlocks},
 *       {@code MultiHeadSpec#goldenSelfAttention};</li>
 *   <li>forgetting the output projection W_O, b_O: {@code MultiHeadSpec#goldenSelfAttention};</li>
 *   <li>concatenating the heads in the wrong order: {@code MultiHeadSpec#mergeHeadsPutsHeadIAtColumnBlockI},
 *       {@code MultiHeadSpec#goldenSelfAttention};</li>
 *   <li>passing the mask transposed, so it masks the wrong axis: {@code MultiHeadSpec#goldenCrossAttention};</li>
 *   <li>scaling by {@code sqrt(d_model)} instead of {@code sqrt(d_k)}: {@code MultiHeadSpec#goldenSelfAttention};</li>
 *   <li>projecting keys and values of cross-attention from the queries' sequence:
 *       {@code MultiHeadSpec#crossAttentionHasOneRowPerQuery};</li>
 *   <li>biases left at 0, or weights drawn from N(0, 1) instead of uniform in +-1/sqrt(d):
 *       {@code MultiHeadSpec#initialWeightsAreUniformWithinOneOverSqrtD}.</li>
 * </ul>
 */
public final class MultiHeadAttention {

    private final int dModel;
    private final int numHeads;
    private final HeadAttention head;
    private MultiHeadWeights weights;

    /** {@code h} heads of width {@code d / h}; the weights drawn from {@code random}, each head computed by {@code head}. */
    public MultiHeadAttention(int dModel, int numHeads, RandomGenerator random, HeadAttention head) {
        if (dModel < 1 || numHeads < 1) {
            throw new IllegalArgumentException("dModel and numHeads must be at least 1, were dModel = " + dModel
                    + " and numHeads = " + numHeads);
        }
        requireDivisible(dModel, numHeads);
        this.dModel = dModel;
        this.numHeads = numHeads;
        this.head = head;
        this.weights = initialWeights(dModel, random);
    }

    /** Every weight and bias uniform in [-1/sqrt(d), 1/sqrt(d)), as PyTorch's {@code nn.Linear}. */
    public static MultiHeadWeights initialWeights(int dModel, RandomGenerator random) {
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
        requireShape("queryWeight", weights.queryWeight(), dModel, dModel);
        requireShape("queryBias", weights.queryBias(), dModel);
        requireShape("keyWeight", weights.keyWeight(), dModel, dModel);
        requireShape("keyBias", weights.keyBias(), dModel);
        requireShape("valueWeight", weights.valueWeight(), dModel, dModel);
        requireShape("valueBias", weights.valueBias(), dModel);
        requireShape("outputWeight", weights.outputWeight(), dModel, dModel);
        requireShape("outputBias", weights.outputBias(), dModel);
        this.weights = weights;
    }

    /** {@code 4 d^2 + 4 d}, whatever {@code h}: the heads share the projections, they do not add to them. */
    public int parameterCount() {
        return weights.queryWeight().elementCount() + weights.queryBias().elementCount()
                + weights.keyWeight().elementCount() + weights.keyBias().elementCount()
                + weights.valueWeight().elementCount() + weights.valueBias().elementCount()
                + weights.outputWeight().elementCount() + weights.outputBias().elementCount();
    }

    /** Queries from {@code query}, keys and values from {@code key} and {@code value}: self- or cross-attention. */
    public MultiHeadResult forward(Tensor query, Tensor key, Tensor value, boolean[][] masked) {
        requireShape("query", query, -1, dModel);
        requireShape("key", key, -1, dModel);
        requireShape("value", value, key.size(0), dModel);
        requireMask(masked, query.size(0), key.size(0));
        MultiHeadWeights w = weights;
        Tensor q = splitHeads(Matrices.linear(query, w.queryWeight(), w.queryBias()), numHeads); // (h, T_q, d_k)
        Tensor k = splitHeads(Matrices.linear(key, w.keyWeight(), w.keyBias()), numHeads);       // (h, T_k, d_k): from key, not query
        Tensor v = splitHeads(Matrices.linear(value, w.valueWeight(), w.valueBias()), numHeads); // (h, T_k, d_k)
        Tensor outputs = Tensor.zeros(numHeads, query.size(0), dModel / numHeads);                // (h, T_q, d_k)
        Tensor headWeights = Tensor.zeros(numHeads, query.size(0), key.size(0));                 // (h, T_q, T_k)
        for (int i = 0; i < numHeads; i++) {
            HeadResult result = head.attend(head(q, i), head(k, i), head(v, i), masked); // the scale sqrt(d_k) is the head's
            copyInto(outputs, i, result.output());
            copyInto(headWeights, i, result.weights());
        }
        Tensor concat = mergeHeads(outputs);                                         // (T_q, d), head i at columns i d_k ..
        Tensor output = Matrices.linear(concat, w.outputWeight(), w.outputBias());   // (T_q, d): heads mixed only here
        return new MultiHeadResult(output, headWeights);
    }

    /** {@code (T, d) -> (h, T, d_k)}: head {@code i} takes the contiguous columns {@code i d_k .. (i + 1) d_k - 1}. */
    public static Tensor splitHeads(Tensor x, int numHeads) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("x must be a matrix (T, d), but has shape " + shape(x));
        }
        if (numHeads < 1) {
            throw new IllegalArgumentException("numHeads must be at least 1, was " + numHeads);
        }
        requireDivisible(x.size(1), numHeads);
        int headDim = x.size(1) / numHeads;
        Tensor heads = Tensor.zeros(numHeads, x.size(0), headDim); // (h, T, d_k)
        for (int i = 0; i < numHeads; i++) {
            for (int t = 0; t < x.size(0); t++) {
                for (int c = 0; c < headDim; c++) {
                    heads.set(x.get(t, i * headDim + c), i, t, c); // a block of columns, not every h-th one
                }
            }
        }
        return heads;
    }

    /** {@code (h, T, d_k) -> (T, h d_k)}: head {@code i} goes to columns {@code i d_k .. (i + 1) d_k - 1}. */
    public static Tensor mergeHeads(Tensor heads) {
        if (heads.rank() != 3) {
            throw new IllegalArgumentException("heads must have shape (h, T, d_k), but has shape " + shape(heads));
        }
        int headDim = heads.size(2);
        Tensor x = Tensor.zeros(heads.size(1), heads.size(0) * headDim); // (T, d)
        for (int i = 0; i < heads.size(0); i++) {
            for (int t = 0; t < heads.size(1); t++) {
                for (int c = 0; c < headDim; c++) {
                    x.set(heads.get(i, t, c), t, i * headDim + c);
                }
            }
        }
        return x;
    }

    /** Head {@code i} of {@code (h, T, d_k)} as a view {@code (T, d_k)}. */
    private static Tensor head(Tensor heads, int i) {
        int[] strides = heads.strides();
        return Tensor.strided(heads.storage(), new int[] {heads.size(1), heads.size(2)},
                new int[] {strides[1], strides[2]}, heads.offset() + i * strides[0]);
    }

    private static void copyInto(Tensor target, int i, Tensor matrix) {
        for (int r = 0; r < target.size(1); r++) {
            for (int c = 0; c < target.size(2); c++) {
                target.set(matrix.get(r, c), i, r, c);
            }
        }
    }

    private static Tensor uniform(RandomGenerator random, double bound, int... shape) {
        Tensor t = Tensor.zeros(shape);
        double[] values = t.storage();
        for (int p = 0; p < values.length; p++) {
            values[p] = random.nextDouble(-bound, bound);
        }
        return t;
    }

    private static void requireDivisible(int dModel, int numHeads) {
        if (dModel % numHeads != 0) {
            throw new IllegalArgumentException("d_model = " + dModel + " is not divisible by numHeads = " + numHeads
                    + ": every head needs the same width d_k = d_model / h");
        }
    }

    /** A size of -1 accepts any size on that axis. */
    private static void requireShape(String name, Tensor t, int... expected) {
        boolean fits = t.rank() == expected.length;
        for (int axis = 0; fits && axis < expected.length; axis++) {
            fits = expected[axis] < 0 || t.size(axis) == expected[axis];
        }
        if (!fits) {
            throw new IllegalArgumentException(name + " must have shape " + Arrays.toString(expected).replace("-1", "any")
                    + ", but has shape " + shape(t));
        }
    }

    private static void requireMask(boolean[][] masked, int queries, int keys) {
        if (masked == null) {
            return;
        }
        boolean fits = masked.length == queries;
        for (int i = 0; fits && i < queries; i++) {
            fits = masked[i].length == keys;
        }
        if (!fits) {
            throw new IllegalArgumentException("masked must be a " + queries + " x " + keys + " array, [T_q, T_k] = "
                    + Arrays.toString(new int[] {queries, keys}));
        }
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
