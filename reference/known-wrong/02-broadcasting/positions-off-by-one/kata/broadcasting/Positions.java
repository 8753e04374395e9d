/*
 * Known wrong: refuses a sequence exactly as long as the table (T >= maxLen instead of
 * T > maxLen), although rows 0 to maxLen - 1 cover positions 0 to T - 1.
 * Caught by: BroadcastingSpec#aSequenceAsLongAsTheTableUsesEveryRow
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
        if (seqLen >= table.size(0)) {
            throw new IllegalArgumentException("x " + shape(x) + " has " + seqLen + " positions, but table "
                    + shape(table) + " has rows for only " + table.size(0));
        }
        if (x.size(2) != table.size(1)) {
            throw new IllegalArgumentException("x " + shape(x) + " has " + x.size(2)
                    + " features per token, but table " + shape(table) + " has " + table.size(1));
        }
        Tensor positions = firstRows(table, seqLen); // (T, d): sliced by POSITION, x's axis 1
        return Broadcasting.add(x, positions);      // (B, T, d) + (T, d) -> (B, T, d)
    }

    /** Rows {@code 0..count-1} of a matrix, as a view (no copy). */
    private static Tensor firstRows(Tensor table, int count) {
        return Tensor.strided(table.storage(), new int[] {count, table.size(1)}, table.strides(),
                table.offset());
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
