package kata.rope;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-08")
@Order(1)
@DisplayName("08 Rotary position embedding: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RotaryEmbeddingSpec {

    private static final double NAN = Double.NaN;

    /** A (1, d) tensor: one row. */
    private static Tensor row(double... values) {
        return Tensor.of(new int[] {1, values.length}, values);
    }

    private static Tensor goldenX() {
        return Tensor.of(new int[] {3, 6}, GoldenRope.X);
    }

    private static Tensor goldenRotatedX() {
        return Tensor.of(new int[] {3, 6}, GoldenRope.ROTATED_X);
    }

    // ---- the 2x2 rotation -------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("the rotation by 0 is the identity matrix")
    void rotationByZeroIsTheIdentity() {
        Tensor r = RotaryEmbedding.rotation(0.0);

        assertThatTensor(r).describedAs("R(0) = [[cos 0, -sin 0], [sin 0, cos 0]] turns nothing")
                .isCloseTo(Tensor.matrix(new double[] {1, 0}, new double[] {0, 1}));
    }

    @Test
    @Order(2)
    @DisplayName("the rotation by a quarter turn maps (1, 0) to (0, 1): [[0, -1], [1, 0]]")
    void rotationByAQuarterTurn() {
        Tensor r = RotaryEmbedding.rotation(Math.PI / 2);

        assertThatTensor(r).describedAs("R(pi/2) = [[cos, -sin], [sin, cos]] at cos = 0, sin = 1: counter-clockwise, "
                + "so the first column, the image of (1, 0), is (0, 1); cos and sin swapped give the identity, "
                + "the minus sign on the wrong sine gives [[0, 1], [-1, 0]]")
                .isCloseTo(Tensor.matrix(new double[] {0, -1}, new double[] {1, 0}));
    }

    @Test
    @Order(3)
    @DisplayName("the rotation by a third of a turn is [[-1/2, -sqrt(3)/2], [sqrt(3)/2, -1/2]], a fresh (2, 2) tensor")
    void rotationOfAThirdOfATurn() {
        double h = Math.sqrt(3) / 2;

        Tensor r = RotaryEmbedding.rotation(2 * Math.PI / 3);

        assertThatTensor(r).describedAs("R(2 pi / 3): cos = -1/2 on the diagonal, sin = sqrt(3)/2 below it, "
                + "-sin above it").isCloseTo(Tensor.matrix(new double[] {-0.5, -h}, new double[] {h, -0.5}))
                .hasStrides(2, 1);
    }

    // ---- the frequencies --------------------------------------------------------------------------

    @Test
    @Order(4)
    @DisplayName("pair 1 of d = 4 turns by 10000^(-2/4) = 1/100 radian per position")
    void frequencyOfPairOneOfD4IsOneHundredth() {
        double theta = RotaryEmbedding.frequency(1, 4);

        assertThatTensor(Tensor.scalar(theta)).describedAs("theta_1 = 10000^(-2 * 1 / 4) = 1 / sqrt(10000); "
                + "10000^(-i) gives 1e-4, 10000^(-i/d) gives 0.1, and -2 * i / d in ints is 0, giving 1")
                .isCloseTo(Tensor.scalar(0.01));
    }

    @Test
    @Order(5)
    @DisplayName("the frequencies of d = 6 are 1, 10000^(-1/3) and 10000^(-2/3)")
    void frequenciesOfD6() {
        double[] thetas = {RotaryEmbedding.frequency(0, 6), RotaryEmbedding.frequency(1, 6), RotaryEmbedding.frequency(2, 6)};

        // By hand, 10000^(1/3) = 21.5443469... and 10000^(2/3) = 464.158883...; the literals are
        // PyTorch's BASE ** (-arange(0, d, 2) / d) in float64 (golden/generate.py).
        assertThatTensor(Tensor.vector(thetas)).describedAs("theta_i = 10000^(-2i/d) for i = 0, 1, 2: pair 0 "
                + "always turns 1 radian per position, each later pair 21.5 times slower")
                .isCloseTo(Tensor.vector(GoldenRope.FREQUENCIES_D6), Tolerance.FRAMEWORK);
    }

    // ---- rotate: examples -------------------------------------------------------------------------

    @Test
    @Order(6)
    @DisplayName("at position 0 rotate is the identity, and still returns a fresh tensor")
    void positionZeroIsTheIdentity() {
        Tensor x = Tensor.matrix(new double[] {1, 2, 3, 4, 5, 6}, new double[] {-1, -2, -3, -4, -5, -6});
        Inputs inputs = Inputs.snapshot("x", x);

        Tensor out = RotaryEmbedding.rotate(x, new int[] {0, 0});

        inputs.assertUntouched();
        assertThatTensor(out).describedAs("every angle is pos * theta_i = 0, for every pair i (an angle i * theta_i "
                + "uses the pair index where the position belongs)").isCloseTo(x)
                .doesNotShareStorageWith(x).hasStrides(6, 1);
    }

    @Test
    @Order(7)
    @DisplayName("pairs are adjacent features (2i, 2i+1): (1, 0, 0, 0) at position 1 becomes (cos 1, sin 1, 0, 0)")
    void pairsAreAdjacentFeatures() {
        Tensor first = row(1, 0, 0, 0);
        Tensor third = row(0, 0, 1, 0);

        Tensor turnedFirst = RotaryEmbedding.rotate(first, new int[] {1});
        Tensor turnedThird = RotaryEmbedding.rotate(third, new int[] {100});

        assertThatTensor(turnedFirst).describedAs("feature 0 pairs with feature 1 (interleaved), turned by 1 * theta_0"
                + " = 1 radian; rotate-half pairs 0 with d/2 = 2 and gives (cos 1, 0, sin 1, 0)")
                .isCloseTo(row(Math.cos(1), Math.sin(1), 0, 0));
        assertThatTensor(turnedThird).describedAs("feature 2 pairs with feature 3, turned by 100 * theta_1 = 100 / 100"
                + " = 1 radian").isCloseTo(row(0, 0, Math.cos(1), Math.sin(1)));
    }

    @Test
    @Order(8)
    @DisplayName("each row turns by its own position, not by its row index")
    void eachRowTurnsByItsOwnPosition() {
        Tensor x = Tensor.matrix(new double[] {1, 0}, new double[] {1, 0});

        Tensor out = RotaryEmbedding.rotate(x, new int[] {5, 2});

        assertThatTensor(out).describedAs("rows at positions 5 and 2 (d = 2, theta_0 = 1): (cos 5, sin 5) and "
                + "(cos 2, sin 2); the row indices 0 and 1 would give (1, 0) and (cos 1, sin 1)")
                .isCloseTo(Tensor.matrix(new double[] {Math.cos(5), Math.sin(5)}, new double[] {Math.cos(2), Math.sin(2)}));
    }

    @Test
    @Order(9)
    @DisplayName("a negative position turns the other way: (1, 0) at position -1 becomes (cos 1, -sin 1)")
    void aNegativePositionTurnsTheOtherWay() {
        Tensor out = RotaryEmbedding.rotate(row(1, 0), new int[] {-1});

        assertThatTensor(out).describedAs("R(-1) = R(1)^T: clockwise by one radian")
                .isCloseTo(row(Math.cos(1), -Math.sin(1)));
    }

    @Test
    @Order(10)
    @DisplayName("rotate matches PyTorch on a (3, 6) tensor at positions 2, 5 and 11")
    void rotateMatchesPyTorchGoldenValues() {
        Tensor x = goldenX();

        Tensor out = RotaryEmbedding.rotate(x, GoldenRope.POSITIONS.clone());

        // GoldenRope: LLaMA's complex-number RoPE in PyTorch float64 (golden/generate.py).
        assertThatTensor(out).describedAs("RoPE of a (3, 6) tensor at positions 2, 5, 11, interleaved pairs, "
                + "base 10000").isCloseTo(goldenRotatedX(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(11)
    @DisplayName("rotate reads a transposed view and an offset slice through their strides")
    void rotateReadsAViewThroughItsStrides() {
        double[] transposed = new double[18];
        double[] padded = new double[2 + 3 * 8];
        Arrays.fill(padded, NAN);
        for (int t = 0; t < 3; t++) {
            for (int j = 0; j < 6; j++) {
                transposed[j * 3 + t] = GoldenRope.X[t * 6 + j];
                padded[2 + t * 8 + j] = GoldenRope.X[t * 6 + j];
            }
        }
        Tensor columnMajor = Tensor.strided(transposed, new int[] {3, 6}, new int[] {1, 3}, 0);
        Tensor slice = Tensor.strided(padded, new int[] {3, 6}, new int[] {8, 1}, 2); // NaN around it

        Tensor fromColumnMajor = RotaryEmbedding.rotate(columnMajor, GoldenRope.POSITIONS.clone());
        Tensor fromSlice = RotaryEmbedding.rotate(slice, GoldenRope.POSITIONS.clone());

        assertThatTensor(fromColumnMajor).describedAs("the golden x stored column by column (strides (1, 3)): "
                + "read it with get, not storage()[6t + j]").isCloseTo(goldenRotatedX(), Tolerance.FRAMEWORK);
        assertThatTensor(fromSlice).describedAs("the golden x at offset 2 with rows 8 apart, NaN in between")
                .isCloseTo(goldenRotatedX(), Tolerance.FRAMEWORK);
    }

    @Test
    @Order(12)
    @DisplayName("rotate reads a broadcast view: one row repeated with stride 0, fresh storage out")
    void rotateReadsABroadcastView() {
        double[] firstRow = Arrays.copyOf(GoldenRope.X, 6);
        Tensor repeated = Tensor.strided(firstRow, new int[] {3, 6}, new int[] {0, 1}, 0); // row 0, three times
        double[] turnedRow = Arrays.copyOf(GoldenRope.ROTATED_X, 6); // golden row 0, at position 2
        Tensor expected = Tensor.strided(turnedRow, new int[] {3, 6}, new int[] {0, 1}, 0);

        Tensor out = RotaryEmbedding.rotate(repeated, new int[] {2, 2, 2});

        assertThatTensor(out).describedAs("three copies of the golden row 0 at position 2 (GoldenRope.POSITIONS[0])")
                .isCloseTo(expected, Tolerance.FRAMEWORK);
        assertThatTensor(out).describedAs("the result of a broadcast input has storage of its own, row-major")
                .doesNotShareStorageWith(repeated).hasStrides(6, 1);
    }

    @Test
    @Order(13)
    @DisplayName("empty inputs give empty results: (0, 4) with no positions, and (2, 0) with no pairs")
    void emptyInputsGiveEmptyResults() {
        Tensor noRows = RotaryEmbedding.rotate(Tensor.zeros(0, 4), new int[0]);
        Tensor noFeatures = RotaryEmbedding.rotate(Tensor.zeros(2, 0), new int[] {3, 9});

        assertThatTensor(noRows).describedAs("T = 0: no rows to turn, the shape stays (0, 4)").hasShape(0, 4);
        assertThatTensor(noFeatures).describedAs("d = 0 is even, with no pair to turn: the shape stays (2, 0)")
                .hasShape(2, 0);
    }

    @Test
    @Order(14)
    @DisplayName("far along a long context (position 100003) every pair keeps its length and turns by pos * theta_i")
    void aLargePositionStillTurnsByPosTimesTheta() {
        int pos = 100_003;
        Tensor x = row(3, 4, 3, 4);

        Tensor out = RotaryEmbedding.rotate(x, new int[] {pos});

        double slow = pos * Math.pow(10000, -0.5); // theta_1 of d = 4, times the position, in double
        assertThatTensor(out).describedAs("(3, 4) turned by 100003 radians, then by 100003 / 100 = 1000.03 radians: "
                + "each pair still of length 5").isCloseTo(row(3 * Math.cos(pos) - 4 * Math.sin(pos),
                        3 * Math.sin(pos) + 4 * Math.cos(pos), 3 * Math.cos(slow) - 4 * Math.sin(slow),
                        3 * Math.sin(slow) + 4 * Math.cos(slow)));
    }

    // ---- score: examples --------------------------------------------------------------------------

    @Test
    @Order(15)
    @DisplayName("the score of a vector with itself at the same position is its squared length, unscaled")
    void scoreOfAlignedVectorsAtTheSamePosition() {
        Tensor q = Tensor.vector(3, 4, 0, 0);

        double score = RotaryEmbedding.score(q, 5, Tensor.vector(3, 4, 0, 0), 5);

        assertThatTensor(Tensor.scalar(score)).describedAs("<R_5 q, R_5 q> = <q, q> = 9 + 16: the same turn on both "
                + "sides cancels; the 1/sqrt(d) scale belongs to attention, not here; turning only q gives 25 cos 5")
                .isCloseTo(Tensor.scalar(25));
    }

    @Test
    @Order(16)
    @DisplayName("the score of (1, 0) at position 2 with (1, 0) at position 5 is cos(5 - 2)")
    void scoreIsTheCosineOfTheOffset() {
        Tensor q = Tensor.vector(1, 0);
        Tensor k = Tensor.vector(1, 0);

        double score = RotaryEmbedding.score(q, 2, k, 5);

        assertThatTensor(Tensor.scalar(score)).describedAs("d = 2, theta_0 = 1: <(cos 2, sin 2), (cos 5, sin 5)> "
                + "= cos(5 - 2) = cos 3; turning only the query gives cos 2").isCloseTo(Tensor.scalar(Math.cos(3)));
    }

    @Test
    @Order(17)
    @DisplayName("score matches PyTorch for a query at 3 and a key at 7, and at 7 and 3")
    void scoreMatchesPyTorchGoldenValue() {
        Tensor q = Tensor.vector(GoldenRope.Q);
        Tensor k = Tensor.vector(GoldenRope.K);

        double forward = RotaryEmbedding.score(q, 3, k, 7);
        double backward = RotaryEmbedding.score(q, 7, k, 3);

        // GoldenRope: both vectors rotated by LLaMA's complex-number RoPE in PyTorch float64, then dotted.
        assertThatTensor(Tensor.vector(forward, backward)).describedAs("<R_3 q, R_7 k> and <R_7 q, R_3 k>: offsets "
                + "+4 and -4 give different scores").isCloseTo(Tensor.vector(GoldenRope.SCORE_3_7, GoldenRope.SCORE_7_3),
                        Tolerance.FRAMEWORK);
    }

    @Test
    @Order(18)
    @DisplayName("score reads a stepped view, a column of a matrix and a broadcast vector through their strides")
    void scoreReadsVectorsOfAnyLayout() {
        double[] stepped = new double[1 + 2 * 6];
        Arrays.fill(stepped, NAN);
        double[] columns = new double[6 * 2];
        Arrays.fill(columns, NAN);
        for (int j = 0; j < 6; j++) {
            stepped[1 + 2 * j] = GoldenRope.Q[j];
            columns[2 * j + 1] = GoldenRope.K[j];
        }
        Tensor q = Tensor.strided(stepped, new int[] {6}, new int[] {2}, 1);     // every other element, from 1
        Tensor k = Tensor.strided(columns, new int[] {6}, new int[] {2}, 1);     // column 1 of a (6, 2) matrix
        Tensor ones = Tensor.strided(new double[] {1}, new int[] {2}, new int[] {0}, 0); // (1, 1), stride 0

        double golden = RotaryEmbedding.score(q, 3, k, 7);
        double broadcast = RotaryEmbedding.score(ones, 0, Tensor.vector(1, 1), 4);

        assertThatTensor(Tensor.scalar(golden)).describedAs("the golden q and k, stored with NaN between their "
                + "elements").isCloseTo(Tensor.scalar(GoldenRope.SCORE_3_7), Tolerance.FRAMEWORK);
        assertThatTensor(Tensor.scalar(broadcast)).describedAs("(1, 1) as a stride-0 view at 0 against (1, 1) at 4: "
                + "|q| |k| cos 4 = 2 cos 4").isCloseTo(Tensor.scalar(2 * Math.cos(4)));
    }

    @Test
    @Order(19)
    @DisplayName("score leaves q and k untouched")
    void scoreLeavesItsInputsUntouched() {
        Tensor q = Tensor.vector(GoldenRope.Q);
        Tensor k = Tensor.vector(GoldenRope.K);
        Inputs inputs = Inputs.snapshot("q", q, "k", k);

        RotaryEmbedding.score(q, 3, k, 7);

        inputs.assertUntouched();
    }

    @Test
    @Order(20)
    @DisplayName("the score of two empty vectors is the empty sum, 0")
    void scoreOfEmptyVectorsIsZero() {
        double score = RotaryEmbedding.score(Tensor.zeros(0), 3, Tensor.zeros(0), 8);

        assertThatTensor(Tensor.scalar(score)).describedAs("d = 0: no pair, nothing to add up")
                .isCloseTo(Tensor.scalar(0));
    }

    @Test
    @Order(21)
    @DisplayName("phase cancellation: the query at 3 and the key at 7 score as at 103 and 107")
    void scoreCancelsTheCommonShift() {
        Tensor q = Tensor.vector(GoldenRope.Q);
        Tensor k = Tensor.vector(GoldenRope.K);

        double near = RotaryEmbedding.score(q, 3, k, 7);
        double far = RotaryEmbedding.score(q, 103, k, 107);

        assertThatTensor(Tensor.scalar(far)).describedAs("<R_103 q, R_107 k> = <q, R_4 k> = <R_3 q, R_7 k>: the "
                + "positions cancel down to their offset 4 (PyTorch agrees: %s and %s)", GoldenRope.SCORE_3_7,
                GoldenRope.SCORE_103_107).isCloseTo(Tensor.scalar(near));
    }

    @Test
    @Order(22)
    @DisplayName("contrast: absolute sinusoidal positions added to q and k do not cancel, RoPE does")
    void addedSinusoidalPositionsAreNotShiftInvariant() {
        Tensor q = Tensor.vector(GoldenRope.Q);
        Tensor k = Tensor.vector(GoldenRope.K);

        double additiveNear = dot(plusSinusoid(GoldenRope.Q, 3), plusSinusoid(GoldenRope.K, 7));
        double additiveFar = dot(plusSinusoid(GoldenRope.Q, 103), plusSinusoid(GoldenRope.K, 107));
        double rotaryNear = RotaryEmbedding.score(q, 3, k, 7);
        double rotaryFar = RotaryEmbedding.score(q, 103, k, 107);

        // <q + PE(m), k + PE(n)> = <q, k> + <q, PE(n)> + <PE(m), k> + <PE(m), PE(n)>: only the last term
        // depends on n - m alone; the two cross terms of content and position change with the shift.
        assertThat(Math.abs(additiveFar - additiveNear)).describedAs("the additive score moved from %s to %s (by "
                + "about 0.18) when both positions moved by 100", additiveNear, additiveFar).isGreaterThan(0.1);
        assertThatTensor(Tensor.scalar(rotaryFar)).describedAs("the rotary score of the same pair did not move")
                .isCloseTo(Tensor.scalar(rotaryNear));
    }

    @Test
    @Order(23)
    @DisplayName("the rotation by 0 is a fresh matrix at every call: editing one leaves the next identity untouched")
    void rotationByZeroIsFreshAtEveryCall() {
        Tensor first = RotaryEmbedding.rotation(0.0);
        first.set(7.0, 0, 0);
        first.set(-3.0, 1, 0);

        Tensor second = RotaryEmbedding.rotation(0.0);

        assertThatTensor(second).describedAs("R(0) asked again after the caller wrote 7 and -3 into the first R(0): a"
                + " shared constant identity would carry the edit to every later caller")
                .isCloseTo(Tensor.matrix(new double[] {1, 0}, new double[] {0, 1})).hasStrides(2, 1)
                .doesNotShareStorageWith(first);
    }

    // ---- errors -----------------------------------------------------------------------------------

    @Test
    @Order(24)
    @DisplayName("rotate rejects an odd d, naming x and its shape")
    void anOddDIsRejected() {
        assertThatIllegalArgumentException()
                .describedAs("d = 3 cannot be split into pairs (2i, 2i+1); leaving the last feature alone hides the bug")
                .isThrownBy(() -> RotaryEmbedding.rotate(Tensor.zeros(2, 3), new int[] {0, 1}))
                .withMessageContaining("x").withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException().describedAs("d = 5 is odd even when there is no row")
                .isThrownBy(() -> RotaryEmbedding.rotate(Tensor.zeros(0, 5), new int[0]))
                .withMessageContaining("[0, 5]");
    }

    @Test
    @Order(25)
    @DisplayName("rotate rejects an x that is not (T, d), naming its shape")
    void rotateRejectsAnXThatIsNotAMatrix() {
        assertThatIllegalArgumentException().describedAs("a vector (4) has no rows: pass it as (1, 4)")
                .isThrownBy(() -> RotaryEmbedding.rotate(Tensor.zeros(4), new int[] {0}))
                .withMessageContaining("x").withMessageContaining("[4]");
        assertThatIllegalArgumentException().describedAs("(1, 2, 4) has a batch axis: rotate takes one (T, d) at a time")
                .isThrownBy(() -> RotaryEmbedding.rotate(Tensor.zeros(1, 2, 4), new int[] {0, 1}))
                .withMessageContaining("[1, 2, 4]");
    }

    @Test
    @Order(26)
    @DisplayName("rotate rejects positions that are not one per row, naming positions and x's shape")
    void rotateRejectsPositionsOfTheWrongLength() {
        assertThatIllegalArgumentException().describedAs("x has 3 rows, positions only 2")
                .isThrownBy(() -> RotaryEmbedding.rotate(Tensor.zeros(3, 4), new int[] {0, 1}))
                .withMessageContaining("positions").withMessageContaining("[3, 4]");
        assertThatIllegalArgumentException().describedAs("x has 1 row, positions 2")
                .isThrownBy(() -> RotaryEmbedding.rotate(Tensor.zeros(1, 4), new int[] {0, 1}))
                .withMessageContaining("positions").withMessageContaining("[1, 4]");
    }

    @Test
    @Order(27)
    @DisplayName("frequency rejects a d that is odd, zero or negative")
    void frequencyRejectsABadD() {
        for (int dim : new int[] {5, 0, -2}) {
            assertThatIllegalArgumentException().describedAs("d = %d: pairs need a positive even d", dim)
                    .isThrownBy(() -> RotaryEmbedding.frequency(0, dim))
                    .withMessageContaining("d = " + dim).withMessageContaining("even");
        }
    }

    @Test
    @Order(28)
    @DisplayName("frequency rejects a pair outside [0, d/2)")
    void frequencyRejectsAPairOutOfRange() {
        for (int pair : new int[] {3, -1}) {
            assertThatIllegalArgumentException().describedAs("d = 6 has pairs 0, 1 and 2 only, not %d", pair)
                    .isThrownBy(() -> RotaryEmbedding.frequency(pair, 6))
                    .withMessageContaining("pair " + pair).withMessageContaining("[0, 3)");
        }
    }

    @Test
    @Order(29)
    @DisplayName("score rejects a q or k that is not a vector, naming it and its shape")
    void scoreRejectsNonVectors() {
        assertThatIllegalArgumentException().describedAs("q of shape (4, 1) is a matrix: score takes one vector")
                .isThrownBy(() -> RotaryEmbedding.score(Tensor.zeros(4, 1), 0, Tensor.zeros(4), 1))
                .withMessageContaining("q").withMessageContaining("[4, 1]");
        assertThatIllegalArgumentException().describedAs("k of shape (4, 1) is a matrix: score takes one vector")
                .isThrownBy(() -> RotaryEmbedding.score(Tensor.zeros(4), 0, Tensor.zeros(4, 1), 1))
                .withMessageContaining("k").withMessageContaining("[4, 1]");
        assertThatIllegalArgumentException().describedAs("q and k both of shape (2, 2): alike, but matrices")
                .isThrownBy(() -> RotaryEmbedding.score(Tensor.zeros(2, 2), 0, Tensor.zeros(2, 2), 1))
                .withMessageMatching("(?s).*\\bq\\b.*").withMessageContaining("[2, 2]");
    }

    @Test
    @Order(30)
    @DisplayName("score rejects a q and a k of different lengths, naming both shapes")
    void scoreRejectsDifferentLengths() {
        assertThatIllegalArgumentException().describedAs("q (4) against k (6): a dot product needs equal lengths")
                .isThrownBy(() -> RotaryEmbedding.score(Tensor.zeros(4), 0, Tensor.zeros(6), 1))
                .withMessageContaining("[4]").withMessageContaining("[6]");
    }

    @Test
    @Order(31)
    @DisplayName("score rejects an odd d, naming the shape")
    void scoreRejectsAnOddD() {
        assertThatIllegalArgumentException().describedAs("q and k of shape (3): no way to pair 3 features")
                .isThrownBy(() -> RotaryEmbedding.score(Tensor.zeros(3), 0, Tensor.zeros(3), 1))
                .withMessageContaining("[3]");
    }

    // ---- the contrast, computed here ----------------------------------------------------------------

    /** {@code v + PE(pos)}: the sinusoidal table of the Transformer paper, PE(pos, 2i) = sin(pos theta_i), PE(pos, 2i+1) = cos. */
    private static double[] plusSinusoid(double[] v, int pos) {
        double[] out = v.clone();
        for (int i = 0; i < v.length / 2; i++) {
            double angle = pos * Math.pow(10000, -2.0 * i / v.length);
            out[2 * i] += Math.sin(angle);
            out[2 * i + 1] += Math.cos(angle);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
