package kata.rope;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import kata.support.Matrices;
import kata.support.Tensor;
import kata.support.testing.Generators;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

@Tag("kata-08")
@Order(2)
@DisplayName("08 Rotary position embedding: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RotaryEmbeddingProperties {

    private static final int TENSOR_EXAMPLES = 100;

    /** Positions far enough apart to wrap every fast pair many times, near enough to keep 1e-9. */
    private static final int MAX_POSITION = 1000;

    // ---- the 2x2 rotation -------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("every rotation is orthogonal with determinant 1: R^T R = I, det R = 1")
    void rotationIsOrthogonalWithDeterminantOne() {
        qt().forAll(angles()).checkAssert(a -> {
            Tensor r = RotaryEmbedding.rotation(a);

            assertThatTensor(Matrices.matmul(transpose(r), r)).describedAs("R^T R for angle %s: a rotation keeps "
                    + "lengths and angles, so its columns are orthonormal", a).isCloseTo(Matrices.identity(2));
            assertThatTensor(Tensor.scalar(r.get(0, 0) * r.get(1, 1) - r.get(0, 1) * r.get(1, 0)))
                    .describedAs("det R for angle %s: +1 for a rotation, -1 for a reflection", a)
                    .isCloseTo(Tensor.scalar(1));
        });
    }

    @Test
    @Order(2)
    @DisplayName("rotations compose by adding angles: R(a) R(b) = R(a + b), and R(a)^T = R(-a)")
    void rotationsComposeByAddingAngles() {
        qt().forAll(angles(), angles()).checkAssert((a, b) -> {
            assertThatTensor(Matrices.matmul(RotaryEmbedding.rotation(a), RotaryEmbedding.rotation(b)))
                    .describedAs("R(%s) R(%s): turning by b then by a is turning by a + b", a, b)
                    .isCloseTo(RotaryEmbedding.rotation(a + b));
            assertThatTensor(transpose(RotaryEmbedding.rotation(a))).describedAs("R(%s)^T: the turn back", a)
                    .isCloseTo(RotaryEmbedding.rotation(-a));
        });
    }

    @Test
    @Order(3)
    @DisplayName("the rotation maps (1, 0) to (cos a, sin a) and (0, 1) to (-sin a, cos a)")
    void rotationMapsTheAxesToTheUnitCircle() {
        qt().forAll(angles()).checkAssert(a ->
                assertThatTensor(RotaryEmbedding.rotation(a)).describedAs("R(%s): the columns are the images of the "
                        + "two axes, counter-clockwise", a)
                        .isCloseTo(Tensor.matrix(new double[] {Math.cos(a), -Math.sin(a)},
                                new double[] {Math.sin(a), Math.cos(a)})));
    }

    // ---- rotate -----------------------------------------------------------------------------------

    @Test
    @Order(4)
    @DisplayName("rotate turns pair (2i, 2i+1) of row t by positions[t] * 10000^(-2i/d), for x of any layout")
    void rotateTurnsEveryPairOfAnyLayout() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(rows()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.x(), "positions", c.positions());

            Tensor out = RotaryEmbedding.rotate(c.x(), c.positions());

            inputs.assertUntouched();
            assertThatTensor(out).describedAs("rotate of %s: the definition, pair by pair", c).isCloseTo(byDefinition(c))
                    .doesNotShareStorageWith(c.x()).hasStrides(Tensor.zeros(c.x().shape()).strides());
        });
    }

    @Test
    @Order(5)
    @DisplayName("rotate keeps the length of every pair (2i, 2i+1)")
    void rotateKeepsTheLengthOfEveryPair() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(rows()).checkAssert(c -> {
            Tensor out = RotaryEmbedding.rotate(c.x(), c.positions());

            int[] shape = c.x().shape();
            Tensor before = Tensor.zeros(shape[0], shape[1] / 2);
            Tensor after = Tensor.zeros(shape[0], shape[1] / 2);
            for (int t = 0; t < shape[0]; t++) {
                for (int i = 0; i < shape[1] / 2; i++) {
                    before.set(Math.hypot(c.x().get(t, 2 * i), c.x().get(t, 2 * i + 1)), t, i);
                    after.set(Math.hypot(out.get(t, 2 * i), out.get(t, 2 * i + 1)), t, i);
                }
            }
            assertThatTensor(after).describedAs("the length of each pair of %s, after the turn", c).isCloseTo(before);
        });
    }

    @Test
    @Order(6)
    @DisplayName("turning to p and then to q is turning to p + q; turning to -p undoes turning to p")
    void turnsComposeAndUndo() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(rows(), rows()).checkAssert((c, other) -> {
            int[] later = Arrays.copyOf(other.positions(), c.positions().length);
            int[] sum = new int[later.length];
            int[] back = new int[later.length];
            for (int t = 0; t < later.length; t++) {
                sum[t] = c.positions()[t] + later[t];
                back[t] = -c.positions()[t];
            }

            Tensor turned = RotaryEmbedding.rotate(c.x(), c.positions());

            assertThatTensor(RotaryEmbedding.rotate(turned, later)).describedAs("%s turned again by %s",
                    c, Arrays.toString(later)).isCloseTo(RotaryEmbedding.rotate(c.x(), sum));
            assertThatTensor(RotaryEmbedding.rotate(turned, back)).describedAs("%s turned back by %s", c,
                    Arrays.toString(back)).isCloseTo(c.x());
        });
    }

    // ---- score: phase cancellation ----------------------------------------------------------------

    @Test
    @Order(7)
    @DisplayName("phase cancellation: the score of (q at m, k at n) equals the score at (m + t, n + t)")
    void scoreDependsOnlyOnTheOffset() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(pairs(), positions(), positions(), positions()).checkAssert((p, m, n, t) -> {
            Inputs inputs = Inputs.snapshot("q", p.q(), "k", p.k());

            double score = RotaryEmbedding.score(p.q(), m, p.k(), n);
            double shifted = RotaryEmbedding.score(p.q(), m + t, p.k(), n + t);

            inputs.assertUntouched();
            assertThatTensor(Tensor.scalar(shifted)).describedAs("%s: <R_(m+t) q, R_(n+t) k> for m = %s, n = %s, t = %s "
                    + "against <R_m q, R_n k> = %s", p, m, n, t, score).isCloseTo(Tensor.scalar(score));
        });
    }

    @Test
    @Order(8)
    @DisplayName("the score is the query against the key turned by the offset: <R_m q, R_n k> = <q, R_(n-m) k>")
    void scoreIsTheQueryAgainstTheKeyTurnedByTheOffset() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(pairs(), positions(), positions()).checkAssert((p, m, n) -> {
            int d = p.q().size(0);
            double[] q = new double[d];
            double[] k = new double[d];
            for (int j = 0; j < d; j++) {
                q[j] = p.q().get(j);
                k[j] = p.k().get(j);
            }
            Tensor turnedKey = byDefinition(new Rows(Tensor.of(new int[] {1, d}, k), new int[] {n - m}));
            double expected = 0.0;
            for (int j = 0; j < d; j++) {
                expected += q[j] * turnedKey.get(0, j);
            }

            double score = RotaryEmbedding.score(p.q(), m, p.k(), n);

            assertThatTensor(Tensor.scalar(score)).describedAs("%s at m = %s, n = %s: R_m^T R_n = R_(n-m), so only the "
                    + "key needs turning, by n - m = %s", p, m, n, n - m).isCloseTo(Tensor.scalar(expected));
        });
    }

    @Test
    @Order(9)
    @DisplayName("far along a long context the score still depends only on the offset: (m, n) and (m + 100000, n + 100000)")
    void scoreCancelsALargeShift() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(pairs(), positions(), positions()).checkAssert((p, m, n) -> {
            double score = RotaryEmbedding.score(p.q(), m, p.k(), n);
            double far = RotaryEmbedding.score(p.q(), m + 100_000, p.k(), n + 100_000);

            assertThatTensor(Tensor.scalar(far)).describedAs("%s at m = %s, n = %s, both moved 100000 on: angles of "
                    + "1e5 radians, still computed as pos * theta in double", p, m, n).isCloseTo(Tensor.scalar(score));
        });
    }

    // ---- the oracle: the definition, written out ----------------------------------------------------

    private static Tensor byDefinition(Rows c) {
        int[] shape = c.x().shape();
        Tensor out = Tensor.zeros(shape);
        for (int t = 0; t < shape[0]; t++) {
            for (int i = 0; i < shape[1] / 2; i++) {
                double angle = c.positions()[t] * Math.pow(10000, -2.0 * i / shape[1]);
                double even = c.x().get(t, 2 * i);
                double odd = c.x().get(t, 2 * i + 1);
                out.set(Math.cos(angle) * even - Math.sin(angle) * odd, t, 2 * i);
                out.set(Math.sin(angle) * even + Math.cos(angle) * odd, t, 2 * i + 1);
            }
        }
        return out;
    }

    private static Tensor transpose(Tensor r) {
        return Tensor.matrix(new double[] {r.get(0, 0), r.get(1, 0)}, new double[] {r.get(0, 1), r.get(1, 1)});
    }

    // ---- generated cases ---------------------------------------------------------------------------

    /** A {@code (T, d)} tensor with {@code d} even and a position per row. */
    record Rows(Tensor x, int[] positions) {
        @Override
        public String toString() {
            return "x = " + x + " at positions " + Arrays.toString(positions);
        }
    }

    /** A query and a key of the same even length {@code d}. */
    record QueryAndKey(Tensor q, Tensor k) {
        @Override
        public String toString() {
            return "q = " + q + ", k = " + k;
        }
    }

    private static Gen<Double> angles() {
        return doubles().between(-1000.0, 1000.0);
    }

    private static Gen<Integer> positions() {
        return integers().between(-MAX_POSITION, MAX_POSITION);
    }

    /** (T, d) with T in 0..4 and d in 0, 2, .. 8 (size 0 now and then on either axis), any layout. */
    private static Gen<Rows> rows() {
        return in -> {
            int[] sizes = Generators.shapes(2, 2).generate(in);
            int[] shape = {sizes[0], 2 * sizes[1]};
            int[] where = new int[shape[0]];
            for (int t = 0; t < where.length; t++) {
                where[t] = positions().generate(in);
            }
            return new Rows(layout(shape, in), where);
        };
    }

    /** q and k of shape (d), d in 0, 2, .. 8, each in its own layout. */
    private static Gen<QueryAndKey> pairs() {
        return in -> {
            int[] d = {2 * Generators.shapes(1, 1).generate(in)[0]};
            return new QueryAndKey(layout(d, in), layout(d, in));
        };
    }

    private static Tensor layout(int[] shape, RandomnessSource in) {
        return Generators.anyLayouts(ignored -> shape).generate(in);
    }
}
