package kata.calculator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.random.RandomGenerator;
import kata.encoder.FeedForward;
import kata.layernorm.LayerNorm;
import kata.attention.ScaledDotProductAttention;
import kata.multihead.MultiHeadAttention;
import kata.multihead.MultiHeadWeights;
import kata.positional.SinusoidalEncoding;
import kata.positional.TokenEmbedding;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The calculator: an encoder-decoder Transformer built from the course's blocks, Pre-LN throughout.
 * <pre>
 *   source ids (B, S)        -> sqrt(d) E[ids] + PE   (B S, d)   kata 11
 *                            -> N encoder layers                 kata 09 (04, 05, 07)
 *                            -> LayerNorm = memory    (B S, d)   a Pre-LN stack ends with a norm
 *   decoder ids (B, T)       -> sqrt(d) E[ids] + PE   (B T, d)   the same table E
 *                            -> N decoder layers over the memory kata 10
 *                            -> LayerNorm -> x W_out + b_out     (B T, V)
 * </pre>
 * Its backward pass runs the same path in reverse with kata 13's blocks. Every parameter is a plain
 * tensor in {@link #parameters()}; an optimizer updates them in place.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public final class Model implements Predictor {

    /** One encoder layer's parameters, held by the blocks of katas 04, 07 and 09. */
    record EncoderParts(LayerNorm norm1, MultiHeadAttention attention, LayerNorm norm2, FeedForward feedForward) {
    }

    /** One decoder layer's parameters. */
    record DecoderParts(LayerNorm norm1, MultiHeadAttention selfAttention, LayerNorm norm2,
                        MultiHeadAttention crossAttention, LayerNorm norm3, FeedForward feedForward) {
    }

    private final ModelConfig config;
    private final TokenEmbedding embedding;
    private final Tensor positions;                      // (maxLength, d), fixed: not a parameter
    private final List<EncoderParts> encoder;
    private final LayerNorm encoderNorm;
    private final List<DecoderParts> decoder;
    private final LayerNorm decoderNorm;
    private final Tensor outputWeight;                   // (d, V)
    private final Tensor outputBias;                     // (V)

    private Model(ModelConfig config, RandomGenerator random) {
        int d = config.dModel();
        this.config = config;
        this.embedding = TokenEmbedding.initial(config.vocabSize(), d, random);   // small: N(0, 1) / sqrt(d)
        this.positions = SinusoidalEncoding.table(config.maxLength(), d);
        this.encoder = new ArrayList<>();
        for (int l = 0; l < config.encoderLayers(); l++) {
            encoder.add(new EncoderParts(LayerNorm.initial(d), attention(config, random), LayerNorm.initial(d),
                    feedForward(config, random)));
        }
        this.encoderNorm = LayerNorm.initial(d);
        this.decoder = new ArrayList<>();
        for (int l = 0; l < config.decoderLayers(); l++) {
            decoder.add(new DecoderParts(LayerNorm.initial(d), attention(config, random), LayerNorm.initial(d),
                    attention(config, random), LayerNorm.initial(d), feedForward(config, random)));
        }
        this.decoderNorm = LayerNorm.initial(d);
        this.outputWeight = uniform(random, d, d, config.vocabSize());
        this.outputBias = uniform(random, d, config.vocabSize());
    }

    /** A freshly initialized model of the given sizes. */
    public static Model initial(ModelConfig config, RandomGenerator random) {
        Shapes.requireAtLeast(config.vocabSize(), 3, "vocabSize");       // PAD, START and END, then the digits
        Shapes.requireAtLeast(config.dModel(), 1, "dModel");
        Shapes.requireAtLeast(config.dFF(), 1, "dFF");
        Shapes.requireAtLeast(config.encoderLayers(), 1, "encoderLayers");
        Shapes.requireAtLeast(config.decoderLayers(), 1, "decoderLayers");
        Shapes.requireAtLeast(config.maxLength(), 1, "maxLength");
        if (config.dModel() % 2 != 0) {            // numHeads >= 1 dividing dModel: kata 07 checks it
            throw new IllegalArgumentException("dModel = " + config.dModel() + " must be even: the positions are sin and"
                    + " cos pairs");
        }
        return new Model(config, random);
    }

    /** The sizes of this model. */
    public ModelConfig config() {
        return config;
    }

    /** The number of trained values: the element counts of {@link #parameters()} added up. */
    public long parameterCount() {
        long count = 0;
        for (Tensor p : parameters()) {
            count += p.elementCount();
        }
        return count;
    }

    /** The live parameter tensors, in the documented order (an optimizer updates them in place). */
    public List<Tensor> parameters() {
        List<Tensor> all = new ArrayList<>();
        all.add(embedding.table());
        for (EncoderParts layer : encoder) {
            addNorm(all, layer.norm1());
            addAttention(all, layer.attention());
            addNorm(all, layer.norm2());
            addFeedForward(all, layer.feedForward());
        }
        addNorm(all, encoderNorm);
        for (DecoderParts layer : decoder) {
            addNorm(all, layer.norm1());
            addAttention(all, layer.selfAttention());
            addNorm(all, layer.norm2());
            addAttention(all, layer.crossAttention());
            addNorm(all, layer.norm3());
            addFeedForward(all, layer.feedForward());
        }
        addNorm(all, decoderNorm);
        all.add(outputWeight);
        all.add(outputBias);
        return all;
    }

    @Override
    public Tensor logits(int[][] source, int[][] decoderInput) {
        Pass pass = new Pass(this, source, decoderInput);
        Tensor rows = pass.forward();                                        // (B T, V)
        return Tensor.of(new int[] {source.length, decoderInput[0].length, config.vocabSize()}, rows.storage()); // fresh row-major: copied as it is
    }

    /** The batch's mean cross-entropy (PAD labels ignored, label smoothing) and every parameter's gradient. */
    public LossAndGradients lossAndGradients(Batch batch, double smoothing) {
        int sequences = Ids.requireBatch(batch.source(), batch.decoderInput(), config);
        Ids.requireLabels(batch.labels(), sequences, batch.decoderInput()[0].length);
        // Two halves on two cores: the gradient of a mean is the count-weighted mean of the halves'
        // gradients. Always two halves, whatever the machine, so that every machine gets the same numbers.
        int half = Math.max(1, sequences / 2);
        CompletableFuture<Pass.Part> first = CompletableFuture.supplyAsync(() -> part(batch, 0, half, smoothing));
        Pass.Part second = part(batch, half, sequences, smoothing);
        try {
            return first.join().with(second);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Pass.Part part(Batch batch, int from, int to, double smoothing) {
        if (from == to) {
            return new Pass.Part(0.0, 0, zeroGradients());
        }
        Pass pass = new Pass(this, Arrays.copyOfRange(batch.source(), from, to),
                Arrays.copyOfRange(batch.decoderInput(), from, to));
        return pass.lossAndGradients(Arrays.copyOfRange(batch.labels(), from, to), smoothing);
    }

    private List<Tensor> zeroGradients() {
        List<Tensor> zeros = new ArrayList<>();
        for (Tensor p : parameters()) {
            zeros.add(Tensor.zeros(p.shape()));
        }
        return zeros;
    }

    /** The last decoder layer's cross-attention weights averaged over heads, {@code (T, S)}. */
    public Tensor crossAttention(int[] source, int[] decoderInput) {
        Pass pass = new Pass(this, new int[][] {source}, new int[][] {decoderInput});
        pass.forward();
        return pass.lastCrossAttention();
    }

    TokenEmbedding embedding() {
        return embedding;
    }

    Tensor positions() {
        return positions;
    }

    List<EncoderParts> encoder() {
        return encoder;
    }

    LayerNorm encoderNorm() {
        return encoderNorm;
    }

    List<DecoderParts> decoder() {
        return decoder;
    }

    LayerNorm decoderNorm() {
        return decoderNorm;
    }

    Tensor outputWeight() {
        return outputWeight;
    }

    Tensor outputBias() {
        return outputBias;
    }

    private static MultiHeadAttention attention(ModelConfig config, RandomGenerator random) {
        return new MultiHeadAttention(config.dModel(), config.numHeads(), random,
                ScaledDotProductAttention::attend);                               // one head: kata 06
    }

    /** PyTorch's {@code nn.Linear} initialization: weights and biases uniform in [-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    private static FeedForward feedForward(ModelConfig config, RandomGenerator random) {
        int d = config.dModel();
        int dFf = config.dFF();
        return new FeedForward(uniform(random, d, d, dFf), uniform(random, d, dFf),
                uniform(random, dFf, dFf, d), uniform(random, dFf, d));
    }

    private static Tensor uniform(RandomGenerator random, int fanIn, int... shape) {
        double bound = 1.0 / Math.sqrt(fanIn);
        Tensor t = Tensor.zeros(shape);
        double[] values = t.storage();
        for (int i = 0; i < values.length; i++) {
            values[i] = bound * (2.0 * random.nextDouble() - 1.0);
        }
        return t;
    }

    private static void addNorm(List<Tensor> all, LayerNorm norm) {
        all.add(norm.gamma());
        all.add(norm.beta());
    }

    private static void addAttention(List<Tensor> all, MultiHeadAttention attention) {
        MultiHeadWeights w = attention.weights();
        all.addAll(List.of(w.queryWeight(), w.queryBias(), w.keyWeight(), w.keyBias(),
                w.valueWeight(), w.valueBias(), w.outputWeight(), w.outputBias()));
    }

    private static void addFeedForward(List<Tensor> all, FeedForward ffn) {
        all.addAll(List.of(ffn.w1(), ffn.b1(), ffn.w2(), ffn.b2()));
    }

}
