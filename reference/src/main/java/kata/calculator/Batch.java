package kata.calculator;

/**
 * A batch of problems as token ids, ready for teacher forcing.
 *
 * @param source       {@code [B][S]} the problems' source ids
 * @param decoderInput {@code [B][T]} the targets without their last token (START first)
 * @param labels       {@code [B][T]} the targets without their first token: what each position must predict
 */
public record Batch(int[][] source, int[][] decoderInput, int[][] labels) {
}
