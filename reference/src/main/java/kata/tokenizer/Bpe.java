package kata.tokenizer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counting pairs and merging one: the two steps of byte-pair encoding.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>Counting only non-overlapping pairs, so that "aaaaa" holds two (a, a) instead of four:
 *       {@code TokenizerSpec#overlappingPairsAreAllCounted}.</li>
 *   <li>Merging overlapping occurrences (stepping by 1 after a replacement), so that "aaa" gives two
 *       tokens for three bytes: {@code TokenizerSpec#mergingGoesLeftToRightWithoutOverlap}.</li>
 *   <li>Counting each distinct chunk once, forgetting its count:
 *       {@code TokenizerSpec#eachChunkCountsAsOftenAsItOccurs}.</li>
 *   <li>A {@code HashMap}, whose order is no order, so that ties go anywhere:
 *       {@code TokenizerSpec#pairCountsIterateInOrderOfFirstOccurrence}.</li>
 * </ul>
 */
public final class Bpe {

    private Bpe() {
    }

    /** Every adjacent pair, overlapping ones included, weighted by its chunk's count. */
    public static Map<Pair, Integer> pairCounts(List<Chunk> chunks) {
        Map<Pair, Integer> counts = new LinkedHashMap<>();  // insertion order = order of first occurrence
        for (Chunk chunk : chunks) {
            int[] ids = chunk.ids();
            for (int i = 0; i + 1 < ids.length; i++) {       // i + 1, not i + 2: pairs overlap
                counts.merge(new Pair(ids[i], ids[i + 1]), chunk.count(), Integer::sum);
            }
        }
        return counts;
    }

    /** Replaces each occurrence of {@code pair}, left to right, never two sharing an id. */
    public static int[] merge(int[] ids, Pair pair, int newId) {
        int[] merged = new int[ids.length];
        int n = 0;
        int i = 0;
        while (i < ids.length) {
            if (i + 1 < ids.length && ids[i] == pair.left() && ids[i + 1] == pair.right()) {
                merged[n++] = newId;
                i += 2;                                      // both ids are used up: "aaa" is Z a
            } else {
                merged[n++] = ids[i++];
            }
        }
        return Arrays.copyOf(merged, n);
    }
}
