package kata.tokenizer;

/**
 * One distinct chunk of the training text as token ids, and how many times it occurs there.
 * Training counts the pairs of a chunk once and weighs them by {@code count}, instead of walking
 * every occurrence: the word " the" met 2,000 times costs one walk, not 2,000.
 *
 * @param ids the chunk's token ids (its UTF-8 bytes before any merge)
 * @param count how many times the chunk occurs in the text, at least 1
 */
public record Chunk(int[] ids, int count) {
}
