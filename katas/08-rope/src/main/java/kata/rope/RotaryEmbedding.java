package kata.rope;

import kata.support.Tensor;

/**
 * Rotary position embedding (RoPE, from RoFormer): instead of adding a position vector to a token,
 * turn the token's features by an angle that grows with its position.
 *
 * <p>The features of a row are split into {@code d/2} pairs, and pair {@code i} turns at its own
 * speed {@code theta_i}:
 * <pre>
 *   R(a) = [[cos a, -sin a],          the 2x2 rotation by a radians, counter-clockwise
 *           [sin a,  cos a]]
 *
 *   theta_i = 10000^(-2i/d)           i = 0 .. d/2 - 1: pair 0 turns 1 radian per position,
 *                                      the last pair about 10000 times slower
 *
 *   [out[t, 2i]    ]                       [x[t, 2i]    ]
 *   [out[t, 2i + 1]] = R(pos_t * theta_i)  [x[t, 2i + 1]]      for every row t and pair i
 * </pre>
 * so that the query at position {@code m} and the key at position {@code n} score
 * {@code <R_m q, R_n k> = <q, R_(n-m) k>}: the positions cancel down to their offset {@code n - m}.
 *
 * <p>Conventions the specs hold you to:
 * <ul>
 *   <li>the <em>interleaved</em> pairing of RoFormer: pair {@code i} is features {@code (2i, 2i+1)},
 *       side by side. (Another layout, "rotate-half", pairs {@code i} with {@code i + d/2}; it is a
 *       different convention, not the one asked for here.)</li>
 *   <li>base {@link #BASE} = 10000 and the exponent {@code -2i/d} computed in {@code double};</li>
 *   <li>row {@code t} turns by its position {@code positions[t]}, which need not be {@code t} (the
 *       rows may be a later stretch of a sequence); a position is any {@code int}, a negative one
 *       turns the other way ({@code R(-a) = R(a)^T});</li>
 *   <li>inputs may be any layout (strides, offset, stride-0 broadcast views): read them with
 *       {@link Tensor#get}; they are never modified, neither tensors nor the {@code positions} array;</li>
 *   <li>every error is an {@link IllegalArgumentException} naming the argument and its shape as
 *       {@link java.util.Arrays#toString(int[])} prints it.</li>
 * </ul>
 */
public final class RotaryEmbedding {

    /** The base of the frequencies, {@code theta_i = BASE^(-2i/d)}, as in RoFormer and the Transformer. */
    public static final double BASE = 10000.0;

    private RotaryEmbedding() {
    }

    /**
     * The 2x2 rotation by {@code angle} radians, counter-clockwise:
     * {@code [[cos angle, -sin angle], [sin angle, cos angle]]}. It maps {@code (1, 0)} to
     * {@code (cos angle, sin angle)}.
     *
     * @return a fresh row-major tensor of shape {@code (2, 2)}
     */
    public static Tensor rotation(double angle) {
        throw new UnsupportedOperationException("TODO(08): the 2x2 rotation matrix of angle");
    }

    /**
     * The speed of pair {@code i} in radians per position: {@code theta_i = 10000^(-2i/d)}.
     *
     * @param pair the pair index {@code i}, in {@code [0, d/2)}
     * @param dim  the feature size {@code d}, positive and even
     * @throws IllegalArgumentException when {@code dim} is not positive and even (the message names
     *     {@code d = <dim>} and says that it must be even), or when {@code pair} is outside
     *     {@code [0, d/2)} (the message names {@code pair <pair>} and that range, e.g. {@code [0, 3)})
     */
    public static double frequency(int pair, int dim) {
        throw new UnsupportedOperationException("TODO(08): theta_i = 10000^(-2i/d)");
    }

    /**
     * RoPE applied to every row of {@code x}: pair {@code (2i, 2i+1)} of row {@code t} turned by
     * {@code R(positions[t] * theta_i)}. An empty {@code x} gives an empty result: {@code (0, d)}
     * with no positions, and {@code (T, 0)} has no pairs to turn.
     *
     * @param x         shape {@code (T, d)} with {@code d} even, any layout; not modified
     * @param positions the position of each row, length {@code T}, any ints; not modified
     * @return a fresh row-major tensor of shape {@code (T, d)}, sharing no storage with {@code x}, also
     *     when every position is 0
     * @throws IllegalArgumentException when {@code x} is not of rank 2 or its {@code d} is odd (the
     *     message names {@code x}'s shape), or when {@code positions} does not have one entry per row
     *     (the message names {@code positions} and {@code x}'s shape)
     */
    public static Tensor rotate(Tensor x, int[] positions) {
        throw new UnsupportedOperationException("TODO(08): turn each pair (2i, 2i+1) of row t by positions[t] * theta_i");
    }

    /**
     * The attention score of query {@code q} at position {@code m} and key {@code k} at position
     * {@code n}, both rotated: {@code <R_m q, R_n k> = sum_j (R_m q)_j (R_n k)_j}, not scaled (the
     * {@code 1/sqrt(d)} of attention is applied elsewhere). It depends on {@code m} and {@code n}
     * only through {@code n - m}. With {@code d = 0} it is the empty sum, 0.
     *
     * @param q a query vector, shape {@code (d)} with {@code d} even, any layout; not modified
     * @param k a key vector of the same shape, any layout; not modified
     * @throws IllegalArgumentException when {@code q} or {@code k} is not a vector (the message names
     *     that argument and its shape), when their shapes differ (the message names both), or when
     *     {@code d} is odd (the message names the shape)
     */
    public static double score(Tensor q, int m, Tensor k, int n) {
        throw new UnsupportedOperationException("TODO(08): rotate q to m and k to n, then take their dot product");
    }
}
