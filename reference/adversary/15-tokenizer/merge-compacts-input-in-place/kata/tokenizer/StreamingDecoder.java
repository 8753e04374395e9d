package kata.tokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes ids one at a time, as a model produces them, and never emits half a character.
 */
public final class StreamingDecoder {

    private final Tokenizer tokenizer;
    private final CharsetDecoder decoder;
    private ByteBuffer held;

    /**
     * A decoder with nothing held, for the ids of {@code tokenizer}.
     *
     * @param tokenizer whose ids are fed
     */
    public StreamingDecoder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.held = ByteBuffer.allocate(16);
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
        if (held.remaining() < bytes.length) {
            ByteBuffer bigger = ByteBuffer.allocate(held.position() + bytes.length + 16);
            held.flip();
            bigger.put(held);
            held = bigger;
        }
        held.put(bytes);
        held.flip();
        String out = decode(false);
        held.compact();
        return out;
    }

    /**
     * Ends the stream.
     *
     * @return the held bytes decoded, U+FFFD for an incomplete sequence; empty when nothing is held
     */
    public String finish() {
        held.flip();
        String out = decode(true);
        held.clear();
        decoder.reset();
        return out;
    }

    private String decode(boolean endOfInput) {
        CharBuffer chars = CharBuffer.allocate(held.remaining() + 4);
        StringBuilder sb = new StringBuilder();
        while (true) {
            CoderResult result = decoder.decode(held, chars, endOfInput);
            if (result.isOverflow()) {
                chars.flip();
                sb.append(chars);
                chars.clear();
            } else {
                break;
            }
        }
        if (endOfInput) {
            while (decoder.flush(chars).isOverflow()) {
                chars.flip();
                sb.append(chars);
                chars.clear();
            }
        }
        chars.flip();
        sb.append(chars);
        return sb.toString();
    }
}
