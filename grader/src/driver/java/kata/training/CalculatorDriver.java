package kata.training;

import grader.training.Answer;
import grader.training.Attention;
import grader.training.Calculator;
import grader.training.ModelSizes;
import grader.training.TrainingOptions;
import grader.training.Weights;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import kata.calculator.Adam;
import kata.calculator.Dataset;
import kata.calculator.Decoding;
import kata.calculator.Format;
import kata.calculator.Model;
import kata.calculator.ModelConfig;
import kata.calculator.Problem;
import kata.calculator.Split;
import kata.calculator.Trainer;
import kata.calculator.Vocabulary;
import kata.support.Seeds;
import kata.support.Tensor;

/**
 * The grader's side of the capstone, written against kata 14's public API only: the grader compiles
 * this file with the learner's classes (or the reference's) and calls it through {@link Calculator}.
 */
public final class CalculatorDriver implements Calculator {

    private Model model;
    private Format format;
    private Split split;
    private Trainer trainer;

    @Override
    public ModelSizes defaultSizes() {
        ModelConfig c = ModelConfig.calculator();
        return new ModelSizes(c.vocabSize(), c.dModel(), c.numHeads(), c.dFF(), c.encoderLayers(), c.decoderLayers(),
                c.maxLength());
    }

    @Override
    public void initialise(ModelSizes sizes, String format, long seed) {
        this.format = Format.valueOf(format.toUpperCase(Locale.ROOT));
        this.model = Model.initial(new ModelConfig(sizes.vocabSize(), sizes.dModel(), sizes.heads(), sizes.dFF(),
                sizes.encoderLayers(), sizes.decoderLayers(), sizes.maxLength()), Seeds.random(seed));
    }

    @Override
    public List<int[]> shapes() {
        return model.parameters().stream().map(Tensor::shape).toList();
    }

    @Override
    public List<Weights> weights() {
        List<Weights> weights = new ArrayList<>();
        for (Tensor parameter : model.parameters()) {
            double[] values = new double[parameter.elementCount()];
            for (int ordinal = 0; ordinal < values.length; ordinal++) {
                values[ordinal] = parameter.get(index(parameter.shape(), ordinal));
            }
            weights.add(new Weights(parameter.shape(), values));
        }
        return weights;
    }

    @Override
    public void load(List<Weights> weights) {
        List<Tensor> parameters = model.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            double[] values = weights.get(i).values();
            for (int ordinal = 0; ordinal < values.length; ordinal++) {
                parameters.get(i).set(values[ordinal], index(parameters.get(i).shape(), ordinal));
            }
        }
    }

    @Override
    public void startTraining(TrainingOptions options) {
        split = Dataset.split(options.seed(), TrainingOptions.TRAIN_PROBLEMS, TrainingOptions.TEST_PROBLEMS);
        trainer = new Trainer(model, Adam.paper(model.parameters()), options.warmup(), options.rateFactor(),
                options.smoothing(), options.clipNorm());
    }

    @Override
    public double step(int[] problems) {
        List<Problem> batch = new ArrayList<>(problems.length);
        for (int problem : problems) {
            batch.add(split.train().get(problem));
        }
        return trainer.step(Dataset.batch(batch, format)).loss();
    }

    @Override
    public Answer test(int index) {
        return answer(split.test().get(index));
    }

    @Override
    public Attention crossAttention(int index) {
        Problem problem = split.test().get(index);
        int[] source = Dataset.source(problem, format);
        int maxTokens = format.targetLength() - 1;
        int[] output = Decoding.greedy(model, source, maxTokens);
        int steps = output.length < maxTokens ? output.length + 1 : output.length; // the last one wrote END
        int[] decoderInput = new int[steps];
        decoderInput[0] = Vocabulary.start();
        System.arraycopy(output, 0, decoderInput, 1, steps - 1);
        Tensor weights = model.crossAttention(source, decoderInput); // (T, S)
        double[][] rows = new double[weights.size(0)][weights.size(1)];
        List<String> outputs = new ArrayList<>();
        for (int t = 0; t < rows.length; t++) {
            for (int s = 0; s < rows[t].length; s++) {
                rows[t][s] = weights.get(t, s);
            }
            outputs.add(Vocabulary.decode(new int[] {t < output.length ? output[t] : Vocabulary.end()}));
        }
        List<String> sources = Vocabulary.decode(source).chars().mapToObj(c -> String.valueOf((char) c)).toList();
        return new Attention(question(problem), outputs, sources, rows);
    }

    @Override
    public int[] parse(String question) {
        Problem problem = Problem.parse(question);
        return new int[] {problem.a(), problem.b()};
    }

    @Override
    public Answer answer(int a, int b) {
        return answer(new Problem(a, b));
    }

    private Answer answer(Problem problem) {
        String said = Decoding.answer(model, problem, format);
        OptionalInt read;
        try {
            read = OptionalInt.of(format.read(said));
        } catch (IllegalArgumentException notANumber) {
            read = OptionalInt.empty();
        }
        return new Answer(question(problem), problem.sum(), format.answer(problem), said, read);
    }

    private static String question(Problem problem) {
        return problem.a() + "+" + problem.b();
    }

    /** The index of the element at {@code ordinal} in row-major order. */
    private static int[] index(int[] shape, int ordinal) {
        int[] index = new int[shape.length];
        int rest = ordinal;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        return index;
    }
}
