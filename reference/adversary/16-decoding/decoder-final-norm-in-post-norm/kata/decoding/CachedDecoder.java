package kata.decoding;

import kata.support.Elementwise;
import kata.support.Matrices;
import kata.support.NormOrder;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * A decoder stack run one token at a time with a key/value cache per layer.
 */
public final class CachedDecoder {

    /** The layer norms' epsilon, inside the square root. */
    public static final double EPS = 1e-5;

    private final DecoderWeights weights;
    private final NormOrder order;
    private final int numHeads;
    private final int maxLength;
    private final int dModel;
    private final int vocabulary;
    private final KeyValueCache[] selfCaches;
    private final KeyValueCache[] memoryCaches;
    private boolean[] memoryPadded;
    private boolean started;
    private int length;

    public CachedDecoder(DecoderWeights weights, NormOrder order, int numHeads, int maxLength) {
        this.dModel = weights.embedding().size(1);
        this.vocabulary = weights.embedding().size(0);
        if (numHeads < 1 || dModel % numHeads != 0) {
            throw new IllegalArgumentException("numHeads must be at least 1 and divide d = " + dModel
                    + ", was " + numHeads);
        }
        int positions = weights.positions().size(0);
        if (maxLength < 1 || maxLength > positions) {
            throw new IllegalArgumentException("maxLength must be in [1, " + positions + "] (positions has shape "
                    + Shapes.of(weights.positions()) + "), was " + maxLength);
        }
        this.weights = weights;
        this.order = order;
        this.numHeads = numHeads;
        this.maxLength = maxLength;
        int layers = weights.layers().size();
        this.selfCaches = new KeyValueCache[layers];
        this.memoryCaches = new KeyValueCache[layers];
        for (int l = 0; l < layers; l++) {
            selfCaches[l] = new KeyValueCache(maxLength, dModel);
            memoryCaches[l] = new KeyValueCache(0, dModel);
        }
    }

    public void start(Tensor memory, boolean[] memoryPadded) {
        Shapes.requireMatrix(memory, "memory");
        if (memory.size(1) != dModel || memory.size(0) < 1) {
            throw new IllegalArgumentException("memory must have at least one row of width " + dModel
                    + ", but has shape " + Shapes.of(memory));
        }
        int rows = memory.size(0);
        if (memoryPadded != null) {
            if (memoryPadded.length != rows) {
                throw new IllegalArgumentException("memoryPadded has length " + memoryPadded.length
                        + ", but memory has " + rows + " rows");
            }
            boolean anyReal = false;
            for (boolean p : memoryPadded) {
                anyReal |= !p;
            }
            if (!anyReal) {
                throw new IllegalArgumentException("memoryPadded hides all " + rows + " memory rows");
            }
        }
        for (int l = 0; l < selfCaches.length; l++) {
            AttentionWeights cross = weights.layers().get(l).crossAttention();
            Tensor keys = Matrices.linear(memory, cross.keyWeight(), cross.keyBias());
            Tensor values = Matrices.linear(memory, cross.valueWeight(), cross.valueBias());
            memoryCaches[l] = new KeyValueCache(rows, dModel);
            memoryCaches[l].append(keys, values);
            selfCaches[l].reset();
        }
        this.memoryPadded = memoryPadded == null ? null : memoryPadded.clone();
        this.length = 0;
        this.started = true;
    }

    private static Tensor layerNorm(Tensor x, NormWeights norm) {
        int rows = x.size(0);
        int d = x.size(1);
        Tensor y = Tensor.zeros(rows, d);
        for (int r = 0; r < rows; r++) {
            double mean = 0.0;
            for (int c = 0; c < d; c++) {
                mean += x.get(r, c);
            }
            mean /= d;
            double variance = 0.0;
            for (int c = 0; c < d; c++) {
                double centered = x.get(r, c) - mean;
                variance += centered * centered;
            }
            variance /= d;
            double std = Math.sqrt(variance + EPS);
            for (int c = 0; c < d; c++) {
                y.set(norm.gamma().get(c) * (x.get(r, c) - mean) / std + norm.beta().get(c), r, c);
            }
        }
        return y;
    }

    private static Tensor feedForward(Tensor x, FeedForwardWeights ffn) {
        Tensor hidden = Matrices.linear(x, ffn.w1(), ffn.b1());
        for (int r = 0; r < hidden.size(0); r++) {
            for (int c = 0; c < hidden.size(1); c++) {
                hidden.set(Math.max(0.0, hidden.get(r, c)), r, c);
            }
        }
        return Matrices.linear(hidden, ffn.w2(), ffn.b2());
    }

    private Tensor selfAttention(Tensor a, AttentionWeights w, KeyValueCache cache) {
        Tensor query = Matrices.linear(a, w.queryWeight(), w.queryBias());
        cache.append(Matrices.linear(a, w.keyWeight(), w.keyBias()), Matrices.linear(a, w.valueWeight(), w.valueBias()));
        Tensor heads = cache.attend(query, numHeads, null);
        return Matrices.linear(heads, w.outputWeight(), w.outputBias());
    }

    private Tensor crossAttention(Tensor a, AttentionWeights w, KeyValueCache cache) {
        Tensor query = Matrices.linear(a, w.queryWeight(), w.queryBias());
        Tensor heads = cache.attend(query, numHeads, memoryPadded);
        return Matrices.linear(heads, w.outputWeight(), w.outputBias());
    }

    public double[] step(int token) {
        if (!started) {
            throw new IllegalStateException("step before start: call start(memory, memoryPadded) first");
        }
        if (length >= maxLength) {
            throw new IllegalStateException("the sequence already holds maxLength = " + maxLength + " tokens");
        }
        if (token < 0 || token >= vocabulary) {
            throw new IllegalArgumentException("token must be in [0, " + vocabulary + "), was " + token);
        }
        Tensor x = Tensor.zeros(1, dModel);
        for (int c = 0; c < dModel; c++) {
            x.set(weights.embedding().get(token, c) + weights.positions().get(length, c), 0, c);
        }
        for (int l = 0; l < selfCaches.length; l++) {
            LayerWeights layer = weights.layers().get(l);
            if (order == NormOrder.PRE_NORM) {
                x = Elementwise.add(x, selfAttention(layerNorm(x, layer.norm1()), layer.selfAttention(), selfCaches[l]));
                x = Elementwise.add(x, crossAttention(layerNorm(x, layer.norm2()), layer.crossAttention(), memoryCaches[l]));
                x = Elementwise.add(x, feedForward(layerNorm(x, layer.norm3()), layer.feedForward()));
            } else {
                x = layerNorm(Elementwise.add(x, selfAttention(x, layer.selfAttention(), selfCaches[l])), layer.norm1());
                x = layerNorm(Elementwise.add(x, crossAttention(x, layer.crossAttention(), memoryCaches[l])), layer.norm2());
                x = layerNorm(Elementwise.add(x, feedForward(x, layer.feedForward())), layer.norm3());
            }
        }
        x = layerNorm(x, weights.finalNorm());
        Tensor logits = Matrices.linear(x, weights.outputWeight(), weights.outputBias());
        double[] out = new double[logits.size(1)];
        for (int v = 0; v < out.length; v++) {
            out[v] = logits.get(0, v);
        }
        length++;
        return out;
    }

    public int length() {
        return length;
    }

    public KeyValueCache selfCache(int layer) {
        return selfCaches[layer];
    }

    public KeyValueCache memoryCache(int layer) {
        return memoryCaches[layer];
    }
}
