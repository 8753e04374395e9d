package kata.positional;

import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The sinusoidal positional table of "Attention Is All You Need" and the rotation that moves it
 * along by {@code t} positions.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/11-positional-encoding/}.
 */
public final class SinusoidalEncoding {

    private static final double BASE = 10000.0;

    private SinusoidalEncoding() {
    }

    /** {@code PE(pos, 2i) = sin(pos w_i)}, {@code PE(pos, 2i + 1) = cos(pos w_i)}: {@code (maxLen, d)}. */
    public static Tensor table(int maxLen, int d) {
        Shapes.requireAtLeast(maxLen, 0, "maxLen");
        requireEvenDimension(d);
        Tensor table = Tensor.zeros(maxLen, d); // (maxLen, d)
        for (int pos = 0; pos < maxLen; pos++) {
            for (int pair = 0; pair < d / 2; pair++) {
                double angle = pos * frequency(pair, d); // radians: Math.sin never takes degrees
                table.set(Math.sin(angle), pos, 2 * pair);
                table.set(Math.cos(angle), pos, 2 * pair + 1);
            }
        }
        return table;
    }

    /** {@code M_t}: a 2 x 2 rotation by {@code t w_i} on each pair, so that {@code PE_{pos+t} = M_t PE_pos}. */
    public static Tensor shift(int t, int d) {
        requireEvenDimension(d);
        Tensor rotation = Tensor.zeros(d, d); // (d, d), zero outside the 2 x 2 blocks
        for (int pair = 0; pair < d / 2; pair++) {
            double angle = t * frequency(pair, d);
            int sin = 2 * pair;
            int cos = sin + 1;
            // sin(a + b) = sin a cos b + cos a sin b; cos(a + b) = cos a cos b - sin a sin b
            rotation.set(Math.cos(angle), sin, sin);
            rotation.set(Math.sin(angle), sin, cos);
            rotation.set(-Math.sin(angle), cos, sin);
            rotation.set(Math.cos(angle), cos, cos);
        }
        return rotation;
    }

    /** {@code w_i = 1 / 10000^(2i / d)}: the exponent counts pairs, in floating point. */
    private static double frequency(int pair, int d) {
        return 1.0 / Math.pow(BASE, 2.0 * pair / d);
    }

    private static void requireEvenDimension(int d) {
        Shapes.requireAtLeast(d, 0, "d");
        if (d % 2 != 0) {
            throw new IllegalArgumentException("d must be even (sin and cos come in pairs), was " + d);
        }
    }
}
