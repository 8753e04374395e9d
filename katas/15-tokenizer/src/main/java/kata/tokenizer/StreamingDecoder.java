package kata.tokenizer;

/**
 * Decodes ids one at a time, as a model produces them, and never emits half a character. A
 * token can end inside a character: "中" is the three UTF-8 bytes {@code E4 B8 AD}, and a token
 * may hold {@code E4 B8} while the next holds {@code AD}. Decoding each token on its own would
 * print two U+FFFD (the replacement character) for one "中".
 *
 * <p>Conventions:
 * <ul>
 *   <li>{@code feed} returns the text that became complete with this id: the bytes held so far and
 *       the id's bytes, decoded, except for an incomplete UTF-8 sequence at their end, which is
 *       held for the next call;</li>
 *   <li>invalid bytes are never held: they become U+FFFD, exactly as {@link Tokenizer#decode} does
 *       ({@code new String(bytes, UTF_8)}); {@code java.nio.charset.CharsetDecoder} with
 *       {@code CodingErrorAction.REPLACE} decodes this way and leaves an incomplete sequence in
 *       its input;</li>
 *   <li>{@code finish} returns what is still held, decoded (an incomplete sequence becomes U+FFFD),
 *       and empties the decoder, which can then start over;</li>
 *   <li>hence, however the ids are fed, the texts returned by every {@code feed} and the final
 *       {@code finish}, joined, equal {@code decode} of all the ids.</li>
 * </ul>
 */
public final class StreamingDecoder {

    /**
     * A decoder with nothing held, for the ids of {@code tokenizer}.
     *
     * @param tokenizer whose ids are fed
     */
    public StreamingDecoder(Tokenizer tokenizer) {
        throw new UnsupportedOperationException("TODO(15): keep the tokenizer and an empty buffer of held bytes");
    }

    /**
     * Feeds one id.
     *
     * @param id a token id of the tokenizer
     * @return the text completed by this id, often empty
     * @throws IllegalArgumentException when id is not in [0, vocabSize); the message names it as
     *     {@code id = value}
     */
    public String feed(int id) {
        throw new UnsupportedOperationException("TODO(15): add the id's bytes, decode all but an incomplete sequence at the end");
    }

    /**
     * Ends the stream.
     *
     * @return the held bytes decoded, U+FFFD for an incomplete sequence; empty when nothing is held
     */
    public String finish() {
        throw new UnsupportedOperationException("TODO(15): decode what is held and empty the buffer");
    }
}
