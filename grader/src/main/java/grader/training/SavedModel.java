package grader.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A trained calculator as {@code .grader/calculator/model.txt} keeps it, in plain text: its sizes, its
 * format, how it was trained, and every parameter tensor's shape and values in {@code parameters()}
 * order. Values are written with {@link Double#toString}, which reads back to the same double.
 *
 * <pre>
 * calculator model
 * sizes 14 64 4 256 2 2 8
 * format reversed
 * trained seed=1 steps=1500 ... exact match 0.987
 * tensors 58
 * tensor 14 64
 * 0.0123 -0.456 ...
 * </pre>
 *
 * @param sizes the model's sizes
 * @param format the answer format it was trained on
 * @param trained how it was trained, for the learner to read back
 * @param weights every parameter tensor
 */
public record SavedModel(ModelSizes sizes, String format, String trained, List<Weights> weights) {

    private static final String HEADER = "calculator model";

    /**
     * Why these weights may not be saved, if they may not: the first value that is not a finite
     * number (a run that diverged), e.g. {@code tensor 3 holds NaN}.
     */
    public Optional<String> malformed() {
        for (int i = 0; i < weights.size(); i++) {
            for (double value : weights.get(i).values()) {
                if (!Double.isFinite(value)) {
                    return Optional.of("tensor " + i + " holds " + value);
                }
            }
        }
        return Optional.empty();
    }

    /** The file's text. */
    public String text() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("sizes ").append(join(Arrays.stream(sizes.numbers()).mapToObj(Integer::toString).toList())).append('\n');
        text.append("format ").append(format).append('\n');
        text.append("trained ").append(trained).append('\n');
        text.append("tensors ").append(weights.size()).append('\n');
        for (Weights tensor : weights) {
            text.append("tensor ").append(join(Arrays.stream(tensor.shape()).mapToObj(Integer::toString).toList())).append('\n');
            text.append(join(Arrays.stream(tensor.values()).mapToObj(Double::toString).toList())).append('\n');
        }
        return text.toString();
    }

    /**
     * Reads a file {@link #text()} wrote.
     *
     * @throws IllegalArgumentException naming the line when the text is not such a file
     */
    public static SavedModel parse(String text) {
        Lines lines = new Lines(text.split("\n", -1));
        lines.expect(HEADER);
        int[] numbers = lines.numbers("sizes", 7);
        if (Arrays.stream(numbers).anyMatch(number -> number < 1) || numbers[1] % numbers[2] != 0
                || numbers[1] > TrainingOptions.MOST_D_MODEL || numbers[3] > TrainingOptions.MOST_D_FF
                || numbers[4] > TrainingOptions.MOST_LAYERS || numbers[5] > TrainingOptions.MOST_LAYERS
                || numbers[0] > 1024 || numbers[6] > 1024) {
            throw lines.damaged("the sizes " + Arrays.toString(numbers) + " are no model's");
        }
        ModelSizes sizes = ModelSizes.of(numbers);
        String format = lines.field("format");
        if (!TrainingOptions.FORMATS.contains(format)) {
            throw lines.damaged("format " + format + " is none of " + TrainingOptions.FORMATS);
        }
        String trained = lines.field("trained");
        int count = lines.numbers("tensors", 1)[0];
        List<Weights> weights = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] shape = lines.numbers("tensor", -1);
            String[] values = lines.next().isBlank() ? new String[0] : lines.current().trim().split(" ");
            try {
                weights.add(new Weights(shape, Arrays.stream(values).mapToDouble(Double::parseDouble).toArray()));
            } catch (IllegalArgumentException e) {
                throw lines.damaged("tensor " + i + ": " + e.getMessage());
            }
            if (Arrays.stream(weights.get(i).values()).anyMatch(value -> !Double.isFinite(value))) {
                throw lines.damaged("tensor " + i + " holds a value that is not a finite number");
            }
        }
        return new SavedModel(sizes, format, trained, weights);
    }

    private static String join(List<String> words) {
        return words.stream().collect(Collectors.joining(" "));
    }

    /** The file's lines, read one after another, with the number of the current one for messages. */
    private static final class Lines {
        private final String[] lines;
        private int at = -1;

        Lines(String[] lines) {
            this.lines = lines;
        }

        String next() {
            if (at + 1 >= lines.length) {
                throw new IllegalArgumentException("the file ends at line " + lines.length + " before the model does");
            }
            return lines[++at];
        }

        String current() {
            return lines[at];
        }

        void expect(String line) {
            if (!next().equals(line)) {
                throw damaged("expected \"" + line + "\"");
            }
        }

        String field(String name) {
            String line = next();
            if (!line.startsWith(name + " ")) {
                throw damaged("expected a line starting \"" + name + " \"");
            }
            return line.substring(name.length() + 1).trim();
        }

        /** The numbers after {@code name}: {@code count} of them, or at least one when {@code count} is -1. */
        int[] numbers(String name, int count) {
            String[] words = field(name).split(" +");
            try {
                int[] numbers = Arrays.stream(words).mapToInt(Integer::parseInt).toArray();
                if (count >= 0 ? numbers.length != count : numbers.length == 0) {
                    throw damaged("expected " + (count >= 0 ? count : "some") + " numbers after \"" + name + "\"");
                }
                return numbers;
            } catch (NumberFormatException e) {
                throw damaged("expected whole numbers after \"" + name + "\"");
            }
        }

        IllegalArgumentException damaged(String why) {
            return new IllegalArgumentException("line " + (at + 1) + ": " + why);
        }
    }
}
