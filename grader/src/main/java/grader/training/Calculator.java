package grader.training;

import java.util.List;

/**
 * What the grader asks of kata 14 to train and ask the calculator. The implementation is a source
 * kept with the grader ({@code grader/src/driver/java/kata/training/CalculatorDriver.java}) that calls
 * kata 14's public API; the build type-checks it against the katas' sources, and the grader compiles
 * it together with the learner's (or the reference's) classes. Every call runs learner code and
 * throws whatever it throws.
 */
public interface Calculator {

    /** Kata 14's {@code ModelConfig.calculator()}. */
    ModelSizes defaultSizes();

    /** A fresh model: {@code Model.initial} with these sizes and {@code Seeds.random(seed)}, answering in {@code format}. */
    void initialise(ModelSizes sizes, String format, long seed);

    /** The model's parameter tensors' shapes, in {@code parameters()} order. */
    List<int[]> shapes();

    /** Copies of the model's parameter values, in {@code parameters()} order. */
    List<Weights> weights();

    /** Writes {@code weights} into the model's live parameter tensors (shapes as {@link #shapes()} says). */
    void load(List<Weights> weights);

    /** Draws the problems ({@code Dataset.split}) and builds {@code Adam.paper} and the {@code Trainer} for the model. */
    void startTraining(TrainingOptions options);

    /** One {@code Trainer.step} on the batch of the training problems at these indices; the step's loss. */
    double step(int[] problems);

    /** How the model answers the test problem at {@code index}. */
    Answer test(int index);

    /** The cross-attention picture of the test problem at {@code index}. */
    Attention crossAttention(int index);

    /**
     * The question's two numbers, read by {@code Problem.parse}.
     *
     * @throws IllegalArgumentException (the learner's) when the question is not a problem
     */
    int[] parse(String question);

    /** How the model answers {@code a + b}. */
    Answer answer(int a, int b);
}
