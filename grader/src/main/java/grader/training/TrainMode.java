package grader.training;

import grader.course.Repository;
import grader.engine.Engine;
import grader.modes.GradingOptions;
import grader.modes.Mode;
import grader.report.AtomicFile;
import grader.report.LiveLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code -Dtrain=calculator}: once kata 14 and the katas it builds on are done, trains the capstone's
 * model with their classes, reports its exact match on fresh problems, draws the loss curve and the
 * cross-attention, and saves the weights for {@code -Dask}. PROGRESS.md is left as it is.
 */
public record TrainMode(Repository repository, GradingOptions options, TrainingOptions training) implements Mode {

    /** Without a terminal, a plain progress line every this many steps (and after the last). */
    private static final int PLAIN_EVERY = 100;
    /** The weight of the past in the smoothed loss (an exponential moving average, bias-corrected). */
    private static final double LOSS_MEMORY = 0.9;
    /** How many wrong answers the report shows. */
    private static final int WRONG_SHOWN = 5;

    @Override
    public int run() {
        try (Engine engine = new Engine(repository, options.settings())) {
            Capstone capstone = new Capstone(options, repository, engine);
            Optional<Calculator> calculator = capstone.graded();
            return calculator.isEmpty() ? 0 : new Run(capstone, calculator.get()).run();
        }
    }

    /** One training run, from the fresh model to the saved weights. */
    private final class Run {
        private final Capstone capstone;
        private final Calculator calculator;
        private final PrintStream out;
        private String stage = "while building the model";
        private String exactMatch = "";

        Run(Capstone capstone, Calculator calculator) {
            this.capstone = capstone;
            this.calculator = calculator;
            this.out = capstone.terminal();
        }

        int run() {
            try {
                ModelSizes sizes = training.sizes(calculator.defaultSizes());
                calculator.initialise(sizes, training.format(), training.seed());
                long parameters = calculator.shapes().stream().mapToLong(Weights::count).sum();
                out.println();
                out.printf(Locale.ROOT, "Training the calculator: %s, %,d parameters, %d steps of %d problems%n",
                        sizes.describe(), parameters, training.steps(), training.batch());
                out.println("  (" + training.describe() + ")");
                calculator.startTraining(training);
                double[][] losses = train();
                stage = "while checking the test problems";
                List<Answer> wrong = check();
                stage = "while drawing the cross-attention";
                Attention attention = calculator.crossAttention(0);
                stage = "while reading the weights";
                SavedModel saved = new SavedModel(sizes, training.format(), training.describe() + "; " + exactMatch,
                        calculator.weights());
                report(wrong);
                return write(losses, attention, saved);
            } catch (LearnerFailure failure) {
                out.println();
                out.println("training stopped " + stage + ", in your code: " + failure.getMessage());
                out.println("Nothing was saved; fix it and train again.");
                return 0;
            }
        }

        /** The training loop; each step's loss and the smoothed loss. */
        private double[][] train() {
            int steps = training.steps();
            double[] losses = new double[steps];
            double[] smoothed = new double[steps];
            Batches batches = new Batches(TrainingOptions.TRAIN_PROBLEMS, training.batch(), training.seed() + 1);
            long start = System.nanoTime();
            AtomicReference<String> status = new AtomicReference<>("");
            LiveLine live = LiveLine.start(out, "  ", status::get);
            double average = 0;
            try {
                for (int step = 1; step <= steps; step++) {
                    stage = "at step " + step;
                    losses[step - 1] = calculator.step(batches.next());
                    average = LOSS_MEMORY * average + (1 - LOSS_MEMORY) * losses[step - 1];
                    smoothed[step - 1] = average / (1 - Math.pow(LOSS_MEMORY, step));
                    status.set(progress(step, smoothed[step - 1], System.nanoTime() - start));
                    if (!live.onTerminal() && (step % PLAIN_EVERY == 0 || step == steps)) {
                        out.println("  " + status.get());
                    }
                }
            } finally {
                live.stop();
            }
            out.printf(Locale.ROOT, "Trained in %s: loss %.3f (smoothed) after %d steps%n",
                    duration((System.nanoTime() - start) / 1e9), smoothed[steps - 1], steps);
            return new double[][] {losses, smoothed};
        }

        private String progress(int step, double loss, long nanos) {
            double seconds = nanos / 1e9;
            return String.format(Locale.ROOT, "step %d/%d  loss %.3f  %.0f problems/s  %s left", step, training.steps(),
                    loss, step * (double) training.batch() / Math.max(seconds, 1e-9),
                    duration(seconds / step * (training.steps() - step)));
        }

        /** Greedy decoding of every test problem; the wrong answers. */
        private List<Answer> check() {
            int total = TrainingOptions.TEST_PROBLEMS;
            List<Answer> wrong = new ArrayList<>();
            AtomicInteger checked = new AtomicInteger();
            LiveLine live = LiveLine.start(out, "  ", () -> "checked " + checked.get() + " of " + total + " fresh problems");
            try {
                for (int i = 0; i < total; i++) {
                    Answer answer = calculator.test(i);
                    if (!answer.right()) {
                        wrong.add(answer);
                    }
                    checked.set(i + 1);
                }
            } finally {
                live.stop();
            }
            int right = total - wrong.size();
            exactMatch = String.format(Locale.ROOT, "exact match: %.3f (%d of %d fresh problems)",
                    right / (double) total, right, total);
            return wrong;
        }

        private void report(List<Answer> wrong) {
            out.println(exactMatch);
            if (wrong.isEmpty()) {
                out.println("No wrong answer among them.");
                return;
            }
            out.println("Some it got wrong:");
            wrong.stream().limit(WRONG_SHOWN).forEach(answer ->
                    out.println("  " + answer.question() + " = " + answer.sum() + "  (model said " + answer.saidAsNumber() + ")"));
        }

        private int write(double[][] losses, Attention attention, SavedModel saved) {
            Path folder = capstone.folder();
            Path loss = folder.resolve("loss.svg");
            Path heatmap = folder.resolve("cross-attention.svg");
            Path weights = folder.resolve("model.txt");
            try {
                AtomicFile.write(weights, saved.text());
                AtomicFile.write(loss, Pictures.lossCurve(losses[0], losses[1], String.format(Locale.ROOT,
                        "training loss, %d steps of %d problems (grey: each step, red: smoothed)", training.steps(),
                        training.batch())));
                AtomicFile.write(heatmap, Pictures.crossAttention(attention, training.format()));
            } catch (IOException e) {
                out.println("grader: could not write the results into " + capstone.relative(folder) + ": " + e.getMessage());
                return 2;
            }
            out.println();
            out.println("Pictures (open them in a browser): " + capstone.relative(loss) + " (the loss curve), "
                    + capstone.relative(heatmap) + " (where the last decoder layer looks while it answers "
                    + attention.question() + ")");
            out.println("Weights: " + capstone.relative(weights) + "; ask the model: mvn -q -pl grader exec:java -Dask=123+456");
            return 0;
        }
    }

    /** {@code 42 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole / 60 % 60);
    }
}
