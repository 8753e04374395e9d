package kata.positional;

import kata.support.Tensor;

/**
 * The sinusoidal positional table of "Attention Is All You Need".
 *
 * <p>Position {@code pos} gets a vector of {@code d} numbers, made of {@code d / 2} pairs. Pair
 * {@code i} (columns {@code 2i} and {@code 2i + 1}) turns at its own angular frequency
 * {@code w_i = 1 / 10000^(2i / d)}, in radians per position.
 */
public final class SinusoidalEncoding {

    private SinusoidalEncoding() {
    }

    public static Tensor table(int maxLen, int d) {
        if (maxLen < 0) {
            throw new IllegalArgumentException("maxLen must be at least 0, was " + maxLen);
        }
        requireEvenDimension(d);
        Tensor out = Tensor.zeros(maxLen, d);
        for (int pos = 0; pos < maxLen; pos++) {
            for (int i = 0; i < d / 2; i++) {
                double angle = pos * frequency(i, d);
                out.set(Math.sin(angle), pos, 2 * i);
                out.set(Math.cos(angle), pos, 2 * i + 1);
            }
        }
        return out;
    }

    public static Tensor shift(int t, int d) {
        requireEvenDimension(d);
        Tensor m = Tensor.zeros(d, d);
        for (int i = 0; i < d / 2; i++) {
            double b = t * frequency(i, d);
            double cos = Math.cos(b);
            double sin = Math.sin(b);
            m.set(cos, 2 * i, 2 * i);
            m.set(sin, 2 * i, 2 * i + 1);
            m.set(-sin, 2 * i + 1, 2 * i);
            m.set(cos, 2 * i + 1, 2 * i + 1);
        }
        return m;
    }

    /** w_i = 1 / 10000^(2i / d), i the pair index. */
    private static double frequency(int pair, int d) {
        return 1.0 / Math.pow(10000.0, 2.0 * pair / d);
    }

    private static void requireEvenDimension(int d) {
        if (d < 0 || d % 2 != 0) {
            throw new IllegalArgumentException("d must be even and at least 0, was " + d);
        }
    }
}
