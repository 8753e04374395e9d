/*
 * Known wrong: slices the positional table by the batch size instead of the sequence length
 * (viewed as (B, 1, d), as pe[:x.size(0)] gives on a batch-first input): the shapes still broadcast
 * against (B, T, d), so nothing fails, but every token of sample b gets row b instead of row t.
 * Caught by: BroadcastingSpec#everySampleGetsRowTAtTokenT, BroadcastingSpec#addPositionsAddsRowTToTokenT
 */
package kata.broadcasting;

import java.util.Arrays;
import kata.support.Tensor;

/** Positional table, with one known mistake (see the comment at the top of this file). */
public final class Positions {

    private Positions() {
    }

    /** {@code x + table[0:T]}: {@code (B, T, d) + (T, d) -> (B, T, d)}. */
    public static Tensor addPositions(Tensor x, Tensor table) {
        requireRank("x", x, 3, "(B, T, d)");
        requireRank("table", table, 2, "(maxLen, d)");
        int seqLen = x.size(1);
        if (seqLen > table.size(0)) {
            throw new IllegalArgumentException("x " + shape(x) + " has " + seqLen + " positions, but table "
                    + shape(table) + " has rows for only " + table.size(0));
        }
        if (x.size(2) != table.size(1)) {
            throw new IllegalArgumentException("x " + shape(x) + " has " + x.size(2)
                    + " features per token, but table " + shape(table) + " has " + table.size(1));
        }
        // Slices the table by x's FIRST axis, as pe[:x.size(0)] does for a sequence-first input;
        // here axis 0 is the batch, so sample b gets row b at every token.
        int batch = x.size(0);
        int[] strides = table.strides();
        Tensor rows = Tensor.strided(table.storage(), new int[] {batch, 1, table.size(1)},
                new int[] {strides[0], 0, strides[1]}, table.offset()); // (B, 1, d)
        return Broadcasting.add(x, rows);                               // (B, T, d) + (B, 1, d) -> (B, T, d)
    }

    private static void requireRank(String name, Tensor t, int rank, String expected) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(name + " must have shape " + expected + ", but has shape "
                    + shape(t));
        }
    }

    private static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
