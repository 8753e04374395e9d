package kata.positional;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.function.DoubleUnaryOperator;
import kata.support.Matrices;
import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-11")
@Order(1)
@DisplayName("11 Positional encoding: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PositionalSpec {

    // ---- SinusoidalEncoding.table ---------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("row 0 of the table is [0, 1, 0, 1, 0, 1]: sin 0 on the even columns, cos 0 on the odd ones")
    void rowZeroIsZeroOneZeroOne() {
        Tensor table = SinusoidalEncoding.table(1, 6);

        assertThatTensor(table).describedAs("position 0 has angle 0 in every pair: sin 0 = 0 at columns 0, 2, 4 and"
                + " cos 0 = 1 at columns 1, 3, 5 (positions count from 0, and sin comes first)")
                .isCloseTo(Tensor.matrix(new double[] {0, 1, 0, 1, 0, 1}));
    }

    @Test
    @Order(2)
    @DisplayName("for d = 2 row pos is [sin pos, cos pos], with the angle in radians")
    void pairZeroTurnsOneRadianPerPosition() {
        Tensor table = SinusoidalEncoding.table(3, 2);

        assertThatTensor(table).describedAs("pair 0 has w_0 = 1 / 10000^0 = 1 radian per position, so row pos is"
                + " [sin(pos), cos(pos)]; Math.sin takes radians (sin 1 = 0.841), not degrees (sin 1 degree = 0.017)")
                .isCloseTo(Tensor.matrix(new double[] {0, 1}, new double[] {Math.sin(1), Math.cos(1)},
                        new double[] {Math.sin(2), Math.cos(2)}));
    }

    /** Golden: GoldenEncoding.TABLE_T4_D6, PyTorch float64 (golden/generate.py); CONCEPTS rows PE[0], PE[1]. */
    @Test
    @Order(3)
    @DisplayName("the table for d = 6 matches PyTorch: PE[1] = [0.84147098, 0.54030231, 0.04639922, 0.99892298, ...]")
    void goldenRowsForDSix() {
        Tensor table = SinusoidalEncoding.table(4, 6);

        assertThatTensor(table).describedAs("PE(pos, 2i) = sin(pos / 10000^(2i/6)), PE(pos, 2i + 1) = cos(the same"
                + " angle): the exponent counts PAIRS i = 0, 1, 2 (not columns), in floating point, with a minus"
                + " sign (the frequencies fall from 1 to 10000^(-4/6))")
                .isCloseTo(Tensor.of(new int[] {4, 6}, GoldenEncoding.TABLE_T4_D6), Tolerance.FRAMEWORK);
    }

    /** Golden: GoldenEncoding.ROW_10000_D8 and ROW_2047_D64, PyTorch float64 (golden/generate.py). */
    @Test
    @Order(4)
    @DisplayName("far rows match PyTorch too: row 10000 for d = 8 and row 2047 for d = 64")
    void farRowsMatchPyTorch() {
        Tensor long8 = SinusoidalEncoding.table(10001, 8);
        Tensor long64 = SinusoidalEncoding.table(2048, 64);

        assertThatTensor(row(long8, 10000)).describedAs("row 10000 for d = 8: angles up to 10000 radians, computed"
                + " directly as pos * w_i (a running sum in float is off by up to 0.1 radian here)")
                .isCloseTo(Tensor.of(new int[] {8}, GoldenEncoding.ROW_10000_D8), Tolerance.FRAMEWORK);
        assertThatTensor(row(long64, 2047)).describedAs("row 2047 for d = 64, the last row of a 2048-row table")
                .isCloseTo(Tensor.of(new int[] {64}, GoldenEncoding.ROW_2047_D64), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(5)
    @DisplayName("the table is a fresh row-major (maxLen, d) tensor")
    void tableIsAFreshRowMajorTensor() {
        Tensor table = SinusoidalEncoding.table(3, 4);

        assertThatTensor(table).describedAs("one row per position, one column per dimension").hasShape(3, 4)
                .hasStrides(4, 1);
    }

    @Test
    @Order(6)
    @DisplayName("every call of table gives a new tensor: writing into one leaves the next table of that size as it was")
    void everyTableIsANewTensor() {
        Tensor first = SinusoidalEncoding.table(3, 4);
        first.set(42, 1, 2);

        Tensor second = SinusoidalEncoding.table(3, 4);

        assertThatTensor(second).describedAs("the table of a size never changes, but a cached one that a caller wrote"
                + " into (42 at row 1, column 2) would change every later table: each call returns a fresh tensor")
                .doesNotShareStorageWith(first).isCloseTo(Tensor.matrix(new double[] {0, 1, 0, 1},
                        new double[] {Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01)},
                        new double[] {Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)}));
    }

    @Test
    @Order(7)
    @DisplayName("maxLen = 0 gives an empty (0, d) table and d = 0 an empty (maxLen, 0) one")
    void emptyTables() {
        Tensor noPositions = SinusoidalEncoding.table(0, 4);
        Tensor noDimensions = SinusoidalEncoding.table(3, 0);

        assertThatTensor(noPositions).describedAs("no position: no row").hasShape(0, 4);
        assertThatTensor(noDimensions).describedAs("no pair: three rows of nothing").hasShape(3, 0);
    }

    @Test
    @Order(8)
    @DisplayName("an odd d is rejected by table and by shift, the message naming d and its value")
    void anOddDIsRejected() {
        assertThatIllegalArgumentException().describedAs("d = 5 leaves the last pair without its cos column")
                .isThrownBy(() -> SinusoidalEncoding.table(4, 5)).withMessageMatching(naming("d", 5));
        assertThatIllegalArgumentException().describedAs("M_t has one 2 x 2 block per pair: d = 5 has none for the"
                + " last column").isThrownBy(() -> SinusoidalEncoding.shift(1, 5)).withMessageMatching(naming("d", 5));
    }

    @Test
    @Order(9)
    @DisplayName("a negative d or maxLen is rejected, the message naming it")
    void negativeSizesAreRejected() {
        assertThatIllegalArgumentException().describedAs("d = -2 is even but not a size")
                .isThrownBy(() -> SinusoidalEncoding.table(4, -2)).withMessageMatching(naming("d", -2));
        assertThatIllegalArgumentException().describedAs("shift with d = -2")
                .isThrownBy(() -> SinusoidalEncoding.shift(1, -2)).withMessageMatching(naming("d", -2));
        assertThatIllegalArgumentException().describedAs("maxLen = -1 positions")
                .isThrownBy(() -> SinusoidalEncoding.table(-1, 4)).withMessageMatching(naming("maxLen", -1));
    }

    // ---- SinusoidalEncoding.shift ---------------------------------------------------------------

    @Test
    @Order(10)
    @DisplayName("shift(0, d) is the identity: moving by 0 positions changes nothing")
    void shiftByZeroIsTheIdentity() {
        Tensor rotation = SinusoidalEncoding.shift(0, 4);

        assertThatTensor(rotation).describedAs("every block rotates by 0: cos 0 = 1 on the diagonal, sin 0 = 0 off it")
                .isCloseTo(Matrices.identity(4)).hasStrides(4, 1);
    }

    @Test
    @Order(11)
    @DisplayName("for d = 2, shift(1, 2) is the rotation [[cos 1, sin 1], [-sin 1, cos 1]]")
    void shiftForDTwoIsOneRotation() {
        Tensor rotation = SinusoidalEncoding.shift(1, 2);

        assertThatTensor(rotation).describedAs("sin(a + 1) = sin a cos 1 + cos a sin 1 (row 0) and cos(a + 1) ="
                + " -sin a sin 1 + cos a cos 1 (row 1), applied to the column (sin a, cos a)")
                .isCloseTo(Tensor.matrix(new double[] {Math.cos(1), Math.sin(1)},
                        new double[] {-Math.sin(1), Math.cos(1)}));
    }

    @Test
    @Order(12)
    @DisplayName("shift(1, 6) moves row 0 of the table to row 1")
    void shiftByOneMovesRowZeroToRowOne() {
        Tensor table = SinusoidalEncoding.table(2, 6);
        Tensor rotation = SinusoidalEncoding.shift(1, 6);

        Tensor moved = Matrices.matmul(rotation, column(row(table, 0)));

        assertThatTensor(moved).describedAs("M_1 PE_0 = PE_1 (as columns): a rotation that moves back gives PE_-1,"
                + " whose sin columns have the wrong sign").isCloseTo(column(row(table, 1)));
    }

    @Test
    @Order(13)
    @DisplayName("shift(t, 0) is an empty (0, 0) matrix")
    void shiftOfNoDimensionIsEmpty() {
        Tensor rotation = SinusoidalEncoding.shift(3, 0);

        assertThatTensor(rotation).describedAs("no pair, no block").hasShape(0, 0);
    }

    // ---- TokenEmbedding.initial -----------------------------------------------------------------

    @Test
    @Order(14)
    @DisplayName("initial gives a fresh row-major (V, d) table, the same for the same seed")
    void initialGivesAFreshTableForTheSeed() {
        TokenEmbedding first = TokenEmbedding.initial(5, 4, Seeds.random(7));
        TokenEmbedding again = TokenEmbedding.initial(5, 4, Seeds.random(7));

        assertThatTensor(first.table()).describedAs("V = 5 rows of d = 4 values").hasShape(5, 4).hasStrides(4, 1);
        assertThatTensor(again.table()).describedAs("the values come from the random generator only: the same seed"
                + " gives the same table").isCloseTo(first.table());
    }

    @Test
    @Order(15)
    @DisplayName("initial draws values of mean 0 and standard deviation 1 / sqrt(d)")
    void initialHasStandardDeviationOneOverSqrtD() {
        int count = 2000 * 16;
        Tensor table = TokenEmbedding.initial(2000, 16, Seeds.random(11)).table();

        double mean = meanOf(table, x -> x);
        double variance = meanOf(table, x -> x * x); // the spread around the true mean 0

        double expectedVariance = 1.0 / 16;
        assertThat(Math.abs(mean)).describedAs("the mean of 32,000 draws of N(0, 1/16) is 0 within 5 sigma")
                .isLessThan(Tolerance.SIGMAS * Math.sqrt(expectedVariance / count));
        assertThat(Math.abs(variance - expectedVariance)).describedAs("mean square %s, expected 1/d = 1/16: the"
                + " table's standard deviation is 1 / sqrt(d) = 0.25, so that sqrt(d) * table is about 1 per"
                + " feature (an N(0, 1) table times sqrt(d) is about 4, four times the size of the positions)",
                variance).isLessThan(Tolerance.SIGMAS * expectedVariance * Math.sqrt(2.0 / count));
    }

    @Test
    @Order(16)
    @DisplayName("a vocabulary of 0 gives an empty (0, d) table")
    void anEmptyVocabularyGivesAnEmptyTable() {
        TokenEmbedding embedding = TokenEmbedding.initial(0, 4, Seeds.random(1));

        assertThatTensor(embedding.table()).describedAs("no id, no row").hasShape(0, 4);
    }

    @Test
    @Order(17)
    @DisplayName("initial rejects a negative vocabulary and a d below 1, naming them")
    void initialRejectsBadSizes() {
        assertThatIllegalArgumentException().describedAs("a vocabulary of -1 ids")
                .isThrownBy(() -> TokenEmbedding.initial(-1, 4, Seeds.random(1)))
                .withMessageMatching(naming("vocabSize", -1));
        assertThatIllegalArgumentException().describedAs("d = 0: the standard deviation 1 / sqrt(0) is infinite")
                .isThrownBy(() -> TokenEmbedding.initial(3, 0, Seeds.random(1))).withMessageMatching(naming("d", 0));
    }

    // ---- TokenEmbedding.embed -------------------------------------------------------------------

    @Test
    @Order(18)
    @DisplayName("embed looks up row ids[t] for token t and scales it by sqrt(d)")
    void embedLooksUpAndScalesBySqrtD() {
        TokenEmbedding embedding = new TokenEmbedding(Tensor.matrix(new double[] {1, 2, 3, 4},
                new double[] {5, 6, 7, 8}, new double[] {-1, 0, 1, 0}));           // (V = 3, d = 4)

        Tensor out = embedding.embed(2, 0);

        assertThatTensor(out).describedAs("ids [2, 0]: rows 2 and 0, each times sqrt(4) = 2 (not unscaled, not"
                + " times d = 4)").isCloseTo(Tensor.matrix(new double[] {-2, 0, 2, 0}, new double[] {2, 4, 6, 8}));
    }

    @Test
    @Order(19)
    @DisplayName("the same id gives identical rows, and neither the table nor the ids change")
    void theSameIdGivesIdenticalRows() {
        Tensor table = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});  // (V = 2, d = 2)
        int[] ids = {1, 0, 1};
        Inputs inputs = Inputs.snapshot("table", table, "ids", ids);

        Tensor out = new TokenEmbedding(table).embed(ids);

        inputs.assertUntouched();
        assertThatTensor(row(out, 2)).describedAs("tokens 0 and 2 are both id 1: one row of the table, looked up"
                + " twice (scaling the table in place would change the second lookup)").isCloseTo(row(out, 0));
        assertThatTensor(row(out, 0)).describedAs("id 1 is [3, 4] times sqrt(2)")
                .isCloseTo(Tensor.vector(3 * Math.sqrt(2), 4 * Math.sqrt(2)));
    }

    /** Golden: GoldenEncoding.EMBEDDED_IDS_3_0_3_4, torch.nn.Embedding times sqrt(d) in float64. */
    @Test
    @Order(20)
    @DisplayName("embed matches torch.nn.Embedding times sqrt(d)")
    void embedMatchesPyTorch() {
        TokenEmbedding embedding = new TokenEmbedding(goldenTable());

        Tensor out = embedding.embed(GoldenEncoding.IDS);

        assertThatTensor(out).describedAs("nn.Embedding(5, 4) of ids [3, 0, 3, 4], times sqrt(4)")
                .isCloseTo(Tensor.of(new int[] {4, 4}, GoldenEncoding.EMBEDDED_IDS_3_0_3_4), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(21)
    @DisplayName("embed reads the table through its strides and offset: a slice, a transpose, a broadcast row")
    void embedReadsATableInAnyLayout() {
        // Rows 1 and 2 of [[9, 9], [1, 2], [3, 4]]: offset 2, strides (2, 1).
        Tensor slice = Tensor.strided(new double[] {9, 9, 1, 2, 3, 4}, new int[] {2, 2}, new int[] {2, 1}, 2);
        // [[1, 2], [3, 4]] stored column by column: strides (1, 2).
        Tensor transposed = Tensor.strided(new double[] {1, 3, 2, 4}, new int[] {2, 2}, new int[] {1, 2}, 0);
        // One row [5, 6] for both ids: stride 0 on the id axis.
        Tensor repeated = Tensor.strided(new double[] {5, 6}, new int[] {2, 2}, new int[] {0, 1}, 0);

        Tensor fromSlice = new TokenEmbedding(slice).embed(1);
        Tensor fromTransposed = new TokenEmbedding(transposed).embed(1);
        Tensor fromRepeated = new TokenEmbedding(repeated).embed(1);

        double root2 = Math.sqrt(2);
        assertThatTensor(fromSlice).describedAs("a sliced table %s: row 1 is [3, 4]", slice)
                .isCloseTo(Tensor.matrix(new double[] {3 * root2, 4 * root2}));
        assertThatTensor(fromTransposed).describedAs("a transposed table %s: row 1 is [3, 4]", transposed)
                .isCloseTo(Tensor.matrix(new double[] {3 * root2, 4 * root2}));
        assertThatTensor(fromRepeated).describedAs("a broadcast table %s: every row is [5, 6]", repeated)
                .isCloseTo(Tensor.matrix(new double[] {5 * root2, 6 * root2}));
    }

    @Test
    @Order(22)
    @DisplayName("embed returns a fresh row-major tensor, even for d = 1 where the scale is 1")
    void embedReturnsAFreshTensor() {
        Tensor table = Tensor.matrix(new double[] {7});  // (V = 1, d = 1): sqrt(1) = 1

        Tensor out = new TokenEmbedding(table).embed(0);

        assertThatTensor(out).describedAs("a lookup with scale 1 is still a copy: a view of the table lets a write"
                + " into the output change the parameters").isCloseTo(table).doesNotShareStorageWith(table)
                .hasStrides(1, 1);
    }

    @Test
    @Order(23)
    @DisplayName("embed of no ids is an empty (0, d) tensor")
    void embedOfNoIdsIsEmpty() {
        TokenEmbedding embedding = new TokenEmbedding(Tensor.zeros(3, 4));

        Tensor out = embedding.embed();

        assertThatTensor(out).describedAs("T = 0 tokens of d = 4 features").hasShape(0, 4);
    }

    @Test
    @Order(24)
    @DisplayName("an id not below V is rejected, naming the token, the id and the table's shape")
    void anIdOutsideTheVocabularyIsRejected() {
        TokenEmbedding embedding = new TokenEmbedding(Tensor.zeros(5, 4));

        assertThatIllegalArgumentException().describedAs("ids run from 0 to V - 1 = 4; 5 and 7 have no row")
                .isThrownBy(() -> embedding.embed(0, 4, 7)).withMessageContaining("ids[2] = 7")
                .withMessageContaining("[5, 4]");
        assertThatIllegalArgumentException().describedAs("id V = 5 is one past the last row")
                .isThrownBy(() -> embedding.embed(5)).withMessageContaining("ids[0] = 5");
    }

    @Test
    @Order(25)
    @DisplayName("a negative id is rejected, naming the token, the id and the table's shape")
    void aNegativeIdIsRejected() {
        TokenEmbedding embedding = new TokenEmbedding(Tensor.zeros(5, 4));

        assertThatIllegalArgumentException().describedAs("-1 is no id (it is not \"the last row\" as in Python)")
                .isThrownBy(() -> embedding.embed(2, -1)).withMessageContaining("ids[1] = -1")
                .withMessageContaining("[5, 4]");
    }

    @Test
    @Order(26)
    @DisplayName("a table that is not a matrix is rejected, naming its shape")
    void aTableThatIsNotAMatrixIsRejected() {
        TokenEmbedding embedding = new TokenEmbedding(Tensor.zeros(20));

        assertThatIllegalArgumentException().describedAs("the table must be (V, d)")
                .isThrownBy(() -> embedding.embed(0)).withMessageContaining("table").withMessageContaining("[20]");
    }

    // ---- TokenEmbedding.encode ------------------------------------------------------------------

    @Test
    @Order(27)
    @DisplayName("encode adds positional row t to token t, whatever the token's id")
    void encodeAddsRowTToTokenT() {
        TokenEmbedding embedding = new TokenEmbedding(Tensor.matrix(new double[] {0.5, 1}, new double[] {1, 0.5}));
        Tensor positions = Tensor.matrix(new double[] {0, 10}, new double[] {100, 110}, new double[] {200, 210});

        Tensor out = embedding.encode(positions, 1, 1);

        double root2 = Math.sqrt(2);
        assertThatTensor(out).describedAs("both tokens are id 1 (sqrt(2) * [1, 0.5]); token 0 gets row 0 and token"
                + " 1 row 1 of the positions (not row id, not from row 1); row 2 is not used")
                .isCloseTo(Tensor.matrix(new double[] {root2, 10 + root2 / 2},
                        new double[] {100 + root2, 110 + root2 / 2}));
    }

    /** Golden: GoldenEncoding.ENCODED_IDS_3_0_3_4, nn.Embedding times sqrt(d) plus the PyTorch table. */
    @Test
    @Order(28)
    @DisplayName("encode with the sinusoidal table matches PyTorch")
    void encodeMatchesPyTorch() {
        TokenEmbedding embedding = new TokenEmbedding(goldenTable());

        Tensor out = embedding.encode(SinusoidalEncoding.table(6, 4), GoldenEncoding.IDS);

        assertThatTensor(out).describedAs("sqrt(4) * table[ids] + PE[0:4] for d = 4")
                .isCloseTo(Tensor.of(new int[] {4, 4}, GoldenEncoding.ENCODED_IDS_3_0_3_4), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(29)
    @DisplayName("encode reads the positions through their strides and offset and leaves every input alone")
    void encodeReadsPositionsInAnyLayout() {
        Tensor table = Tensor.matrix(new double[] {0, 0}, new double[] {0.5, 0.5});      // (V = 2, d = 2)
        // [[0, 10], [100, 110]] stored column by column, after a first unused element: offset 1, strides (1, 2).
        Tensor transposed = Tensor.strided(new double[] {9, 0, 100, 10, 110}, new int[] {2, 2}, new int[] {1, 2}, 1);
        // One row [5, 6] for every position: stride 0 on the position axis.
        Tensor repeated = Tensor.strided(new double[] {5, 6}, new int[] {3, 2}, new int[] {0, 1}, 0);
        int[] ids = {0, 1};
        Inputs inputs = Inputs.snapshot("table", table, "transposed", transposed, "repeated", repeated, "ids", ids);

        Tensor fromTransposed = new TokenEmbedding(table).encode(transposed, ids);
        Tensor fromRepeated = new TokenEmbedding(table).encode(repeated, ids);

        inputs.assertUntouched();
        double half = Math.sqrt(2) / 2;
        assertThatTensor(fromTransposed).describedAs("positions %s: row t read through strides (1, 2), offset 1",
                transposed).isCloseTo(Tensor.matrix(new double[] {0, 10}, new double[] {100 + half, 110 + half}))
                .doesNotShareStorageWith(table).doesNotShareStorageWith(transposed).hasStrides(2, 1);
        assertThatTensor(fromRepeated).describedAs("positions %s: every row is [5, 6]", repeated)
                .isCloseTo(Tensor.matrix(new double[] {5, 6}, new double[] {5 + half, 6 + half}));
    }

    @Test
    @Order(30)
    @DisplayName("encode of no ids is an empty (0, d) tensor")
    void encodeOfNoIdsIsEmpty() {
        TokenEmbedding embedding = new TokenEmbedding(Tensor.zeros(3, 4));

        Tensor out = embedding.encode(SinusoidalEncoding.table(2, 4));

        assertThatTensor(out).describedAs("T = 0 tokens: the first 0 rows of the positions").hasShape(0, 4);
    }

    @Test
    @Order(31)
    @DisplayName("encode rejects positions that are not a matrix, too short, or of another d, naming the shapes")
    void encodeRejectsPositionsThatDoNotFit() {
        TokenEmbedding embedding = new TokenEmbedding(Tensor.zeros(5, 4));

        assertThatIllegalArgumentException().describedAs("positions must be (maxLen, d)")
                .isThrownBy(() -> embedding.encode(Tensor.zeros(8), 1)).withMessageContaining("positions")
                .withMessageContaining("[8]");
        assertThatIllegalArgumentException().describedAs("3 tokens, but positions for only 2")
                .isThrownBy(() -> embedding.encode(Tensor.zeros(2, 4), 1, 2, 3))
                .withMessageContaining("[3, 4]").withMessageContaining("[2, 4]");
        assertThatIllegalArgumentException().describedAs("embeddings of d = 4, positions of d = 6")
                .isThrownBy(() -> embedding.encode(Tensor.zeros(8, 6), 1, 2))
                .withMessageContaining("[2, 4]").withMessageContaining("[8, 6]");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A message that names the argument and its value as words of their own ("d must be even, was 5"). */
    private static String naming(String argument, int value) {
        return "(?s).*\\b" + argument + "\\b.*(?<![\\w-])" + value + "\\b.*";
    }

    private static Tensor goldenTable() {
        return Tensor.of(new int[] {5, 4}, GoldenEncoding.EMBEDDING_TABLE_V5_D4);
    }

    static Tensor row(Tensor matrix, int r) {
        Tensor out = Tensor.zeros(matrix.size(1));
        for (int j = 0; j < matrix.size(1); j++) {
            out.set(matrix.get(r, j), j);
        }
        return out;
    }

    static Tensor column(Tensor vector) {
        return Tensor.strided(vector.storage(), new int[] {vector.size(0), 1}, new int[] {vector.strides()[0], 1},
                vector.offset());
    }

    /** The mean of {@code f(x)} over every element of a matrix. */
    private static double meanOf(Tensor matrix, DoubleUnaryOperator f) {
        double sum = 0;
        for (int i = 0; i < matrix.size(0); i++) {
            for (int j = 0; j < matrix.size(1); j++) {
                sum += f.applyAsDouble(matrix.get(i, j));
            }
        }
        return sum / matrix.elementCount();
    }
}
