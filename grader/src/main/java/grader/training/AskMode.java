package grader.training;

import grader.course.Repository;
import grader.engine.Engine;
import grader.modes.GradingOptions;
import grader.modes.Mode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code -Dask=123+456}: loads the calculator {@code -Dtrain=calculator} saved, with the classes of
 * kata 14 and the katas it builds on (compiled, not graded), and prints its answer as the last line,
 * {@code 123+456 = 579}. Nothing is trained and nothing is written.
 */
public record AskMode(Repository repository, GradingOptions options, String question, PrintStream out) implements Mode {

    @Override
    public int run() {
        Path file = repository.graderState().resolve("calculator/model.txt");
        String where = repository.relative(file);
        if (!Files.isRegularFile(file)) {
            out.println("No trained calculator yet (" + where + " does not exist): train it first with "
                    + "mvn -q -pl grader exec:java -Dtrain=calculator");
            return 2;
        }
        SavedModel saved;
        try {
            saved = SavedModel.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            out.println("grader: " + where + " cannot be read (" + e.getMessage()
                    + "): train again with -Dtrain=calculator");
            return 2;
        }
        try (Engine engine = new Engine(repository, options.settings())) {
            Capstone capstone = new Capstone(options, repository, engine);
            Optional<Calculator> calculator = capstone.compiled();
            return calculator.isEmpty() ? 0 : ask(calculator.get(), saved, where, capstone.terminal());
        }
    }

    private int ask(Calculator calculator, SavedModel saved, String where, PrintStream terminal) {
        try {
            int[] problem;
            try {
                problem = calculator.parse(question);
            } catch (LearnerFailure failure) {
                if (failure.getCause() instanceof IllegalArgumentException notAProblem) {
                    String message = String.valueOf(notAProblem.getMessage());
                    // a Problem.parse that already says "... is not a problem" is quoted once, not twice
                    terminal.println("grader: -Dask=" + question + (message.contains("is not a problem")
                            ? ": " + message : " is not a problem: " + message));
                    return 2;
                }
                throw failure;
            }
            calculator.initialise(saved.sizes(), saved.format(), 0);
            Optional<String> misfit = misfit(calculator.shapes(), saved.weights());
            if (misfit.isPresent()) {
                terminal.println("grader: " + where + " does not fit your Model (" + misfit.get()
                        + "): train again with -Dtrain=calculator");
                return 2;
            }
            calculator.load(saved.weights());
            Answer answer = calculator.answer(problem[0], problem[1]);
            terminal.println();
            terminal.println("The calculator of " + where + " (" + saved.sizes().describe() + ", " + saved.trained() + ")");
            if (!answer.right()) {
                terminal.println(answer.read().isPresent() ? "(wrong: the sum is " + answer.sum() + ")"
                        : "(its answer " + answer.saidAsNumber() + " is no number; the sum is " + answer.sum() + ")");
            }
            terminal.println(answer.question() + " = " + (answer.read().isPresent() ? answer.read().getAsInt() : "?"));
            return 0;
        } catch (LearnerFailure failure) {
            terminal.println("asking stopped, in your code: " + failure.getMessage());
            return 0;
        }
    }

    /** How the saved tensors differ from the model's, if they do. */
    private static Optional<String> misfit(List<int[]> shapes, List<Weights> saved) {
        if (shapes.size() != saved.size()) {
            return Optional.of("parameters() has " + shapes.size() + " tensors, the file " + saved.size());
        }
        for (int i = 0; i < shapes.size(); i++) {
            if (!Arrays.equals(shapes.get(i), saved.get(i).shape())) {
                return Optional.of("tensor " + i + " is " + Arrays.toString(shapes.get(i)) + " in parameters(), "
                        + Arrays.toString(saved.get(i).shape()) + " in the file");
            }
        }
        return Optional.empty();
    }
}
