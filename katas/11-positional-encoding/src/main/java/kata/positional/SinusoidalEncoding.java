package kata.positional;

import kata.support.Tensor;

/**
 * The sinusoidal positional table of "Attention Is All You Need".
 *
 * <p>Position {@code pos} gets a vector of {@code d} numbers, made of {@code d / 2} pairs. Pair
 * {@code i} (columns {@code 2i} and {@code 2i + 1}) turns at its own angular frequency
 * {@code w_i = 1 / 10000^(2i / d)}, in radians per position:
 * <pre>
 *   PE(pos, 2i)     = sin(pos * w_i)
 *   PE(pos, 2i + 1) = cos(pos * w_i)          for pos in [0, maxLen), i in [0, d / 2)
 * </pre>
 * Pair 0 turns once every 2 pi positions; the last pair about 10000 times more slowly.
 * Positions count from 0: row 0 is {@code [0, 1, 0, 1, ...]}.
 */
public final class SinusoidalEncoding {

    private SinusoidalEncoding() {
    }

    /**
     * The table of the first {@code maxLen} positions.
     *
     * @param maxLen how many positions, at least 0 ({@code 0} gives an empty table of shape {@code (0, d)})
     * @param d      the model dimension, even and at least 0 ({@code 0} gives shape {@code (maxLen, 0)})
     * @return a fresh row-major tensor of shape {@code (maxLen, d)}, row {@code pos} the vector of
     *     position {@code pos}
     * @throws IllegalArgumentException when {@code maxLen < 0}, or when {@code d} is odd or negative (sin
     *     and cos come in pairs); the message names the argument and its value
     */
    public static Tensor table(int maxLen, int d) {
        throw new UnsupportedOperationException("TODO(11): fill in sin(pos w_i) and cos(pos w_i)");
    }

    /**
     * The matrix {@code M_t} that moves any row of the table forward by {@code t} positions:
     * {@code PE_{pos+t} = M_t PE_pos} for every {@code pos}, with {@code PE_pos} read as a column.
     *
     * <p>{@code M_t} is block-diagonal: zero outside the 2 x 2 blocks on the diagonal, and block
     * {@code i} (rows and columns {@code 2i, 2i + 1}) is the rotation by the angle {@code t * w_i}
     * that the angle-addition formulas give for a pair {@code (sin a, cos a)}:
     * <pre>
     *   sin(a + b) = sin a cos b + cos a sin b
     *   cos(a + b) = cos a cos b - sin a sin b        with a = pos * w_i, b = t * w_i
     * </pre>
     * It depends on {@code t} and {@code d} only, never on {@code pos}: this is how an absolute
     * encoding carries relative positions.
     *
     * @param t how many positions to move forward (any int; a negative {@code t} moves back)
     * @param d the model dimension, even and at least 0
     * @return a fresh row-major tensor of shape {@code (d, d)}
     * @throws IllegalArgumentException when {@code d} is odd or negative (the message names {@code d} and
     *     its value)
     */
    public static Tensor shift(int t, int d) {
        throw new UnsupportedOperationException("TODO(11): one 2 x 2 rotation block per pair");
    }
}
