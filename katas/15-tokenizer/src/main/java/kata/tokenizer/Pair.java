package kata.tokenizer;

/**
 * Two adjacent token ids, left then right: what one BPE merge joins. {@code (97, 98)} is the byte
 * {@code a} followed by the byte {@code b}. Records compare by value, so a pair is a map key.
 *
 * @param left the id of the first token
 * @param right the id of the token that follows it
 */
public record Pair(int left, int right) {

    @Override
    public String toString() {
        return "(" + left + ", " + right + ")";
    }
}
