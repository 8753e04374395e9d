package grader.training;

import grader.course.Repository;
import grader.engine.Engine;
import grader.modes.GradingOptions;
import grader.modes.Mode;
import grader.report.AtomicFile;
import grader.report.LiveLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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
    /** A step running this long, and more than twice as long as the average one, is called out. */
    private static final double STALLED_SECONDS = 5;

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
                Optional<String> malformed = saved.malformed();
                if (malformed.isPresent()) {
                    out.println();
                    out.println("The trained weights are not all numbers (" + malformed.get() + "): not saved, "
                            + keptModel() + ".");
                    return 0;
                }
                return write(losses, attention, saved);
            } catch (Diverged diverged) {
                out.println();
                out.println("training stopped: " + diverged.getMessage() + ", so the weights are no longer numbers."
                        + " Nothing was saved, " + keptModel() + ". A smaller -DrateFactor, or clipping"
                        + " (-DclipNorm=1.0), keeps the steps small; a loss of NaN from the first step points at your"
                        + " loss or its gradients.");
                return 0;
            } catch (LearnerFailure failure) {
                out.println();
                out.println("training stopped " + stage + ", in your code: " + failure.getMessage());
                out.println("Nothing was saved; fix it and train again.");
                return 0;
            }
        }

        /**
         * The training loop; each step's loss and the smoothed loss.
         *
         * @throws Diverged at the first step whose loss is not a finite number
         */
        private double[][] train() {
            int steps = training.steps();
            double[] losses = new double[steps];
            double[] smoothed = new double[steps];
            Batches batches = new Batches(TrainingOptions.TRAIN_PROBLEMS, training.batch(), training.seed() + 1);
            long start = System.nanoTime();
            AtomicReference<double[]> last = new AtomicReference<>(new double[] {0, Double.NaN, 0});
            Supplier<String> status = () -> {
                double[] done = last.get();
                return progress((int) done[0], training.steps(), training.batch(), done[1], (long) done[2],
                        System.nanoTime() - start);
            };
            LiveLine live = LiveLine.start(out, "  ", status);
            double average = 0;
            try {
                for (int step = 1; step <= steps; step++) {
                    stage = "at step " + step;
                    losses[step - 1] = calculator.step(batches.next());
                    if (!Double.isFinite(losses[step - 1])) {
                        throw new Diverged(step, losses[step - 1]);
                    }
                    average = LOSS_MEMORY * average + (1 - LOSS_MEMORY) * losses[step - 1];
                    smoothed[step - 1] = average / (1 - Math.pow(LOSS_MEMORY, step));
                    last.set(new double[] {step, smoothed[step - 1], System.nanoTime() - start});
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

        /** What became of the saved model: kept as it was, or there was none. */
        private String keptModel() {
            Path weights = capstone.folder().resolve("model.txt");
            return Files.isRegularFile(weights)
                    ? "the model of before is kept in " + capstone.relative(weights) : "there is no saved model yet";
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

    /**
     * The progress line: {@code done} steps of {@code steps} finished {@code doneNanos} after the start,
     * {@code nowNanos} after it now. The time left counts each remaining step as long as the average
     * one, or as the running one has taken so far when that is longer, so a stalled step shows.
     */
    static String progress(int done, int steps, int batch, double loss, long doneNanos, long nowNanos) {
        double seconds = nowNanos / 1e9;
        double running = (nowNanos - doneNanos) / 1e9;
        double average = done == 0 ? running : doneNanos / 1e9 / done;
        double perStep = Math.max(average, running);
        String line = String.format(Locale.ROOT, "step %d/%d  loss %s  %.0f problems/s  %s left", done, steps,
                done == 0 ? "-" : String.format(Locale.ROOT, "%.3f", loss), done * (double) batch / Math.max(seconds, 1e-9),
                done == 0 ? "?" : duration(perStep * (steps - done)));
        boolean stalled = done < steps && running >= STALLED_SECONDS && (done == 0 || running > 2 * average);
        return stalled ? line + "  (step " + (done + 1) + " has run for " + duration(running) + ")" : line;
    }

    /** A loss that is not a finite number: the run stops, and nothing is saved. */
    static final class Diverged extends RuntimeException {
        Diverged(int step, double loss) {
            super("the loss is " + loss + " at step " + step);
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
