package kata.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Byte-level BPE: ids 0..255 are bytes, merge i is id 256 + i, the special tokens come last.
 *
 * <p>Training keeps each distinct chunk once with its count (a text of 160 kB has a few thousand
 * distinct chunks), counts pairs, merges the most frequent, and repeats. Encoding merges by rank.
 * Decoding joins bytes and reads UTF-8 once.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>{@code >=} when picking the most frequent pair, so that ties go to the last pair seen:
 *       {@code TokenizerSpec#tiesGoToThePairThatOccursFirst}.</li>
 *   <li>Counting special tokens with the text, so that they merge with their neighbours:
 *       {@code TokenizerSpec#specialTokensAreNeverSplitOrMerged}.</li>
 *   <li>Skipping the pre-split, so that merges cross word boundaries:
 *       {@code TokenizerSpec#mergesNeverCrossAChunk}.</li>
 *   <li>Encoding by position (the first mergeable pair from the left) instead of by rank:
 *       {@code TokenizerSpec#encodingMergesByRankNotByPosition}.</li>
 *   <li>Decoding token by token into a String, which breaks a character split between tokens:
 *       {@code TokenizerSpec#decodingReadsTheBytesOnceAsUtf8}.</li>
 * </ul>
 */
public final class Tokenizer {

    private static final String HEADER = "byte-level bpe";

    private final List<Pair> merges;
    private final List<String> specialTokens;
    private final Map<Pair, Integer> ranks = new HashMap<>();      // pair -> merge index
    private final List<byte[]> tokens = new ArrayList<>();         // id -> bytes, for bytes and merges

    /** Checks and copies the merges and special tokens. */
    public Tokenizer(List<Pair> merges, List<String> specialTokens) {
        checkSpecialTokens(specialTokens);
        this.merges = List.copyOf(merges);
        this.specialTokens = List.copyOf(specialTokens);
        for (int b = 0; b < 256; b++) {
            tokens.add(new byte[] {(byte) b});
        }
        for (int i = 0; i < this.merges.size(); i++) {
            Pair pair = this.merges.get(i);
            int next = 256 + i;                                     // ids made so far: [0, next)
            if (pair.left() < 0 || pair.left() >= next || pair.right() < 0 || pair.right() >= next) {
                throw new IllegalArgumentException("merges: merge " + i + " " + pair
                        + " joins an id outside [0, " + next + ")");
            }
            ranks.putIfAbsent(pair, i);
            tokens.add(concat(tokens.get(pair.left()), tokens.get(pair.right())));
        }
    }

    private static void checkSpecialTokens(List<String> specialTokens) {
        for (int j = 0; j < specialTokens.size(); j++) {
            String special = specialTokens.get(j);
            if (special.isEmpty() || special.contains("\n") || special.contains("\r")
                    || specialTokens.indexOf(special) != j) {
                throw new IllegalArgumentException("specialTokens: \"" + special
                        + "\" is empty, repeated or holds a line break");
            }
        }
    }

    /** Learns {@code vocabSize - 256 - specialTokens.size()} merges from {@code text}, fewer if none is left. */
    public static Tokenizer train(String text, int vocabSize, List<String> specialTokens) {
        checkSpecialTokens(specialTokens);
        if (vocabSize < 256 + specialTokens.size()) {  // vocabSize - 256 - S would overflow near MIN_VALUE
            throw new IllegalArgumentException("vocabSize = " + vocabSize + " is below 256 + "
                    + specialTokens.size() + " special tokens");
        }
        List<Chunk> chunks = distinctChunks(text, specialTokens);
        List<Pair> merges = new ArrayList<>();
        while (256 + merges.size() + specialTokens.size() < vocabSize) {
            Pair best = mostFrequent(Bpe.pairCounts(chunks));
            if (best == null) {
                break;                                              // every chunk is one token
            }
            int id = 256 + merges.size();
            chunks.replaceAll(chunk -> new Chunk(Bpe.merge(chunk.ids(), best, id), chunk.count()));
            merges.add(best);
        }
        return new Tokenizer(merges, specialTokens);
    }

    /** Each distinct chunk of the text between special tokens, with its count, in order of first appearance. */
    private static List<Chunk> distinctChunks(String text, List<String> specialTokens) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Piece piece : pieces(text, specialTokens)) {
            if (piece.special() < 0) {                              // special tokens are not counted
                for (String chunk : PreSplit.chunks(piece.text())) {
                    counts.merge(chunk, 1, Integer::sum);
                }
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        counts.forEach((chunk, count) -> chunks.add(new Chunk(utf8Ids(chunk), count)));
        return chunks;
    }

    /** The pair with the highest count; on a tie the first in iteration order, which is the first to occur. */
    private static Pair mostFrequent(Map<Pair, Integer> counts) {
        Pair best = null;
        int bestCount = 0;
        for (Map.Entry<Pair, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {                     // strict: an equal count comes later
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    /** A piece of text between special tokens ({@code special} -1), or a special token (its index). */
    private record Piece(String text, int special) {
    }

    /** Cuts out the special tokens, left to right, the longest where several start at one place. */
    private static List<Piece> pieces(String text, List<String> specialTokens) {
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int found = -1;
            for (int j = 0; j < specialTokens.size(); j++) {
                if (text.startsWith(specialTokens.get(j), i)
                        && (found < 0 || specialTokens.get(j).length() > specialTokens.get(found).length())) {
                    found = j;
                }
            }
            if (found < 0) {
                i++;
                continue;
            }
            pieces.add(new Piece(text.substring(start, i), -1));
            pieces.add(new Piece(specialTokens.get(found), found));
            i += specialTokens.get(found).length();
            start = i;
        }
        pieces.add(new Piece(text.substring(start), -1));
        return pieces;
    }

    public List<Pair> merges() {
        return new ArrayList<>(merges);
    }

    public List<String> specialTokens() {
        return new ArrayList<>(specialTokens);
    }

    public int vocabSize() {
        return 256 + merges.size() + specialTokens.size();
    }

    /** A byte, a merge's two halves joined, or a special token's UTF-8. */
    public byte[] bytes(int id) {
        checkId(id);
        int special = id - tokens.size();
        return special >= 0 ? specialTokens.get(special).getBytes(StandardCharsets.UTF_8) : tokens.get(id).clone();
    }

    private void checkId(int id) {
        if (id < 0 || id >= vocabSize()) {
            throw new IllegalArgumentException("id = " + id + " is not in [0, " + vocabSize() + ")");
        }
    }

    /** Special tokens to their ids, everything else pre-split and each chunk merged by rank. */
    public int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        for (Piece piece : pieces(text, specialTokens)) {
            if (piece.special() >= 0) {
                ids.add(256 + merges.size() + piece.special());
                continue;
            }
            for (String chunk : PreSplit.chunks(piece.text())) {
                for (int id : encodeChunk(utf8Ids(chunk))) {
                    ids.add(id);
                }
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Merges the pair of lowest rank present, everywhere, until no adjacent pair is a merge. */
    private int[] encodeChunk(int[] ids) {
        while (true) {
            Pair best = null;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < ids.length; i++) {
                Integer rank = ranks.get(new Pair(ids[i], ids[i + 1]));
                if (rank != null && rank < bestRank) {              // the earliest learned, not the leftmost
                    best = new Pair(ids[i], ids[i + 1]);
                    bestRank = rank;
                }
            }
            if (best == null) {
                return ids;
            }
            ids = Bpe.merge(ids, best, 256 + bestRank);
        }
    }

    /** All the bytes first, then one UTF-8 read: a character split between two tokens stays whole. */
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            bytes.writeBytes(bytes(id));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The header, one line per merge, one per special token. */
    public String save() {
        StringBuilder saved = new StringBuilder(HEADER).append('\n');
        for (Pair pair : merges) {
            saved.append("merge ").append(pair.left()).append(' ').append(pair.right()).append('\n');
        }
        for (String special : specialTokens) {
            saved.append("special ").append(special).append('\n');
        }
        return saved.toString();
    }

    /** Reads what {@link #save} wrote. */
    public static Tokenizer load(String saved) {
        String[] lines = saved.split("\n", -1);      // never trimmed: " <s> " is a special token too
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("line 1 is not the header \"" + HEADER + "\"");
        }
        List<Pair> merges = new ArrayList<>();
        List<String> specialTokens = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n];
            if (line.startsWith("special ")) {
                specialTokens.add(line.substring("special ".length()));
            } else if (line.matches("merge \\d+ \\d+")) {
                String[] ids = line.split(" ");
                merges.add(new Pair(Integer.parseInt(ids[1]), Integer.parseInt(ids[2])));
            } else if (!(line.isEmpty() && n == lines.length - 1)) {  // the text ends with a line break
                throw new IllegalArgumentException("line " + (n + 1) + " is neither a merge nor a special token: " + line);
            }
        }
        return new Tokenizer(merges, specialTokens);
    }

    private static int[] utf8Ids(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xFF;                               // bytes are signed in Java: 0xE4 is -28
        }
        return ids;
    }

    private static byte[] concat(byte[] left, byte[] right) {
        byte[] both = new byte[left.length + right.length];
        System.arraycopy(left, 0, both, 0, left.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return both;
    }
}
