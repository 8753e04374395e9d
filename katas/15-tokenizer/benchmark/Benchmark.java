import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kata.tokenizer.Pair;
import kata.tokenizer.PreSplit;
import kata.tokenizer.Tokenizer;

/**
 * Trains a vocabulary of 1,000 on the course's notes and encodes 1 MB of them, next to two plain
 * baselines: a trainer that walks every occurrence of every chunk (no counting of distinct chunks),
 * and an encoder that applies the merges one after another to each chunk. Run by run.sh; not part
 * of any build.
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        String notes = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        int noteBytes = notes.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder many = new StringBuilder();
        while (many.length() < 1_000_000) {
            many.append(notes);
        }
        String megabyte = many.toString();
        int megabyteBytes = megabyte.getBytes(StandardCharsets.UTF_8).length;

        Tokenizer tokenizer = null;
        double train = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            tokenizer = Tokenizer.train(notes, 1000, List.of());
            train = Math.min(train, seconds(start));
        }
        long start = System.nanoTime();
        List<Pair> plainMerges = plainTrain(notes, 1000 - 256);
        double plainTrain = seconds(start);

        int[] ids = null;
        double encode = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            start = System.nanoTime();
            ids = tokenizer.encode(megabyte);
            encode = Math.min(encode, seconds(start));
        }
        start = System.nanoTime();
        int plainIds = plainEncode(megabyte, tokenizer.merges());
        double plainEncode = seconds(start);

        System.out.printf("notes: %,d bytes; training to 1,000 ids: %d merges in %.2f s (plain trainer: %.2f s, same merges: %s)%n",
                noteBytes, tokenizer.merges().size(), train, plainTrain, plainMerges.equals(tokenizer.merges()));
        System.out.printf("encoding %,d bytes: %,d ids, %.2f bytes per id, %.2f s = %.1f MB/s (merges applied in turn: %.2f s, same ids: %s)%n",
                megabyteBytes, ids.length, megabyteBytes / (double) ids.length, encode, megabyteBytes / 1e6 / encode,
                plainEncode, plainIds == ids.length);
        System.out.printf("round trip: %s%n", tokenizer.decode(ids).equals(megabyte));
        StringBuilder first = new StringBuilder("first merges:");
        for (int id = 256; id < 286; id++) {
            first.append(" [").append(new String(tokenizer.bytes(id), StandardCharsets.UTF_8).replace("\n", "\\n")).append(']');
        }
        System.out.println(first);
        StringBuilder han = new StringBuilder("first merges that make a whole Chinese character:");
        int found = 0;
        for (int id = 256; id < 256 + tokenizer.merges().size() && found < 10; id++) {
            String token = new String(tokenizer.bytes(id), StandardCharsets.UTF_8);
            if (!token.contains("\uFFFD") && token.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                han.append(" [").append(token).append("] (id ").append(id).append(')');
                found++;
            }
        }
        System.out.println(han);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Every occurrence of every chunk, counted again after each merge. */
    private static List<Pair> plainTrain(String text, int count) {
        List<int[]> chunks = new ArrayList<>();
        for (String chunk : PreSplit.chunks(text)) {
            chunks.add(bytes(chunk));
        }
        List<Pair> merges = new ArrayList<>();
        while (merges.size() < count) {
            Map<Pair, Integer> counts = new LinkedHashMap<>();
            for (int[] ids : chunks) {
                for (int i = 0; i + 1 < ids.length; i++) {
                    counts.merge(new Pair(ids[i], ids[i + 1]), 1, Integer::sum);
                }
            }
            Pair best = null;
            int max = 0;
            for (Map.Entry<Pair, Integer> e : counts.entrySet()) {
                if (e.getValue() > max) {
                    best = e.getKey();
                    max = e.getValue();
                }
            }
            if (best == null) {
                break;
            }
            for (int c = 0; c < chunks.size(); c++) {
                chunks.set(c, merge(chunks.get(c), best, 256 + merges.size()));
            }
            merges.add(best);
        }
        return merges;
    }

    /** Each chunk's bytes, every merge applied in turn; returns the number of ids. */
    private static int plainEncode(String text, List<Pair> merges) {
        int total = 0;
        for (String chunk : PreSplit.chunks(text)) {
            int[] ids = bytes(chunk);
            for (int m = 0; m < merges.size() && ids.length > 1; m++) {
                ids = merge(ids, merges.get(m), 256 + m);
            }
            total += ids.length;
        }
        return total;
    }

    private static int[] merge(int[] ids, Pair pair, int id) {
        int[] out = new int[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i + 1 < ids.length && ids[i] == pair.left() && ids[i + 1] == pair.right()) {
                out[n++] = id;
                i++;
            } else {
                out[n++] = ids[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int[] bytes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xFF;
        }
        return ids;
    }
}
