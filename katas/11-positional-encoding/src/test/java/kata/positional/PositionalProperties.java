package kata.positional;

import static kata.positional.PositionalSpec.column;
import static kata.positional.PositionalSpec.row;
import static kata.support.testing.Generators.anyLayouts;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import kata.support.Matrices;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Indices;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-11")
@Order(2)
@DisplayName("11 Positional encoding: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PositionalProperties {

    private static final int MAX_PAIRS = 8;
    private static final int MAX_POSITION = 200;

    @Test
    @Order(1)
    @DisplayName("every row of the table has squared norm d / 2")
    void everyRowHasSquaredNormHalfD() {
        qt().forAll(positions(), dimensions()).checkAssert((pos, d) -> {
            Tensor pe = row(SinusoidalEncoding.table(pos + 1, d), pos);

            assertThat(dot(pe, pe)).describedAs("|PE_%d|^2 for d = %d: each pair is (sin a, cos a), and"
                    + " sin^2 a + cos^2 a = 1, so d / 2 pairs give d / 2", pos, d)
                    .isCloseTo(d / 2.0, offset(Tolerance.DEFAULT * d));
        });
    }

    @Test
    @Order(2)
    @DisplayName("PE_i . PE_j depends only on j - i: it equals the sum over pairs of cos((j - i) w_k)")
    void dotProductDependsOnlyOnTheOffset() {
        qt().forAll(positions(), positions(), positions(), dimensions()).checkAssert((i, j, t, d) -> {
            Tensor table = SinusoidalEncoding.table(MAX_POSITION * 2 + 1, d);

            double here = dot(row(table, i), row(table, j));
            double later = dot(row(table, i + t), row(table, j + t));

            assertThat(here).describedAs("PE_%d . PE_%d for d = %d: sin a sin b + cos a cos b = cos(a - b) in each"
                    + " pair, so the dot product is the sum of cos((%d) w_k)", i, j, d, j - i)
                    .isCloseTo(sumOfCosines(j - i, d), offset(Tolerance.DEFAULT * d));
            assertThat(later).describedAs("PE_%d . PE_%d, both moved by t = %d: the same offset, the same dot"
                    + " product", i + t, j + t, t).isCloseTo(here, offset(Tolerance.DEFAULT * d));
        });
    }

    @Test
    @Order(3)
    @DisplayName("shift(t, d) moves every row forward by t: M_t PE_pos = PE_{pos+t}, for t of either sign")
    void shiftMovesEveryRowForwardByT() {
        qt().forAll(positions(), integers().between(-MAX_POSITION, MAX_POSITION), dimensions())
                .assuming((pos, t, d) -> pos + t >= 0).checkAssert((pos, t, d) -> {
                    Tensor table = SinusoidalEncoding.table(MAX_POSITION * 2 + 1, d);

                    Tensor moved = Matrices.matmul(SinusoidalEncoding.shift(t, d), column(row(table, pos)));

                    assertThatTensor(moved).describedAs("M_%d PE_%d for d = %d, as a column: it must be PE_%d",
                            t, pos, d, pos + t).isCloseTo(column(row(table, pos + t)));
                });
    }

    @Test
    @Order(4)
    @DisplayName("shift(t, d) is block-diagonal, each block a rotation [[c, s], [-s, c]] with c^2 + s^2 = 1")
    void shiftIsABlockDiagonalRotation() {
        qt().forAll(integers().between(-MAX_POSITION, MAX_POSITION), dimensions()).checkAssert((t, d) -> {
            Tensor rotation = SinusoidalEncoding.shift(t, d);

            assertThatTensor(rotation).describedAs("M_%d for d = %d", t, d).hasShape(d, d)
                    .hasStrides(Tensor.zeros(d, d).strides());
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    if (r / 2 != c / 2) {
                        assertThat(rotation.get(r, c)).describedAs("M_%d[%d, %d] for d = %d lies outside the 2 x 2"
                                + " blocks: a pair never mixes with another pair", t, r, c, d).isZero();
                    }
                }
            }
            for (int k = 0; k < d; k += 2) {
                double cos = rotation.get(k, k);
                double sin = rotation.get(k, k + 1);
                assertThat(new double[] {rotation.get(k + 1, k), rotation.get(k + 1, k + 1), cos * cos + sin * sin})
                        .describedAs("block %d of M_%d for d = %d: [[c, s], [-s, c]] with c^2 + s^2 = 1", k / 2, t, d)
                        .containsExactly(new double[] {-sin, cos, 1.0}, offset(1e-12));
            }
        });
    }

    @Test
    @Order(5)
    @DisplayName("wavelengths grow from 2 pi (columns 0, 1) to almost 10000 * 2 pi (the last pair)")
    void wavelengthsGrowFromTwoPiToTenThousandTimesTwoPi() {
        qt().forAll(dimensions()).assuming(d -> d > 0).checkAssert(d -> {
            Tensor table = SinusoidalEncoding.table(2, d);

            double previous = 0;
            for (int i = 0; i < d / 2; i++) {
                double frequency = Math.atan2(table.get(1, 2 * i), table.get(1, 2 * i + 1)); // the angle of pos 1
                double wavelength = 2 * Math.PI / frequency;
                double expected = 2 * Math.PI * Math.pow(10000, 2.0 * i / d);
                assertThat(wavelength).describedAs("the wavelength of pair %d for d = %d, 2 pi / w_%d: it is 2 pi *"
                        + " 10000^(2i/d), from 2 pi to below 10000 * 2 pi, longer for every later pair (low"
                        + " dimensions turn fast, high ones slowly)", i, d, i)
                        .isCloseTo(expected, offset(Tolerance.GOLDEN * expected)).isGreaterThan(previous)
                        .isLessThan(10000 * 2 * Math.PI);
                previous = wavelength;
            }
        });
    }

    @Test
    @Order(6)
    @DisplayName("embed picks row ids[t] times sqrt(d) from a table of any layout and leaves it alone")
    void embedPicksRowIdScaledBySqrtD() {
        qt().withExamples(100).forAll(lookups()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("table", c.table(), "ids", c.ids());

            Tensor out = new TokenEmbedding(c.table()).embed(c.ids());

            inputs.assertUntouched();
            assertThatTensor(out).describedAs("embed of %s: out[t, j] = sqrt(d) * table[ids[t], j]", c)
                    .isCloseTo(expectedEmbedding(c)).doesNotShareStorageWith(c.table())
                    .hasStrides(Tensor.zeros(c.ids().length, c.table().size(1)).strides());
        });
    }

    @Test
    @Order(7)
    @DisplayName("encode adds positions[t] to the embedding of token t, for tables and positions of any layout")
    void encodeAddsPositionRowT() {
        qt().withExamples(100).forAll(encodings()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("table", c.lookup().table(), "positions", c.positions(),
                    "ids", c.lookup().ids());
            Tensor expected = expectedEmbedding(c.lookup());
            for (int[] index : Indices.of(expected.shape())) {
                expected.set(expected.get(index) + c.positions().get(index), index);
            }

            Tensor out = new TokenEmbedding(c.lookup().table()).encode(c.positions(), c.lookup().ids());

            inputs.assertUntouched();
            assertThatTensor(out).describedAs("encode of %s: token t gets positions row t", c).isCloseTo(expected)
                    .doesNotShareStorageWith(c.positions()).doesNotShareStorageWith(c.lookup().table());
        });
    }

    // ---- oracles ----------------------------------------------------------------------------------

    private static double dot(Tensor a, Tensor b) {
        double sum = 0;
        for (int k = 0; k < a.size(0); k++) {
            sum += a.get(k) * b.get(k);
        }
        return sum;
    }

    /** {@code sum over pairs k of cos(offset * w_k)}, with {@code w_k = 10000^(-2k/d)}. */
    private static double sumOfCosines(int offset, int d) {
        double sum = 0;
        for (int k = 0; k < d / 2; k++) {
            sum += Math.cos(offset * Math.pow(10000, -2.0 * k / d));
        }
        return sum;
    }

    private static Tensor expectedEmbedding(Lookup c) {
        int d = c.table().size(1);
        Tensor expected = Tensor.zeros(c.ids().length, d);
        for (int t = 0; t < c.ids().length; t++) {
            for (int j = 0; j < d; j++) {
                expected.set(Math.sqrt(d) * c.table().get(c.ids()[t], j), t, j);
            }
        }
        return expected;
    }

    // ---- generated cases ----------------------------------------------------------------------------

    /** A table {@code (V, d)} and ids in {@code [0, V)}. */
    record Lookup(Tensor table, int[] ids) {
        @Override
        public String toString() {
            return "table " + table + ", ids " + Arrays.toString(ids);
        }
    }

    /** A lookup and a positional table {@code (maxLen, d)} with {@code maxLen >= T}. */
    record Encoding(Lookup lookup, Tensor positions) {
        @Override
        public String toString() {
            return lookup + ", positions " + positions;
        }
    }

    private static Gen<Integer> positions() {
        return integers().between(0, MAX_POSITION);
    }

    /** Even model dimensions 0 to 16. */
    private static Gen<Integer> dimensions() {
        return integers().between(0, MAX_PAIRS).map(pairs -> 2 * pairs);
    }

    /** Tables never empty (an id needs a row), ids 0 to 5 of them, repeats likely. */
    private static Gen<Lookup> lookups() {
        return in -> {
            int vocab = integers().between(1, 4).generate(in);
            int d = integers().between(1, 5).generate(in);
            Tensor table = anyLayouts(ignored -> new int[] {vocab, d}).generate(in);
            int[] ids = new int[integers().between(0, 5).generate(in)];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = integers().between(0, vocab - 1).generate(in);
            }
            return new Lookup(table, ids);
        };
    }

    private static Gen<Encoding> encodings() {
        return in -> {
            Lookup lookup = lookups().generate(in);
            int maxLen = lookup.ids().length + integers().between(0, 2).generate(in);
            int d = lookup.table().size(1);
            return new Encoding(lookup, anyLayouts(ignored -> new int[] {maxLen, d}).generate(in));
        };
    }
}
