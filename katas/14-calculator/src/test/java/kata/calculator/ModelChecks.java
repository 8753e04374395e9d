package kata.calculator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kata.support.Seeds;
import kata.support.Tensor;

/** What the model's specs compute from the definitions, to compare the model with. */
final class ModelChecks {

    private ModelChecks() {
    }

    /** A fresh tiny model, the same for every spec that asks for one seed. */
    static Model tiny(long seed) {
        return Model.initial(ModelConfig.tiny(), Seeds.random(seed));
    }

    /** The shapes of parameters() for the sizes of config, in the documented order. */
    static List<int[]> parameterShapes(ModelConfig config) {
        return parameters(config).stream().map(Parameter::shape).toList();
    }

    /** What each of parameters() is, as "decoder 0 cross-attention Wk", in the documented order. */
    static List<String> parameterNames(ModelConfig config) {
        return parameters(config).stream().map(Parameter::name).toList();
    }

    /** One parameter tensor of the model: what it is and its shape. */
    private record Parameter(String name, int[] shape) {
    }

    private static List<Parameter> parameters(ModelConfig config) {
        int v = config.vocabSize();
        int d = config.dModel();
        int dFF = config.dFF();
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter("token table", new int[] {v, d}));
        for (int layer = 0; layer < config.encoderLayers(); layer++) {
            String prefix = "encoder " + layer + " ";
            addNorm(parameters, prefix + "ln1", d);
            addAttention(parameters, prefix + "self-attention", d);
            addNorm(parameters, prefix + "ln2", d);
            addFeedForward(parameters, prefix, d, dFF);
        }
        addNorm(parameters, "encoder final ln", d);
        for (int layer = 0; layer < config.decoderLayers(); layer++) {
            String prefix = "decoder " + layer + " ";
            addNorm(parameters, prefix + "ln1", d);
            addAttention(parameters, prefix + "self-attention", d);
            addNorm(parameters, prefix + "ln2", d);
            addAttention(parameters, prefix + "cross-attention", d);
            addNorm(parameters, prefix + "ln3", d);
            addFeedForward(parameters, prefix, d, dFF);
        }
        addNorm(parameters, "decoder final ln", d);
        parameters.add(new Parameter("W_out", new int[] {d, v}));
        parameters.add(new Parameter("b_out", new int[] {v}));
        return parameters;
    }

    /**
     * The loss by its definition, from the model's logits: per non-PAD label y of the batch,
     * -sum_v ((1 - eps) [v = y] + eps / V) log softmax(logits)_v, averaged over all of them.
     */
    static double loss(Predictor model, Batch batch, double smoothing) {
        Tensor logits = model.logits(batch.source(), batch.decoderInput());    // (B, T, V)
        int vocab = logits.size(2);
        double sum = 0.0;
        int count = 0;
        for (int i = 0; i < logits.size(0); i++) {
            for (int t = 0; t < logits.size(1); t++) {
                int label = batch.labels()[i][t];
                if (label == Vocabulary.pad()) {
                    continue;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < vocab; v++) {
                    max = Math.max(max, logits.get(i, t, v));
                }
                double exps = 0.0;
                for (int v = 0; v < vocab; v++) {
                    exps += Math.exp(logits.get(i, t, v) - max);
                }
                double logSum = max + Math.log(exps);
                for (int v = 0; v < vocab; v++) {
                    double target = (v == label ? 1.0 - smoothing : 0.0) + smoothing / vocab;
                    sum -= target * (logits.get(i, t, v) - logSum);
                }
                count++;
            }
        }
        return sum / count;
    }

    /** The id of the largest logit of row t of batch entry i, the lowest among equals. */
    static int argmax(Tensor logits, int i, int t) {
        int best = 0;
        for (int v = 1; v < logits.size(2); v++) {
            if (logits.get(i, t, v) > logits.get(i, t, best)) {
                best = v;
            }
        }
        return best;
    }

    /** Row t of batch entry i of logits (B, T, V), as a fresh (V) tensor. */
    static Tensor row(Tensor logits, int i, int t) {
        Tensor row = Tensor.zeros(logits.size(2));
        for (int v = 0; v < logits.size(2); v++) {
            row.set(logits.get(i, t, v), v);
        }
        return row;
    }

    /** [START] followed by tokens. */
    static int[] startThen(int[] tokens) {
        int[] prefixed = new int[tokens.length + 1];
        prefixed[0] = Vocabulary.start();
        System.arraycopy(tokens, 0, prefixed, 1, tokens.length);
        return prefixed;
    }

    /** Copies of every row, to check afterwards that a batch was left alone. */
    static int[][] copy(int[][] rows) {
        return Arrays.stream(rows).map(int[]::clone).toArray(int[][]::new);
    }

    private static void addNorm(List<Parameter> parameters, String name, int d) {
        parameters.add(new Parameter(name + " gamma", new int[] {d}));
        parameters.add(new Parameter(name + " beta", new int[] {d}));
    }

    private static void addAttention(List<Parameter> parameters, String name, int d) {
        for (String projection : new String[] {"q", "k", "v", "o"}) {
            parameters.add(new Parameter(name + " W" + projection, new int[] {d, d}));
            parameters.add(new Parameter(name + " b" + projection, new int[] {d}));
        }
    }

    private static void addFeedForward(List<Parameter> parameters, String prefix, int d, int dFF) {
        parameters.add(new Parameter(prefix + "W1", new int[] {d, dFF}));
        parameters.add(new Parameter(prefix + "b1", new int[] {dFF}));
        parameters.add(new Parameter(prefix + "W2", new int[] {dFF, d}));
        parameters.add(new Parameter(prefix + "b2", new int[] {d}));
    }
}
