package kata.calculator;

import kata.support.Tensor;

/**
 * The few tensor moves the model needs between the blocks of katas 04-13: a batch of {@code B}
 * sequences of {@code T} tokens travels as one {@code (B T, d)} matrix, sequence {@code b} in rows
 * {@code b T .. b T + T - 1}. Row-wise blocks (layer norm, feed-forward, residual sums) take it whole;
 * attention takes it one sequence at a time.
 */
final class Tensors {

    private Tensors() {
    }

    /** The index of the element at {@code ordinal} in row-major order. */
    static int[] unravel(int[] shape, int ordinal) {
        int[] index = new int[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = ordinal % shape[axis];
            ordinal /= shape[axis];
        }
        return index;
    }

    /** Rows {@code b length .. (b + 1) length - 1} of {@code rows (B T, d)}: a view of sequence {@code b}. */
    static Tensor sequence(Tensor rows, int b, int length) {
        int[] strides = rows.strides();
        return Tensor.strided(rows.storage(), new int[] {length, rows.size(1)}, strides,
                rows.offset() + b * length * strides[0]);
    }

    /** Head {@code i} of {@code heads (h, T, d_k)}: a view {@code (T, d_k)}. */
    static Tensor head(Tensor heads, int i) {
        int[] strides = heads.strides();
        return Tensor.strided(heads.storage(), new int[] {heads.size(1), heads.size(2)},
                new int[] {strides[1], strides[2]}, heads.offset() + i * strides[0]);
    }

    /** Writes {@code block (T, d)} into rows {@code b T ..} of {@code rows}. */
    static void put(Tensor rows, int b, Tensor block) {
        int length = block.size(0);
        for (int t = 0; t < length; t++) {
            for (int c = 0; c < block.size(1); c++) {
                rows.set(block.get(t, c), b * length + t, c);
            }
        }
    }

    /** {@code a + b}, same shape, into a fresh tensor. */
    static Tensor sum(Tensor a, Tensor b) {
        Tensor result = Tensor.zeros(a.shape());
        accumulate(result, a);
        accumulate(result, b);
        return result;
    }

    /** {@code into += delta}, same shape. */
    static void accumulate(Tensor into, Tensor delta) {
        if (into.rank() == 2) {                          // the common case, without an index array per element
            for (int i = 0; i < into.size(0); i++) {
                for (int j = 0; j < into.size(1); j++) {
                    into.set(into.get(i, j) + delta.get(i, j), i, j);
                }
            }
            return;
        }
        int[] shape = into.shape();
        for (int ordinal = 0; ordinal < into.elementCount(); ordinal++) {
            int[] index = unravel(shape, ordinal);
            into.set(into.get(index) + delta.get(index), index);
        }
    }

    /** {@code into += factor * delta}, same shape. */
    static void addScaled(Tensor into, Tensor delta, double factor) {
        if (into.rank() == 2) {
            for (int i = 0; i < into.size(0); i++) {
                for (int j = 0; j < into.size(1); j++) {
                    into.set(into.get(i, j) + factor * delta.get(i, j), i, j);
                }
            }
            return;
        }
        int[] shape = into.shape();
        for (int ordinal = 0; ordinal < into.elementCount(); ordinal++) {
            int[] index = unravel(shape, ordinal);
            into.set(into.get(index) + factor * delta.get(index), index);
        }
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
