package kata.tokenizer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one id at a time. A {@link CharsetDecoder} called with {@code endOfInput = false} decodes
 * what it can and leaves an incomplete UTF-8 sequence in its input buffer: those are the held
 * bytes. Invalid bytes become U+FFFD at once (REPLACE), as {@code new String(bytes, UTF_8)} does.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>Decoding each token's bytes on its own: {@code TokenizerSpec#theStreamingDecoderHoldsAnIncompleteCharacter}.</li>
 *   <li>Dropping held bytes at the end instead of writing U+FFFD:
 *       {@code TokenizerSpec#theStreamingDecoderReplacesInvalidBytes}.</li>
 * </ul>
 */
public final class StreamingDecoder {

    private final Tokenizer tokenizer;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer held = ByteBuffer.allocate(0);               // read mode: the bytes not yet decoded

    public StreamingDecoder(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** The text completed by this id; an incomplete sequence at the end stays held. */
    public String feed(int id) {
        byte[] bytes = tokenizer.bytes(id);
        ByteBuffer input = ByteBuffer.allocate(held.remaining() + bytes.length);
        input.put(held).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(input.remaining() + 1);  // at most one char per byte
        utf8.decode(input, out, false);                            // stops before an incomplete sequence
        held = input;                                              // its position is past what was decoded
        return out.flip().toString();
    }

    /** What is held, decoded (U+FFFD for an incomplete sequence); the decoder starts over. */
    public String finish() {
        CharBuffer out = CharBuffer.allocate(held.remaining() + 1);
        utf8.decode(held, out, true);
        utf8.flush(out);
        utf8.reset();
        held = ByteBuffer.allocate(0);
        return out.flip().toString();
    }
}
