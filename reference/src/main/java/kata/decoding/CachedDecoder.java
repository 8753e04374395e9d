package kata.decoding;

import kata.support.Elementwise;
import kata.support.Masks;
import kata.support.Matrices;
import kata.support.NormOrder;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * A decoder stack run one token at a time with a key/value cache per layer: step {@code t} returns
 * row {@code t} of the parallel pass over the tokens {@code 0 .. t}.
 * <pre>
 *   x (1, d) = embedding[token] + positions[t]
 *   POST_NORM  h1 = LN1(x + SelfAttn(x))    h2 = LN2(h1 + CrossAttn(h1))    y = LN3(h2 + FFN(h2))
 *   PRE_NORM   h1 = x + SelfAttn(LN1(x))    h2 = h1 + CrossAttn(LN2(h1))    y = h2 + FFN(LN3(h2))
 *   logits (V) = y W_out + b_out            (PRE_NORM: finalNorm(y) W_out + b_out)
 * </pre>
 * Mistakes learners make here are in {@code reference/known-wrong/16-decoding/}.
 */
public final class CachedDecoder {

    /** The layer norms' epsilon, inside the square root. */
    public static final double EPS = 1e-5;

    private final DecoderWeights weights;
    private final NormOrder order;
    private final int numHeads;
    private final int maxLength;
    private final int dModel;
    private final KeyValueCache[] selfCaches;            // one per layer, maxLength rows each
    private final KeyValueCache[] memoryCaches;          // one per layer, refilled by start
    private boolean[] memoryPadded;
    private boolean started;

    public CachedDecoder(DecoderWeights weights, NormOrder order, int numHeads, int maxLength) {
        this.dModel = weights.embedding().size(1);
        if (numHeads < 1 || dModel % numHeads != 0) {
            throw new IllegalArgumentException("numHeads = " + numHeads + " must be at least 1 and divide d = " + dModel);
        }
        int positions = weights.positions().size(0);
        if (maxLength < 1 || maxLength > positions) {
            throw new IllegalArgumentException("maxLength = " + maxLength + " must be at least 1 and at most the rows"
                    + " of positions, shape " + Shapes.of(weights.positions()));
        }
        this.weights = weights;
        this.order = order;
        this.numHeads = numHeads;
        this.maxLength = maxLength;
        int layers = weights.layers().size();
        this.selfCaches = new KeyValueCache[layers];
        this.memoryCaches = new KeyValueCache[layers];
        for (int i = 0; i < layers; i++) {
            selfCaches[i] = new KeyValueCache(maxLength, dModel);
            memoryCaches[i] = new KeyValueCache(0, dModel);
        }
    }

    /** Empties every self cache and projects the memory into each layer's memory cache, once per sequence. */
    public void start(Tensor memory, boolean[] memoryPadded) {
        Shapes.requireMatrix(memory, "memory");
        Shapes.requireLastAxis(memory, dModel, "memory");
        if (memory.size(0) == 0) {
            throw new IllegalArgumentException("memory has shape " + Shapes.of(memory) + ": the cross-attention needs a row");
        }
        if (memoryPadded != null) {
            Masks.padding(memoryPadded, memory.size(0), 1, "memoryPadded");      // one flag per row, not all padding
        }
        this.memoryPadded = memoryPadded == null ? null : memoryPadded.clone();   // the caller may change theirs
        for (int i = 0; i < selfCaches.length; i++) {
            selfCaches[i].reset();                                                // a new sequence starts at position 0
            AttentionWeights cross = weights.layers().get(i).crossAttention();
            memoryCaches[i] = new KeyValueCache(memory.size(0), dModel);
            memoryCaches[i].append(Matrices.linear(memory, cross.keyWeight(), cross.keyBias()),     // (T_m, d)
                    Matrices.linear(memory, cross.valueWeight(), cross.valueBias()));               // (T_m, d)
        }
        started = true;
    }

    /** Feeds {@code token} at position {@link #length()}; the logits of the next token. */
    public double[] step(int token) {
        if (!started) {
            throw new IllegalStateException("step before start: start a sequence with its memory first");
        }
        if (length() == maxLength) {                                              // before any cache changes
            throw new IllegalStateException("the decoder holds at most maxLength = " + maxLength + " tokens");
        }
        int vocabSize = weights.embedding().size(0);
        if (token < 0 || token >= vocabSize) {
            throw new IllegalArgumentException("token = " + token + " is not in [0, " + vocabSize + ")");
        }
        Tensor x = Elementwise.add(row(weights.embedding(), token), row(weights.positions(), length()));  // (1, d)
        for (int i = 0; i < selfCaches.length; i++) {
            x = layer(i, x);                                                      // (1, d)
        }
        if (order == NormOrder.PRE_NORM) {
            x = norm(weights.finalNorm(), x);                                     // a Pre-LN stack ends with a norm
        }
        Tensor logits = Matrices.linear(x, weights.outputWeight(), weights.outputBias());   // (1, V)
        double[] result = new double[vocabSize];
        for (int v = 0; v < vocabSize; v++) {
            result[v] = logits.get(0, v);
        }
        return result;
    }

    public int length() {
        return selfCaches[0].length();
    }

    public KeyValueCache selfCache(int layer) {
        return selfCaches[layer];
    }

    public KeyValueCache memoryCache(int layer) {
        return memoryCaches[layer];
    }

    /** One decoder layer on the row of the new position, {@code (1, d) -> (1, d)}. */
    private Tensor layer(int i, Tensor x) {
        LayerWeights w = weights.layers().get(i);
        if (order == NormOrder.POST_NORM) {
            Tensor h1 = norm(w.norm1(), Elementwise.add(x, selfAttention(i, x)));
            Tensor h2 = norm(w.norm2(), Elementwise.add(h1, crossAttention(i, h1)));
            return norm(w.norm3(), Elementwise.add(h2, feedForward(w.feedForward(), h2)));
        }
        Tensor h1 = Elementwise.add(x, selfAttention(i, norm(w.norm1(), x)));        // the raw x is the residual path
        Tensor h2 = Elementwise.add(h1, crossAttention(i, norm(w.norm2(), h1)));
        return Elementwise.add(h2, feedForward(w.feedForward(), norm(w.norm3(), h2)));
    }

    /** The new row's key and value join the cache; its query attends over every cached row, itself included. */
    private Tensor selfAttention(int i, Tensor a) {
        AttentionWeights w = weights.layers().get(i).selfAttention();
        selfCaches[i].append(Matrices.linear(a, w.keyWeight(), w.keyBias()),     // (1, d)
                Matrices.linear(a, w.valueWeight(), w.valueBias()));             // (1, d)
        Tensor query = Matrices.linear(a, w.queryWeight(), w.queryBias());      // (1, d)
        Tensor heads = selfCaches[i].attend(query, numHeads, null);             // (1, d): no causal mask needed
        return Matrices.linear(heads, w.outputWeight(), w.outputBias());
    }

    /** The query of the new row over the memory's keys and values, computed in start. */
    private Tensor crossAttention(int i, Tensor a) {
        AttentionWeights w = weights.layers().get(i).crossAttention();
        Tensor query = Matrices.linear(a, w.queryWeight(), w.queryBias());      // (1, d)
        Tensor heads = memoryCaches[i].attend(query, numHeads, memoryPadded);   // (1, d)
        return Matrices.linear(heads, w.outputWeight(), w.outputBias());
    }

    private static Tensor feedForward(FeedForwardWeights w, Tensor x) {
        Tensor hidden = Matrices.linear(x, w.w1(), w.b1());                      // (1, d_ff)
        for (int j = 0; j < hidden.size(1); j++) {
            hidden.set(Math.max(0.0, hidden.get(0, j)), 0, j);
        }
        return Matrices.linear(hidden, w.w2(), w.b2());                          // (1, d)
    }

    /** Layer norm of one row: biased variance, eps inside the square root. */
    private static Tensor norm(NormWeights w, Tensor x) {
        int d = x.size(1);
        double mean = 0.0;
        for (int c = 0; c < d; c++) {
            mean += x.get(0, c) / d;
        }
        double variance = 0.0;
        for (int c = 0; c < d; c++) {
            variance += (x.get(0, c) - mean) * (x.get(0, c) - mean) / d;
        }
        Tensor y = Tensor.zeros(1, d);
        for (int c = 0; c < d; c++) {
            y.set(w.gamma().get(c) * (x.get(0, c) - mean) / Math.sqrt(variance + EPS) + w.beta().get(c), 0, c);
        }
        return y;
    }

    /** Row {@code i} of a table, copied as {@code (1, d)}. */
    private static Tensor row(Tensor table, int i) {
        Tensor row = Tensor.zeros(1, table.size(1));
        for (int c = 0; c < table.size(1); c++) {
            row.set(table.get(i, c), 0, c);
        }
        return row;
    }
}
