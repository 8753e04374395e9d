package kata.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A byte-level BPE tokenizer (分词器): text to ids and back, for any text (Chinese, emoji, accents,
 * anything UTF-8 can write), with no unknown token.
 */
public final class Tokenizer {

    private static final String HEADER = "byte-level bpe";

    private final List<Pair> merges;
    private final List<String> specialTokens;
    private final Map<Pair, Integer> ranks;
    private final List<byte[]> table;

    /** A piece of a text between special tokens ({@code special == -1}), or a special token. */
    private record Piece(String text, int special) {
    }

    /**
     * A tokenizer with the given merges and special tokens.
     *
     * @param merges merge i joins two ids that exist before it, each in [0, 256 + i)
     * @param specialTokens non-empty, distinct, without a line break
     */
    public Tokenizer(List<Pair> merges, List<String> specialTokens) {
        List<Pair> mergesCopy = List.copyOf(merges);
        List<String> specialsCopy = List.copyOf(specialTokens);
        for (int i = 0; i < mergesCopy.size(); i++) {
            Pair p = mergesCopy.get(i);
            int limit = 256 + i;
            if (p.left() < 0 || p.left() >= limit || p.right() < 0 || p.right() >= limit) {
                throw new IllegalArgumentException(
                        "merges: merge " + i + " = " + p + " uses an id outside [0, " + limit + ")");
            }
        }
        checkSpecials(specialsCopy);
        this.merges = mergesCopy;
        this.specialTokens = specialsCopy;
        this.ranks = new HashMap<>();
        this.table = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            table.add(new byte[] {(byte) b});
        }
        for (int i = 0; i < mergesCopy.size(); i++) {
            Pair p = mergesCopy.get(i);
            ranks.putIfAbsent(p, i);
            byte[] left = table.get(p.left());
            byte[] right = table.get(p.right());
            byte[] joined = new byte[left.length + right.length];
            System.arraycopy(left, 0, joined, 0, left.length);
            System.arraycopy(right, 0, joined, left.length, right.length);
            table.add(joined);
        }
        for (String s : specialsCopy) {
            table.add(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void checkSpecials(List<String> specialTokens) {
        Set<String> seen = new HashSet<>();
        for (String s : specialTokens) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("specialTokens: a special token is empty");
            }
            if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("specialTokens: " + s + " holds a line break");
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException("specialTokens: " + s + " is repeated");
            }
        }
    }

    /** Cuts the special tokens out of text, left to right, the longest where several start. */
    private static List<Piece> cutSpecials(String text, List<String> specialTokens) {
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            int found = -1;
            for (int s = 0; s < specialTokens.size(); s++) {
                String tok = specialTokens.get(s);
                if (text.startsWith(tok, i)) {
                    found = s;
                    break;
                }
            }
            if (found == -1) {
                i++;
            } else {
                if (start < i) {
                    pieces.add(new Piece(text.substring(start, i), -1));
                }
                pieces.add(new Piece(specialTokens.get(found), found));
                i += specialTokens.get(found).length();
                start = i;
            }
        }
        if (start < text.length()) {
            pieces.add(new Piece(text.substring(start), -1));
        }
        return pieces;
    }

    private static int[] utf8Ids(String chunk) {
        byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xFF;
        }
        return ids;
    }

    /**
     * Learns the merges of {@code text} by the rule in the class comment.
     *
     * @param text the training text
     * @param vocabSize the size of the vocabulary to reach: 256 bytes + merges + special tokens
     * @param specialTokens the special tokens, as for the constructor
     * @return the trained tokenizer
     */
    public static Tokenizer train(String text, int vocabSize, List<String> specialTokens) {
        List<String> specials = List.copyOf(specialTokens);
        checkSpecials(specials);
        if (vocabSize < 256 + specials.size()) {
            throw new IllegalArgumentException("vocabSize = " + vocabSize
                    + " is below 256 + " + specials.size() + " special tokens");
        }
        Map<String, Integer> chunkCounts = new LinkedHashMap<>();
        for (Piece piece : cutSpecials(text, specials)) {
            if (piece.special() >= 0) {
                continue;
            }
            for (String chunk : PreSplit.chunks(piece.text())) {
                chunkCounts.merge(chunk, 1, Integer::sum);
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        for (Map.Entry<String, Integer> e : chunkCounts.entrySet()) {
            chunks.add(new Chunk(utf8Ids(e.getKey()), e.getValue()));
        }
        int wanted = vocabSize - 256 - specials.size();
        List<Pair> merges = new ArrayList<>();
        while (merges.size() < wanted) {
            Map<Pair, Integer> counts = Bpe.pairCounts(chunks);
            if (counts.isEmpty()) {
                break;
            }
            Pair best = null;
            int bestCount = 0;
            for (Map.Entry<Pair, Integer> e : counts.entrySet()) {
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            int newId = 256 + merges.size();
            List<Chunk> next = new ArrayList<>(chunks.size());
            for (Chunk c : chunks) {
                next.add(new Chunk(Bpe.merge(c.ids(), best, newId), c.count()));
            }
            chunks = next;
            merges.add(best);
        }
        return new Tokenizer(merges, specials);
    }

    /** The merges in the order learned: merge i makes id 256 + i; a fresh list. */
    public List<Pair> merges() {
        return new ArrayList<>(merges);
    }

    /** The special tokens in id order; a fresh list. */
    public List<String> specialTokens() {
        return new ArrayList<>(specialTokens);
    }

    /** 256 + the number of merges + the number of special tokens. */
    public int vocabSize() {
        return 256 + merges.size() + specialTokens.size();
    }

    /**
     * The bytes a token stands for.
     *
     * @param id a token id
     * @return the bytes, a fresh array
     */
    public byte[] bytes(int id) {
        if (id < 0 || id >= vocabSize()) {
            throw new IllegalArgumentException("id = " + id + " is outside [0, " + vocabSize() + ")");
        }
        return table.get(id).clone();
    }

    private int[] encodeChunk(String chunk) {
        int[] ids = utf8Ids(chunk);
        while (ids.length >= 2) {
            Pair best = null;
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < ids.length; i++) {
                Integer rank = ranks.get(new Pair(ids[i], ids[i + 1]));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                    best = new Pair(ids[i], ids[i + 1]);
                }
            }
            if (best == null) {
                break;
            }
            ids = Bpe.merge(ids, best, 256 + bestRank);
        }
        return ids;
    }

    /**
     * Encodes {@code text}: special tokens, then the pre-split chunks merged by rank.
     *
     * @param text any text; "" gives no id
     * @return the ids, a fresh array
     */
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        int firstSpecial = 256 + merges.size();
        for (Piece piece : cutSpecials(text, specialTokens)) {
            if (piece.special() >= 0) {
                out.add(firstSpecial + piece.special());
                continue;
            }
            for (String chunk : PreSplit.chunks(piece.text())) {
                for (int id : encodeChunk(chunk)) {
                    out.add(id);
                }
            }
        }
        int[] ids = new int[out.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = out.get(i);
        }
        return ids;
    }

    /**
     * Decodes {@code ids}: all their bytes joined, read once as UTF-8 (U+FFFD for invalid bytes).
     *
     * @param ids token ids, not modified
     * @return the text
     */
    public String decode(int[] ids) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int id : ids) {
            byte[] b = bytes(id);
            all.write(b, 0, b.length);
        }
        return new String(all.toByteArray(), StandardCharsets.UTF_8);
    }

    /** The tokenizer in the text format of the class comment. */
    public String save() {
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER).append('\n');
        for (Pair p : merges) {
            sb.append("merge ").append(p.left()).append(' ').append(p.right()).append('\n');
        }
        for (String s : specialTokens) {
            sb.append("special ").append(s).append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads a tokenizer written by {@link #save}.
     *
     * @param saved the text
     * @return a tokenizer equal in merges and special tokens to the one saved
     */
    public static Tokenizer load(String saved) {
        String[] lines = saved.split("\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        if (count == 0 || !lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("line 1: expected the header \"" + HEADER + "\"");
        }
        List<Pair> merges = new ArrayList<>();
        List<String> specials = new ArrayList<>();
        for (int n = 1; n < count; n++) {
            String line = lines[n];
            if (line.startsWith("merge ")) {
                String[] parts = line.split(" ", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": not merge <int> <int>: " + line);
                }
                try {
                    merges.add(new Pair(Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": not merge <int> <int>: " + line);
                }
            } else if (line.startsWith("special ")) {
                specials.add(line.substring("special ".length()));
            } else {
                throw new IllegalArgumentException("line " + (n + 1) + ": neither merge nor special: " + line);
            }
        }
        return new Tokenizer(merges, specials);
    }
}
