import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import kata.decoding.AttentionWeights;
import kata.decoding.CachedDecoder;
import kata.decoding.DecoderWeights;
import kata.decoding.FeedForwardWeights;
import kata.decoding.LayerWeights;
import kata.decoding.NormWeights;
import kata.decoding.Sampler;
import kata.support.NormOrder;
import kata.support.Seeds;
import kata.support.Tensor;

/**
 * Generates 256 tokens with and without the key/value cache, side by side, and prints tokens per second.
 * Without the cache every token replays the whole prefix through a fresh start (the work of a parallel
 * pass over the prefix, as kata 14's greedy decoding does); with it every token is one step. Both sample
 * with the same seed and must produce the same tokens. Not part of the build: see the kata's note.
 */
public final class DecodingBenchmark {

    private static final int VOCAB = 32;
    private static final int D = 64;
    private static final int HEADS = 4;
    private static final int LAYERS = 2;
    private static final int TOKENS = 256;
    private static final int MEMORY_ROWS = 16;

    public static void main(String[] args) {
        RandomGenerator random = Seeds.random(2024);
        DecoderWeights weights = weights(random);
        Tensor memory = Tensor.gaussian(random, MEMORY_ROWS, D);
        CachedDecoder decoder = new CachedDecoder(weights, NormOrder.PRE_NORM, HEADS, TOKENS + 1);
        Sampler sampler = new Sampler(0.8, 20, 0.95);

        generateCached(decoder, memory, sampler, 32);                 // warm-up: let the JIT compile both paths
        generateUncached(decoder, memory, sampler, 32);

        long start = System.nanoTime();
        int[] cached = generateCached(decoder, memory, sampler, TOKENS);
        double cachedSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int[] uncached = generateUncached(decoder, memory, sampler, TOKENS);
        double uncachedSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "d = %d, %d heads, %d layers, V = %d, memory %d rows, %d tokens%n",
                D, HEADS, LAYERS, VOCAB, MEMORY_ROWS, TOKENS);
        System.out.printf(Locale.ROOT, "without the cache: %8.1f tokens/s (%.2f s)%n", TOKENS / uncachedSeconds, uncachedSeconds);
        System.out.printf(Locale.ROOT, "with the cache:    %8.1f tokens/s (%.2f s)%n", TOKENS / cachedSeconds, cachedSeconds);
        System.out.printf(Locale.ROOT, "speed-up: %.1fx; same tokens: %b%n", uncachedSeconds / cachedSeconds,
                java.util.Arrays.equals(cached, uncached));
    }

    /** One step per token: the cache holds the prefix. */
    private static int[] generateCached(CachedDecoder decoder, Tensor memory, Sampler sampler, int count) {
        RandomGenerator random = Seeds.random(7);
        int[] tokens = new int[count + 1];                            // tokens[0] = 0 is the start token
        decoder.start(memory, null);
        for (int t = 0; t < count; t++) {
            tokens[t + 1] = sampler.sample(decoder.step(tokens[t]), random);
        }
        return tokens;
    }

    /** Every token recomputes the whole prefix from a fresh start. */
    private static int[] generateUncached(CachedDecoder decoder, Tensor memory, Sampler sampler, int count) {
        RandomGenerator random = Seeds.random(7);
        int[] tokens = new int[count + 1];
        for (int t = 0; t < count; t++) {
            decoder.start(memory, null);
            double[] logits = null;
            for (int i = 0; i <= t; i++) {
                logits = decoder.step(tokens[i]);
            }
            tokens[t + 1] = sampler.sample(logits, random);
        }
        return tokens;
    }

    private static DecoderWeights weights(RandomGenerator random) {
        List<LayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < LAYERS; i++) {
            layers.add(new LayerWeights(attention(random), attention(random),
                    new FeedForwardWeights(matrix(random, D, 4 * D), Tensor.zeros(4 * D), matrix(random, 4 * D, D), Tensor.zeros(D)),
                    norm(), norm(), norm()));
        }
        return new DecoderWeights(Tensor.gaussian(random, VOCAB, D), Tensor.gaussian(random, TOKENS + 1, D),
                layers, norm(), matrix(random, D, VOCAB), Tensor.zeros(VOCAB));
    }

    private static AttentionWeights attention(RandomGenerator random) {
        return new AttentionWeights(matrix(random, D, D), Tensor.zeros(D), matrix(random, D, D), Tensor.zeros(D),
                matrix(random, D, D), Tensor.zeros(D), matrix(random, D, D), Tensor.zeros(D));
    }

    private static NormWeights norm() {
        Tensor gamma = Tensor.zeros(D);
        for (int c = 0; c < D; c++) {
            gamma.set(1.0, c);
        }
        return new NormWeights(gamma, Tensor.zeros(D));
    }

    private static Tensor matrix(RandomGenerator random, int rows, int columns) {
        Tensor m = Tensor.gaussian(random, rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                m.set(m.get(i, j) / Math.sqrt(rows), i, j);
            }
        }
        return m;
    }
}
