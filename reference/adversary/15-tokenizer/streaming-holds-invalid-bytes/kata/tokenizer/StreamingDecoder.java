package kata.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes ids one at a time, as a model produces them, and never emits half a character.
 */
public final class StreamingDecoder {

    private final Tokenizer tokenizer;
    private byte[] held = new byte[0];

    /**
     * A decoder with nothing held, for the ids of {@code tokenizer}.
     *
     * @param tokenizer whose ids are fed
     */
    public StreamingDecoder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** How many bytes the UTF-8 sequence that starts with this lead byte has. */
    private static int sequenceLength(int lead) {
        if (lead >= 0xF0) {
            return 4;
        }
        if (lead >= 0xE0) {
            return 3;
        }
        if (lead >= 0xC0) {
            return 2;
        }
        return 1;
    }

    /**
     * Feeds one id.
     *
     * @param id a token id of the tokenizer
     * @return the text completed by this id, often empty
     * @throws IllegalArgumentException when id is not in [0, vocabSize)
     */
    public String feed(int id) {
        byte[] bytes = tokenizer.bytes(id);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(held, 0, held.length);
        all.write(bytes, 0, bytes.length);
        byte[] b = all.toByteArray();
        // look back at most 3 bytes for the lead byte of the last character
        int cut = b.length;
        for (int i = b.length - 1; i >= 0 && i >= b.length - 3; i--) {
            int v = b[i] & 0xFF;
            if ((v & 0xC0) != 0x80) {
                if (b.length - i < sequenceLength(v)) {
                    cut = i; // the last character is not complete yet
                }
                break;
            }
        }
        held = Arrays.copyOfRange(b, cut, b.length);
        return new String(b, 0, cut, StandardCharsets.UTF_8);
    }

    /**
     * Ends the stream.
     *
     * @return the held bytes decoded, U+FFFD for an incomplete sequence; empty when nothing is held
     */
    public String finish() {
        String out = new String(held, StandardCharsets.UTF_8);
        held = new byte[0];
        return out;
    }
}
