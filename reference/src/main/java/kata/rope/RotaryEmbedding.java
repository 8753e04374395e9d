package kata.rope;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Rotary position embedding (RoPE, RoFormer): row {@code t} of a {@code (T, d)} tensor, at position
 * {@code pos_t}, has each pair of features {@code (2i, 2i+1)} turned by the angle
 * {@code pos_t * theta_i}, with {@code theta_i = 10000^(-2i/d)}. Because rotations compose by adding
 * angles, the score of a rotated query and key depends only on how far apart they are:
 * {@code <R_m q, R_n k> = <q, R_(n-m) k>}.
 *
 * <p>Everything is built from {@link #rotation}: {@link #rotate} applies it pair by pair, and
 * {@link #score} rotates both sides (through {@link #rotate}) and takes the dot product.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>the rotate-half pairing {@code (i, i + d/2)} presented as the interleaved one:
 *       {@code RotaryEmbeddingSpec#pairsAreAdjacentFeatures},
 *       {@code RotaryEmbeddingSpec#rotateMatchesPyTorchGoldenValues};</li>
 *   <li>a frequency without the {@code 2i/d} exponent ({@code 10000^(-i)}), or with it computed in
 *       integers ({@code -2 * i / d} is 0): {@code RotaryEmbeddingSpec#frequenciesOfD6},
 *       {@code RotaryEmbeddingSpec#rotateMatchesPyTorchGoldenValues};</li>
 *   <li>cosine and sine swapped, or the sine's sign, in the rotation:
 *       {@code RotaryEmbeddingSpec#rotationByAQuarterTurn},
 *       {@code RotaryEmbeddingSpec#rotationOfAThirdOfATurn};</li>
 *   <li>rotating only the query: {@code RotaryEmbeddingProperties#scoreDependsOnlyOnTheOffset},
 *       {@code RotaryEmbeddingSpec#scoreMatchesPyTorchGoldenValue};</li>
 *   <li>turning row {@code t} by its row index instead of its position {@code pos_t}:
 *       {@code RotaryEmbeddingSpec#eachRowTurnsByItsOwnPosition};</li>
 *   <li>turning every pair by the pair index {@code i} instead of the position:
 *       {@code RotaryEmbeddingSpec#positionZeroIsTheIdentity};</li>
 *   <li>leaving the last feature of an odd {@code d} unrotated instead of refusing:
 *       {@code RotaryEmbeddingSpec#anOddDIsRejected};</li>
 *   <li>reading {@code storage()} as if every tensor were row-major:
 *       {@code RotaryEmbeddingSpec#rotateReadsAViewThroughItsStrides},
 *       {@code RotaryEmbeddingProperties#rotateTurnsEveryPairOfAnyLayout};</li>
 *   <li>rotating in place, or returning {@code x} itself when nothing turns:
 *       {@code RotaryEmbeddingSpec#positionZeroIsTheIdentity},
 *       {@code RotaryEmbeddingProperties#rotateTurnsEveryPairOfAnyLayout};</li>
 *   <li>scaling the score by {@code 1/sqrt(d)} (attention's job, not this one's):
 *       {@code RotaryEmbeddingSpec#scoreOfAlignedVectorsAtTheSamePosition};</li>
 *   <li>checking only that q and k have the same {@code size(0)}, so a {@code (d, 1)} column passes
 *       as a vector: {@code RotaryEmbeddingSpec#scoreRejectsNonVectors}.</li>
 * </ul>
 *
 * <p>Each of these has a known-wrong implementation under {@code reference/known-wrong/08-rope/}.
 */
public final class RotaryEmbedding {

    /** The base of the frequencies, {@code theta_i = BASE^(-2i/d)}, as in RoFormer and the Transformer. */
    public static final double BASE = 10000.0;

    private RotaryEmbedding() {
    }

    /** The 2x2 rotation by {@code angle} radians, counter-clockwise: {@code [[cos, -sin], [sin, cos]]}. */
    public static Tensor rotation(double angle) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return Tensor.matrix(new double[] {cos, -sin}, new double[] {sin, cos}); // (2, 2)
    }

    /** {@code theta_i = 10000^(-2i/d)}: pair 0 turns by 1 radian per position, the last pair slowest. */
    public static double frequency(int pair, int dim) {
        if (dim <= 0 || dim % 2 != 0) {
            throw new IllegalArgumentException("d = " + dim + ": RoPE rotates pairs of features (2i, 2i+1),"
                    + " so d must be positive and even");
        }
        if (pair < 0 || pair >= dim / 2) {
            throw new IllegalArgumentException("pair " + pair + " is out of range [0, " + dim / 2 + ") for d = "
                    + dim);
        }
        return Math.pow(BASE, -2.0 * pair / dim); // 2.0, not 2: an int -2 * i / d is 0 for every pair
    }

    /** Row {@code t} of {@code x}, pair {@code (2i, 2i+1)}, turned by {@code R(positions[t] * theta_i)}. */
    public static Tensor rotate(Tensor x, int[] positions) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("x must be (T, d), but has shape " + Arrays.toString(x.shape()));
        }
        int seqLen = x.size(0);
        int dim = x.size(1);
        requireEven("x", x, dim);
        if (positions.length != seqLen) {
            throw new IllegalArgumentException("positions has " + positions.length + " entries, but x has shape "
                    + Arrays.toString(x.shape()) + ": one position per row");
        }
        Tensor out = Tensor.zeros(seqLen, dim); // (T, d), fresh even where every angle is 0
        for (int t = 0; t < seqLen; t++) {
            for (int pair = 0; pair < dim / 2; pair++) {
                // The position of the row, not the row index t: a slice of a longer sequence starts later.
                Tensor turn = rotation(positions[t] * frequency(pair, dim)); // (2, 2)
                double even = x.get(t, 2 * pair);                       // interleaved: features 2i and 2i+1
                double odd = x.get(t, 2 * pair + 1);
                out.set(turn.get(0, 0) * even + turn.get(0, 1) * odd, t, 2 * pair);
                out.set(turn.get(1, 0) * even + turn.get(1, 1) * odd, t, 2 * pair + 1);
            }
        }
        return out;
    }

    /** {@code <R_m q, R_n k>}: both vectors rotated, the query at {@code m} and the key at {@code n}, unscaled. */
    public static double score(Tensor q, int m, Tensor k, int n) {
        requireVector("q", q);
        requireVector("k", k);
        if (q.size(0) != k.size(0)) {
            throw new IllegalArgumentException("q has shape " + Arrays.toString(q.shape()) + " and k has shape "
                    + Arrays.toString(k.shape()) + ": a query and a key need the same d");
        }
        requireEven("q", q, q.size(0));
        Tensor rotatedQuery = rotate(asRow(q), new int[] {m}); // (1, d)
        Tensor rotatedKey = rotate(asRow(k), new int[] {n});   // (1, d): rotating only q loses the cancellation
        double dot = 0.0;
        for (int j = 0; j < q.size(0); j++) {
            dot += rotatedQuery.get(0, j) * rotatedKey.get(0, j);
        }
        return dot;
    }

    /** The vector {@code (d)} seen as one row {@code (1, d)}: a view on its storage, any layout. */
    private static Tensor asRow(Tensor v) {
        return Tensor.strided(v.storage(), new int[] {1, v.size(0)}, new int[] {0, v.strides()[0]}, v.offset());
    }

    private static void requireVector(String name, Tensor v) {
        if (v.rank() != 1) {
            throw new IllegalArgumentException(name + " must be a vector (d), but has shape "
                    + Arrays.toString(v.shape()));
        }
    }

    private static void requireEven(String name, Tensor t, int dim) {
        if (dim % 2 != 0) {
            throw new IllegalArgumentException(name + " has shape " + Arrays.toString(t.shape()) + ": d = " + dim
                    + " is odd, but RoPE rotates pairs of features (2i, 2i+1), so d must be even");
        }
    }
}
