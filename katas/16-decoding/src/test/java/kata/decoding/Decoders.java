package kata.decoding;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import kata.support.AttentionLayer;
import kata.support.Elementwise;
import kata.support.Masks;
import kata.support.Matrices;
import kata.support.NormOrder;
import kata.support.Tensor;
import kata.support.TensorFunction;
import kata.support.testing.MatrixLayouts;
import kata.support.testing.StandIns;

/**
 * Random decoder weights for the specs, and the parallel pass the cached decoder must agree with,
 * built from the stand-ins of katas 04 (layer norm), 07 (multi-head attention) and 09 (feed-forward)
 * and the support code's masks, so that kata 16 needs none of the learner's earlier classes.
 */
final class Decoders {

    /**
     * How close a cached step's logits must be to the parallel pass's row: both compute the same
     * products and sums row by row, so only the order of a few additions may differ.
     */
    static final double CACHED = 1e-12;

    private Decoders() {
    }

    /** Weights of a stack with {@code layers} layers, width d, d_ff = 2d, V tokens and P positions. */
    static DecoderWeights random(RandomGenerator random, int vocabSize, int d, int layers, int positions) {
        List<LayerWeights> stack = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            stack.add(new LayerWeights(attention(random, d), attention(random, d),
                    new FeedForwardWeights(small(random, d, 2 * d), small(random, 2 * d), small(random, 2 * d, d), small(random, d)),
                    norm(random, d), norm(random, d), norm(random, d)));
        }
        return new DecoderWeights(Tensor.gaussian(random, vocabSize, d), Tensor.gaussian(random, positions, d),
                List.copyOf(stack), norm(random, d), small(random, d, vocabSize), small(random, vocabSize));
    }

    /** The same weights, every matrix stored column by column and every vector at every other position. */
    static DecoderWeights otherLayouts(DecoderWeights w) {
        List<LayerWeights> stack = new ArrayList<>();
        for (LayerWeights layer : w.layers()) {
            FeedForwardWeights f = layer.feedForward();
            stack.add(new LayerWeights(otherLayouts(layer.selfAttention()), otherLayouts(layer.crossAttention()),
                    new FeedForwardWeights(matrix(f.w1()), vector(f.b1()), matrix(f.w2()), vector(f.b2())),
                    otherLayouts(layer.norm1()), otherLayouts(layer.norm2()), otherLayouts(layer.norm3())));
        }
        return new DecoderWeights(matrix(w.embedding()), MatrixLayouts.steppedLayout(StandIns.rowsOf(w.positions())),
                List.copyOf(stack), otherLayouts(w.finalNorm()), matrix(w.outputWeight()), vector(w.outputBias()));
    }

    /**
     * The logits {@code (T, V)} of the parallel pass over {@code tokens}: every position at once, the
     * causal mask on the self-attention and the memory's padding mask on the cross-attention.
     */
    static Tensor parallel(DecoderWeights w, NormOrder order, int numHeads, int[] tokens, Tensor memory,
                           boolean[] memoryPadded) {
        int seqLen = tokens.length;
        Tensor x = Tensor.zeros(seqLen, w.embedding().size(1));                      // (T, d)
        for (int t = 0; t < seqLen; t++) {
            for (int c = 0; c < x.size(1); c++) {
                x.set(w.embedding().get(tokens[t], c) + w.positions().get(t, c), t, c);
            }
        }
        boolean[][] causal = Masks.causal(seqLen);
        boolean[][] memoryMask = memoryPadded == null ? null
                : Masks.padding(memoryPadded, memory.size(0), seqLen, "memoryPadded");
        for (LayerWeights layer : w.layers()) {
            x = layer(layer, order, numHeads, x, memory, causal, memoryMask);
        }
        if (order == NormOrder.PRE_NORM) {
            x = layerNorm(w.finalNorm()).apply(x);
        }
        return Matrices.linear(x, w.outputWeight(), w.outputBias());                 // (T, V)
    }

    /** Row {@code t} of the parallel logits, as an array. */
    static double[] row(Tensor logits, int t) {
        return StandIns.rowsOf(logits)[t];
    }

    /** The keys {@code (T, d)} the self-attention of layer {@code i} computes in the parallel pass. */
    static Tensor parallelKeys(DecoderWeights w, NormOrder order, int numHeads, int[] tokens, Tensor memory, int i) {
        int seqLen = tokens.length;
        Tensor x = Tensor.zeros(seqLen, w.embedding().size(1));
        for (int t = 0; t < seqLen; t++) {
            for (int c = 0; c < x.size(1); c++) {
                x.set(w.embedding().get(tokens[t], c) + w.positions().get(t, c), t, c);
            }
        }
        for (int j = 0; j < i; j++) {
            x = layer(w.layers().get(j), order, numHeads, x, memory, Masks.causal(seqLen), null);
        }
        LayerWeights layer = w.layers().get(i);
        Tensor input = order == NormOrder.PRE_NORM ? layerNorm(layer.norm1()).apply(x) : x;
        return Matrices.linear(input, layer.selfAttention().keyWeight(), layer.selfAttention().keyBias());
    }

    private static Tensor layer(LayerWeights w, NormOrder order, int numHeads, Tensor x, Tensor memory,
                                boolean[][] causal, boolean[][] memoryMask) {
        AttentionLayer self = multiHead(w.selfAttention(), numHeads);
        AttentionLayer cross = multiHead(w.crossAttention(), numHeads);
        FeedForwardWeights f = w.feedForward();
        TensorFunction ffn = StandIns.feedForward(f.w1(), f.b1(), f.w2(), f.b2());
        TensorFunction ln1 = layerNorm(w.norm1());
        TensorFunction ln2 = layerNorm(w.norm2());
        TensorFunction ln3 = layerNorm(w.norm3());
        if (order == NormOrder.POST_NORM) {
            Tensor h1 = ln1.apply(Elementwise.add(x, self.attend(x, x, causal)));
            Tensor h2 = ln2.apply(Elementwise.add(h1, cross.attend(h1, memory, memoryMask)));
            return ln3.apply(Elementwise.add(h2, ffn.apply(h2)));
        }
        Tensor a = ln1.apply(x);
        Tensor h1 = Elementwise.add(x, self.attend(a, a, causal));
        Tensor h2 = Elementwise.add(h1, cross.attend(ln2.apply(h1), memory, memoryMask));
        return Elementwise.add(h2, ffn.apply(ln3.apply(h2)));
    }

    private static AttentionLayer multiHead(AttentionWeights a, int numHeads) {
        return StandIns.multiHead(numHeads, a.queryWeight(), a.queryBias(), a.keyWeight(), a.keyBias(),
                a.valueWeight(), a.valueBias(), a.outputWeight(), a.outputBias());
    }

    private static TensorFunction layerNorm(NormWeights n) {
        return StandIns.layerNorm(n.gamma(), n.beta(), CachedDecoder.EPS);
    }

    private static AttentionWeights attention(RandomGenerator random, int d) {
        return new AttentionWeights(small(random, d, d), small(random, d), small(random, d, d), small(random, d),
                small(random, d, d), small(random, d), small(random, d, d), small(random, d));
    }

    private static NormWeights norm(RandomGenerator random, int d) {
        Tensor gamma = Tensor.zeros(d);
        for (int c = 0; c < d; c++) {
            gamma.set(1.0 + 0.3 * random.nextGaussian(), c);
        }
        return new NormWeights(gamma, small(random, d));
    }

    /** Gaussian entries of standard deviation 1/sqrt(rows), so activations stay of order 1. */
    private static Tensor small(RandomGenerator random, int rows, int columns) {
        Tensor m = Tensor.gaussian(random, rows, columns);
        double scale = 1.0 / Math.sqrt(rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                m.set(m.get(i, j) * scale, i, j);
            }
        }
        return m;
    }

    private static Tensor small(RandomGenerator random, int size) {
        Tensor v = Tensor.gaussian(random, size);
        for (int i = 0; i < size; i++) {
            v.set(0.5 * v.get(i), i);
        }
        return v;
    }

    private static AttentionWeights otherLayouts(AttentionWeights a) {
        return new AttentionWeights(matrix(a.queryWeight()), vector(a.queryBias()), matrix(a.keyWeight()),
                vector(a.keyBias()), matrix(a.valueWeight()), vector(a.valueBias()), matrix(a.outputWeight()),
                vector(a.outputBias()));
    }

    private static NormWeights otherLayouts(NormWeights n) {
        return new NormWeights(vector(n.gamma()), vector(n.beta()));
    }

    private static Tensor matrix(Tensor m) {
        return MatrixLayouts.transposedLayout(StandIns.rowsOf(m));
    }

    private static Tensor vector(Tensor v) {
        return MatrixLayouts.steppedLayout(StandIns.values(v));
    }
}
