package kata.support;

/**
 * Attention masks as {@code boolean[T_q][T_k]}, {@code masked[i][j] == true} hiding key {@code j}
 * from query {@code i} (its score becomes {@code -infinity} before the softmax). Every call returns
 * fresh arrays, so a caller may edit one mask without changing the next. Kata 06 teaches the causal
 * mask and may not use {@link #causal}; every later kata may.
 */
public final class Masks {

    private Masks() {
    }

    /**
     * The causal mask of {@code length} positions: {@code masked[i][j] = j > i}, so position {@code i}
     * sees positions {@code 0 .. i}, itself included, and nothing after it.
     *
     * @throws IllegalArgumentException when {@code length} is negative
     */
    public static boolean[][] causal(int length) {
        Shapes.requireAtLeast(length, 0, "length");
        boolean[][] masked = new boolean[length][length];
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < length; j++) {
                masked[i][j] = true;                     // strictly above the diagonal
            }
        }
        return masked;
    }

    /**
     * The mask of a key padding flag per key: {@code queries} rows, each a copy of {@code padded}, so a
     * padded key is hidden from every query (its column, not its row).
     *
     * @param padded  {@code padded[j] == true} marks key {@code j} as padding
     * @param keys    how many keys the scores have: {@code padded} must have that length
     * @param queries how many rows the mask has
     * @param name    the argument's name for messages, as the caller knows it ({@code "memoryPadded"})
     * @throws IllegalArgumentException when {@code padded.length != keys}, or when there are queries
     *     and every key is padded (each query would have nothing to attend to)
     */
    public static boolean[][] padding(boolean[] padded, int keys, int queries, String name) {
        if (padded.length != keys) {
            throw new IllegalArgumentException(name + " has length " + padded.length + ", but there are " + keys
                    + " keys: one flag per key");
        }
        boolean anyReal = false;
        for (boolean p : padded) {
            anyReal |= !p;
        }
        if (queries > 0 && !anyReal) {
            throw new IllegalArgumentException(name + " marks all " + keys
                    + " keys as padding: every query would have no key to attend to");
        }
        boolean[][] masked = new boolean[queries][];
        for (int i = 0; i < queries; i++) {
            masked[i] = padded.clone();
        }
        return masked;
    }
}
