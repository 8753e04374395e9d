package kata.broadcasting;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Adds the first {@code T} rows of a positional table to every sample of a batch {@code (B, T, d)}.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>slicing the table by the batch size instead of the sequence length, so that every token of
 *       sample {@code b} gets row {@code b} (PyTorch's {@code pe[:x.size(0)]} on a batch-first input):
 *       the shapes still broadcast, so only the values show it:
 *       {@code BroadcastingSpec#everySampleGetsRowTAtTokenT};</li>
 *   <li>refusing a sequence exactly as long as the table ({@code T >= maxLen} instead of
 *       {@code T > maxLen}): {@code BroadcastingSpec#aSequenceAsLongAsTheTableUsesEveryRow};</li>
 *   <li>taking the first rows with hard-coded strides {@code (d, 1)} and offset 0, as if every table
 *       were fresh: {@code BroadcastingSpec#addPositionsReadsATableInAnyLayout},
 *       {@code BroadcastingProperties#addPositionsEqualsTheExplicitLoopForEveryLayout};</li>
 *   <li>checking the rank of {@code x} but not of the table:
 *       {@code BroadcastingSpec#addPositionsRejectsATableThatIsNotAMatrix}.</li>
 * </ul>
 */
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
