package grader.training;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * How {@code -Dtrain=calculator} trains: the options and, in {@link #DEFAULT}, their defaults (the one
 * place they are kept). The model's sizes default to kata 14's {@code ModelConfig.calculator()}.
 *
 * @param seed {@code -Dseed}: seeds the split, the model's initial weights and the batches
 * @param steps {@code -Dsteps}: how many optimizer steps
 * @param batch {@code -Dbatch}: problems per step
 * @param format {@code -Dformat=reversed|plain}: the answer's digits least significant first, or as written
 * @param dModel {@code -DdModel}: the model width d (default: the calculator's)
 * @param heads {@code -Dheads}: attention heads (default: the calculator's)
 * @param dFF {@code -DdFF}: the feed-forward width (default: the calculator's)
 * @param layers {@code -Dlayers}: encoder layers, and as many decoder layers (default: the calculator's)
 * @param warmup {@code -Dwarmup}: the schedule's warm-up steps
 * @param rateFactor {@code -DrateFactor}: multiplies the schedule's learning rate
 * @param smoothing {@code -Dsmoothing}: label smoothing in [0, 1)
 * @param clipNorm {@code -DclipNorm}: the gradients' largest global L2 norm ({@code none}: no clipping)
 */
public record TrainingOptions(long seed, int steps, int batch, String format, OptionalInt dModel, OptionalInt heads,
                              OptionalInt dFF, OptionalInt layers, int warmup, double rateFactor, double smoothing,
                              double clipNorm) {

    /** The defaults: what a plain {@code -Dtrain=calculator} does. */
    public static final TrainingOptions DEFAULT = new TrainingOptions(1, 1500, 64, "reversed", OptionalInt.empty(),
            OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), 200, 0.2, 0.1, 1.0);

    /** How many problems the model trains on, and how many fresh ones it is tested on. */
    public static final int TRAIN_PROBLEMS = 20_000;
    public static final int TEST_PROBLEMS = 2_000;

    /** Every training option's name, as {@code -Dname=value}. */
    public static final List<String> NAMES = List.of("seed", "steps", "batch", "format", "dModel", "heads", "dFF",
            "layers", "warmup", "rateFactor", "smoothing", "clipNorm");

    /**
     * The sizes of kata 14's {@code ModelConfig.calculator()} as the course ships it (vocabulary, d,
     * heads, d_ff, layers, layers, longest sequence): what a size not given is checked against before
     * anything runs. The learner's own {@code calculator()} is checked again once compiled.
     */
    public static final ModelSizes CALCULATOR = new ModelSizes(14, 64, 4, 256, 2, 2, 8);

    /** The most steps a run may take (the loss of every step is kept for the curve). */
    public static final int MOST_STEPS = 1_000_000;
    /** The largest model width, feed-forward width and number of layers a run may ask for. */
    public static final int MOST_D_MODEL = 1024;
    public static final int MOST_D_FF = 4096;
    public static final int MOST_LAYERS = 12;
    /** The most parameters a model may have: with gradients and Adam's two moments, about 1 GB of doubles. */
    public static final long MOST_PARAMETERS = 32_000_000L;

    /** The formats, as {@code -Dformat} names them. */
    public static final List<String> FORMATS = List.of("reversed", "plain");

    /**
     * Reads the options, each missing one from {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException naming the option and what it accepts when a value makes no sense:
     *     out of range, a width the heads cannot share (a size not given taken from {@link #CALCULATOR}),
     *     a model or a run too large for the machine
     */
    public static TrainingOptions from(Function<String, String> properties) {
        String format = value(properties, "format").map(v -> v.toLowerCase(Locale.ROOT)).orElse(DEFAULT.format);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("-Dformat=" + properties.apply("format").trim()
                    + " is not an option: use -Dformat=reversed (the default) or -Dformat=plain");
        }
        int batch = count(properties, "batch").orElse(DEFAULT.batch);
        if (batch > TRAIN_PROBLEMS) {
            throw new IllegalArgumentException("-Dbatch=" + batch + " is more than the " + TRAIN_PROBLEMS + " training problems");
        }
        TrainingOptions options = new TrainingOptions(
                value(properties, "seed").map(v -> parse("seed", v, Long::parseLong, "a whole number")).orElse(DEFAULT.seed),
                count(properties, "steps").orElse(DEFAULT.steps), batch,
                format, count(properties, "dModel"), count(properties, "heads"), count(properties, "dFF"),
                count(properties, "layers"), count(properties, "warmup").orElse(DEFAULT.warmup),
                real(properties, "rateFactor", false).orElse(DEFAULT.rateFactor),
                smoothing(properties), clipNorm(properties));
        atMost("steps", options.steps, MOST_STEPS, "the loss of every step is kept for the curve");
        atMost("dModel", options.dModel.orElse(1), MOST_D_MODEL, "training in plain Java on a CPU");
        atMost("dFF", options.dFF.orElse(1), MOST_D_FF, "training in plain Java on a CPU");
        atMost("layers", options.layers.orElse(1), MOST_LAYERS, "training in plain Java on a CPU");
        if (options.dModel.isPresent() || options.heads.isPresent()) {
            requireHeadsShare(options.dModel.orElse(CALCULATOR.dModel()), options.heads.orElse(CALCULATOR.heads()));
        }
        long parameters = parameters(options.sizes(CALCULATOR));
        if (parameters > MOST_PARAMETERS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the model of %s has about %,d parameters, more"
                    + " than the %,d a training run holds in memory: choose smaller -DdModel, -DdFF or -Dlayers",
                    options.sizes(CALCULATOR).describe(), parameters, MOST_PARAMETERS));
        }
        return options;
    }

    /**
     * The model's sizes: these options' where given, {@code defaults}' elsewhere.
     *
     * @throws IllegalArgumentException when d is not a multiple of the number of heads
     */
    public ModelSizes sizes(ModelSizes defaults) {
        ModelSizes sizes = new ModelSizes(defaults.vocabSize(), dModel.orElse(defaults.dModel()),
                heads.orElse(defaults.heads()), dFF.orElse(defaults.dFF()), layers.orElse(defaults.encoderLayers()),
                layers.orElse(defaults.decoderLayers()), defaults.maxLength());
        requireHeadsShare(sizes.dModel(), sizes.heads());
        return sizes;
    }

    /** About how many parameters a model of these sizes has: embeddings, attention, feed-forward and norms. */
    static long parameters(ModelSizes sizes) {
        long d = sizes.dModel();
        long attention = 4 * d * d + 4 * d;
        long feedForward = 2 * d * sizes.dFF() + sizes.dFF() + d;
        long encoder = sizes.encoderLayers() * (attention + feedForward + 4 * d);
        long decoder = sizes.decoderLayers() * (2 * attention + feedForward + 6 * d);
        return encoder + decoder + 2 * sizes.vocabSize() * d + sizes.vocabSize();
    }

    private static void atMost(String name, int value, int most, String why) {
        if (value > most) {
            throw new IllegalArgumentException("-D" + name + "=" + value + " is more than " + most + ", the most a run"
                    + " takes (" + why + ")");
        }
    }

    private static void requireHeadsShare(int dModel, int heads) {
        if (dModel % heads != 0) {
            throw new IllegalArgumentException("-DdModel=" + dModel + " is not a multiple of -Dheads=" + heads
                    + ": each head gets dModel / heads dimensions");
        }
    }

    /** The options a run was given, for the weights file and the report: {@code seed=1 steps=1500 ...}. */
    public String describe() {
        return String.format(Locale.ROOT, "seed=%d steps=%d batch=%d format=%s warmup=%d rateFactor=%s smoothing=%s clipNorm=%s",
                seed, steps, batch, format, warmup, rateFactor, smoothing, clipNorm == Double.POSITIVE_INFINITY ? "none" : clipNorm);
    }

    private static OptionalInt count(Function<String, String> properties, String name) {
        Optional<Integer> count = value(properties, name).map(v -> parse(name, v, Integer::parseInt, "a whole number"));
        if (count.isPresent() && count.get() < 1) {
            throw new IllegalArgumentException("-D" + name + "=" + count.get() + " is not a number greater than 0");
        }
        return count.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static Optional<Double> real(Function<String, String> properties, String name, boolean zeroAllowed) {
        Optional<Double> real = value(properties, name).map(v -> parse(name, v, Double::parseDouble, "a number"));
        if (real.isPresent() && (!Double.isFinite(real.get()) || real.get() < 0 || (!zeroAllowed && real.get() == 0))) {
            throw new IllegalArgumentException("-D" + name + "=" + real.get() + " is not a number "
                    + (zeroAllowed ? "of 0 or more" : "greater than 0"));
        }
        return real;
    }

    private static double smoothing(Function<String, String> properties) {
        double smoothing = real(properties, "smoothing", true).orElse(DEFAULT.smoothing);
        if (smoothing >= 1) {
            throw new IllegalArgumentException("-Dsmoothing=" + smoothing + " is not in [0, 1): 0 is no smoothing, 0.1 the paper's");
        }
        return smoothing;
    }

    private static double clipNorm(Function<String, String> properties) {
        Optional<String> text = value(properties, "clipNorm");
        if (text.isPresent() && List.of("none", "off", "infinity").contains(text.get().toLowerCase(Locale.ROOT))) {
            return Double.POSITIVE_INFINITY;
        }
        return real(properties, "clipNorm", false).orElse(DEFAULT.clipNorm);
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, String what) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + value + " is not " + what);
        }
    }

    private static Optional<String> value(Function<String, String> properties, String name) {
        return Optional.ofNullable(properties.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
