package grader.training;

/**
 * The sizes of a calculator model, field for field kata 14's {@code ModelConfig} (which the grader
 * cannot name: it is compiled with the learner's classes, after the grader).
 *
 * @param vocabSize V, the number of token ids
 * @param dModel d, the model width
 * @param heads h, attention heads per layer
 * @param dFF the feed-forward width
 * @param encoderLayers N, encoder layers
 * @param decoderLayers decoder layers
 * @param maxLength the longest sequence the positional table covers
 */
public record ModelSizes(int vocabSize, int dModel, int heads, int dFF, int encoderLayers, int decoderLayers,
                         int maxLength) {

    /** The sizes as the weights file writes them: seven numbers in field order. */
    int[] numbers() {
        return new int[] {vocabSize, dModel, heads, dFF, encoderLayers, decoderLayers, maxLength};
    }

    /** The inverse of {@link #numbers()}. */
    static ModelSizes of(int[] numbers) {
        return new ModelSizes(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5], numbers[6]);
    }

    /** Reads like {@code d=64 heads=4 dFF=256 layers=2+2}. */
    public String describe() {
        return "d=" + dModel + " heads=" + heads + " dFF=" + dFF + " layers=" + encoderLayers + "+" + decoderLayers;
    }
}
