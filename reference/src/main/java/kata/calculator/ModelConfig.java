package kata.calculator;

/**
 * The sizes of a calculator model.
 *
 * @param vocabSize     the number of token ids V
 * @param dModel        the width d of every token's vector
 * @param heads         the attention heads h (d must be a multiple of h)
 * @param dFF           the hidden width of each feed-forward network
 * @param encoderLayers the encoder layers N_enc
 * @param decoderLayers the decoder layers N_dec
 * @param maxLength     the longest sequence the position table covers
 */
public record ModelConfig(int vocabSize, int dModel, int heads, int dFF, int encoderLayers, int decoderLayers,
                          int maxLength) {

    /** The model trained by the course: d = 64, 4 heads, d_ff = 256, 2 + 2 layers, positions for 8 tokens. */
    public static ModelConfig calculator() {
        return new ModelConfig(Vocabulary.size(), 64, 4, 256, 2, 2, 8);
    }

    /** A model small enough for a spec: d = 8, 2 heads, d_ff = 16, 1 + 1 layers. */
    public static ModelConfig tiny() {
        return new ModelConfig(Vocabulary.size(), 8, 2, 16, 1, 1, 8);
    }
}
