package kata.layernorm;

/**
 * How many learnable numbers each block of a Transformer holds, from its hyper-parameters.
 */
public final class ParameterCount {

    private ParameterCount() {
    }

    public static long layerNorm(int dModel) {
        requirePositive(dModel, "dModel");
        return 2L * dModel;
    }

    public static long linear(int dIn, int dOut) {
        requirePositive(dIn, "dIn");
        requirePositive(dOut, "dOut");
        return (long) dIn * dOut + dOut;
    }

    public static long multiHeadAttention(int dModel, int numHeads) {
        requirePositive(dModel, "dModel");
        requirePositive(numHeads, "numHeads");
        if (dModel % numHeads != 0) {
            throw new IllegalArgumentException("dModel = " + dModel + " is not divisible by numHeads = " + numHeads);
        }
        return 4 * linear(dModel, dModel);
    }

    public static long feedForward(int dModel, int dFF) {
        requirePositive(dModel, "dModel");
        requirePositive(dFF, "dFF");
        return linear(dModel, dFF) + linear(dFF, dModel);
    }

    public static long encoderLayer(int dModel, int numHeads, int dFF) {
        return multiHeadAttention(dModel, numHeads) + feedForward(dModel, dFF) + 2 * layerNorm(dModel);
    }

    public static long decoderLayer(int dModel, int numHeads, int dFF) {
        return multiHeadAttention(dModel, numHeads) + feedForward(dModel, dFF) + 3 * layerNorm(dModel);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " = " + value + " must be positive");
        }
    }
}
