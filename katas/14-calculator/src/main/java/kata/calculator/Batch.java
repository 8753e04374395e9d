package kata.calculator;

/**
 * A batch of {@code B} problems as token ids, ready for teacher forcing.
 *
 * <pre>
 *   target        ^  2  5  0  0  $      START, the answer, END, PAD up to 6
 *   decoderInput  ^  2  5  0  0         target[0..5): what the decoder reads
 *   labels        2  5  0  0  $         target[1..6): what it must predict at each position
 * </pre>
 * {@code labels[i][t] == decoderInput[i][t + 1]} for {@code t < 4}: the label at a position is the next input.
 *
 * @param source       {@code [B][7]}: the problem, right-padded with PAD
 * @param decoderInput {@code [B][5]}: START followed by the target without its last token
 * @param labels       {@code [B][5]}: the target without START; PAD positions are ignored by the loss
 */
public record Batch(int[][] source, int[][] decoderInput, int[][] labels) {
}
