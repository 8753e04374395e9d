package kata.tokenizer;

import java.util.List;
import java.util.Map;

/**
 * The two steps that byte-pair encoding (字节对编码) repeats: count the adjacent pairs, merge one.
 * Training ({@link Tokenizer#train}) and encoding ({@link Tokenizer#encode}) are built from them.
 */
public final class Bpe {

    private Bpe() {
    }

    /**
     * Counts every adjacent pair of ids inside each chunk, weighted by the chunk's count. Pairs
     * overlap: the ids {@code a a a a a} hold four pairs {@code (a, a)}, at positions 0-1, 1-2, 2-3
     * and 3-4. No pair spans two chunks.
     * <pre>
     *   chunks [97, 97, 98] x 2 and [98, 97] x 1  ->  {(97, 97)=2, (97, 98)=2, (98, 97)=1}
     * </pre>
     *
     * @param chunks the chunks, none modified
     * @return each pair that occurs, with its total count, iterating in the order of first
     *     occurrence: chunk by chunk in the list's order, left to right inside a chunk (a fresh
     *     {@code LinkedHashMap} keeps that order); empty when no chunk has two ids
     */
    public static Map<Pair, Integer> pairCounts(List<Chunk> chunks) {
        throw new UnsupportedOperationException("TODO(15): count each adjacent pair, times its chunk's count");
    }

    /**
     * Replaces each occurrence of {@code pair} in {@code ids} by {@code newId}, scanning left to
     * right: after a replacement the scan goes on after the pair, so occurrences never share an id.
     * <pre>
     *   merge([97, 97, 97, 97, 97], (97, 97), 256)  ->  [256, 256, 97]
     *   merge([97, 98, 99], (98, 99), 300)           ->  [97, 300]
     * </pre>
     *
     * @param ids the ids, not modified
     * @param pair the pair to replace
     * @param newId the id that stands for the pair
     * @return the merged ids, a fresh array (a copy when the pair does not occur)
     */
    public static int[] merge(int[] ids, Pair pair, int newId) {
        throw new UnsupportedOperationException("TODO(15): replace each occurrence of the pair, left to right");
    }
}
