package kata.tokenizer;

import java.util.Arrays;
import java.util.LinkedHashMap;
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
     * Counts every adjacent pair of ids inside each chunk, weighted by the chunk's count.
     *
     * @param chunks the chunks, none modified
     * @return each pair that occurs, with its total count, in the order of first occurrence
     */
    public static Map<Pair, Integer> pairCounts(List<Chunk> chunks) {
        Map<Pair, Integer> counts = new LinkedHashMap<>();
        for (Chunk chunk : chunks) {
            int[] ids = chunk.ids();
            for (int i = 0; i + 1 < ids.length; i++) {
                counts.merge(new Pair(ids[i], ids[i + 1]), chunk.count(), Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Replaces each occurrence of {@code pair} in {@code ids} by {@code newId}, scanning left to
     * right.
     *
     * @param ids the ids, not modified
     * @param pair the pair to replace
     * @param newId the id that stands for the pair
     * @return the merged ids, a fresh array (a copy when the pair does not occur)
     */
    public static int[] merge(int[] ids, Pair pair, int newId) {
        int[] out = new int[ids.length];
        int n = 0;
        int i = 0;
        while (i < ids.length) {
            if (i + 1 < ids.length && ids[i] == pair.left() && ids[i + 1] == pair.right()) {
                out[n++] = newId;
                i += 2;
            } else {
                out[n++] = ids[i];
                i += 1;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
