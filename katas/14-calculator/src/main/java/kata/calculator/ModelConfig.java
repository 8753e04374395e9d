package kata.calculator;

/**
 * The sizes of an encoder-decoder Transformer.
 *
 * @param vocabSize     {@code V}, the number of token ids
 * @param dModel        {@code d}, the width of every token's vector
 * @param numHeads      {@code h}, the number of attention heads; {@code d_k = d / h}
 * @param dFF           {@code d_ff}, the width of the feed-forward network's hidden layer
 * @param encoderLayers {@code N} of the encoder
 * @param decoderLayers {@code N} of the decoder
 * @param maxLength     the longest source or decoder input, the rows of the positional table
 */
public record ModelConfig(int vocabSize, int dModel, int numHeads, int dFF, int encoderLayers, int decoderLayers,
                          int maxLength) {

    /** The calculator that learns to add: d = 64, 4 heads, d_ff = 256, 2 + 2 layers, 235,534 parameters. */
    public static ModelConfig calculator() {
        return new ModelConfig(14, 64, 4, 256, 2, 2, 8);
    }

    /** A model small enough for a gradient check and a training run of a second: d = 8, 2 heads, d_ff = 16, 1 + 1 layers, 1,774 parameters. */
    public static ModelConfig tiny() {
        return new ModelConfig(14, 8, 2, 16, 1, 1, 8);
    }
}
