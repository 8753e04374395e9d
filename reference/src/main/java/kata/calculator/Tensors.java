package kata.calculator;

import kata.support.HeadViews;
import kata.support.Tensor;

/**
 * The batch layout between the blocks of katas 04-13: a batch of {@code B} sequences of {@code T}
 * tokens travels as one {@code (B T, d)} matrix, sequence {@code b} in rows {@code b T .. b T + T - 1}.
 * Row-wise blocks (layer norm, feed-forward, residual sums) take it whole; attention takes it one
 * sequence at a time.
 */
final class Tensors {

    private Tensors() {
    }

    /** Rows {@code b length .. (b + 1) length - 1} of {@code rows (B T, d)}: a view of sequence {@code b}. */
    static Tensor sequence(Tensor rows, int b, int length) {
        int[] strides = rows.strides();
        return Tensor.strided(rows.storage(), new int[] {length, rows.size(1)}, strides,
                rows.offset() + b * length * strides[0]);
    }

    /** The sequences {@code (T, d)} one under the other: {@code (B T, d)}, fresh and row-major. */
    static Tensor rows(Tensor... sequences) {
        Tensor stacked = HeadViews.stack(sequences);                         // (B, T, d), row-major
        int width = stacked.size(2);
        return Tensor.strided(stacked.storage(), new int[] {stacked.size(0) * stacked.size(1), width},
                new int[] {width, 1}, 0);                                    // (B T, d), the same storage
    }

    /**
     * The block of sequence {@code b} of a batch mask {@code [B T_q][B T_k]}, or {@code null} for none:
     * the layers of katas 09 and 10 mask the whole batch as one sequence; within one sequence their
     * causal and padding masks are exactly the per-sequence masks.
     */
    static boolean[][] block(boolean[][] masked, int b, int queries, int keys) {
        if (masked == null) {
            return null;
        }
        boolean[][] block = new boolean[queries][keys];
        for (int i = 0; i < queries; i++) {
            System.arraycopy(masked[b * queries + i], b * keys, block[i], 0, keys);
        }
        return block;
    }
}
