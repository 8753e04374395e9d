package kata.calculator;

/** Checks and flattens the id arrays the model takes, naming the array and the place of a bad value. */
final class Ids {

    private Ids() {
    }

    /** The batch size B, after checking that source and decoderInput are B rectangular rows of valid ids. */
    static int requireBatch(int[][] source, int[][] decoderInput, ModelConfig config) {
        if (source == null || decoderInput == null || source.length == 0 || source.length != decoderInput.length) {
            throw new IllegalArgumentException("source and decoderInput must hold the same number B >= 1 of sequences, had "
                    + (source == null ? "null" : source.length) + " and "
                    + (decoderInput == null ? "null" : decoderInput.length));
        }
        requireRows("source", source, source[0] == null ? -1 : source[0].length, config);
        requireRows("decoderInput", decoderInput, decoderInput[0] == null ? -1 : decoderInput[0].length, config);
        return source.length;
    }

    /** Checks that labels are {@code [B][T]} ids of the vocabulary (PAD included). */
    static int[][] requireLabels(int[][] labels, int sequences, int length) {
        if (labels == null || labels.length != sequences) {
            throw new IllegalArgumentException("labels must hold " + sequences + " rows, one per sequence, had "
                    + (labels == null ? "null" : labels.length));
        }
        for (int b = 0; b < sequences; b++) {
            if (labels[b] == null || labels[b].length != length) {
                throw new IllegalArgumentException("labels[" + b + "] must hold " + length
                        + " ids, one per decoder input token");
            }
        }
        return labels;
    }

    static int[] flatten(int[][] rows) {
        int length = rows[0].length;
        int[] flat = new int[rows.length * length];
        for (int b = 0; b < rows.length; b++) {
            System.arraycopy(rows[b], 0, flat, b * length, length);
        }
        return flat;
    }

    /** {@code padded[i] = ids[i] == PAD}, or {@code null} when nothing is padding (no mask to build). */
    static boolean[] padding(int[] ids) {
        boolean[] padded = new boolean[ids.length];
        boolean any = false;
        for (int i = 0; i < ids.length; i++) {
            padded[i] = ids[i] == Vocabulary.pad();
            any |= padded[i];
        }
        return any ? padded : null;
    }

    private static void requireRows(String name, int[][] rows, int length, ModelConfig config) {
        if (length < 1 || length > config.maxLength()) {
            throw new IllegalArgumentException(name + "[0] must hold 1 to maxLength = " + config.maxLength() + " ids, had "
                    + (length < 0 ? "null" : length));
        }
        for (int b = 0; b < rows.length; b++) {
            if (rows[b] == null || rows[b].length != length) {
                throw new IllegalArgumentException(name + "[" + b + "] must hold " + length + " ids like " + name
                        + "[0]: the rows of a batch have one length");
            }
            for (int t = 0; t < length; t++) {
                if (rows[b][t] < 0 || rows[b][t] >= config.vocabSize()) {
                    throw new IllegalArgumentException(name + "[" + b + "][" + t + "] = " + rows[b][t]
                            + " is not an id of the vocabulary 0 to " + (config.vocabSize() - 1));
                }
            }
        }
    }
}
