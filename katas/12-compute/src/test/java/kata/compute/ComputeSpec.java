package kata.compute;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.offset;

import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The worked numbers: every value here was computed by hand from the formulas in the Javadoc and
 * checked with Python integers (for example {@code 24*2048*768**2 + 4*2048**2*768 = 41875931136}).
 */
@Tag("kata-12")
@Order(1)
@DisplayName("12 Compute: examples")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputeSpec {

    private static final long GPT3_SMALL_LAYER = 41_875_931_136L; // B = 1, L = 2048, d = 768

    // ---- Flops --------------------------------------------------------------------------------

    @Test
    @Order(1)
    @DisplayName("a (2 x 3)(3 x 4) matmul is 2 * 2 * 3 * 4 = 48 FLOPs: a multiply-add counts as two")
    void aMatmulIsTwoFlopsPerMultiplyAdd() {
        long flops = Flops.matmul(2, 3, 4);

        assertThat(flops).describedAs("8 outputs, each 3 multiplications and 3 additions: 2mkn, not mkn = 24"
                + " (that counts multiply-adds, MACs)").isEqualTo(48);
    }

    @Test
    @Order(2)
    @DisplayName("B = 2, L = 3, d = 4: projections 768, scores and values 288, feed-forward 1536, layer 2592")
    void eachPartOfTheLayerByHand() {
        long projections = Flops.attentionProjections(2, 3, 4);
        long scores = Flops.attentionScores(2, 3, 4);
        long feedForward = Flops.feedForward(2, 3, 4);
        long layer = Flops.encoderLayer(2, 3, 4);

        assertThat(projections).describedAs("Q, K, V, O: 4 products (BL x d)(d x d) = 4 * 2 * 6 * 4 * 4")
                .isEqualTo(768);
        assertThat(scores).describedAs("Q K^T and P V: 2 products per sample, 2 * 2 * (2 * 3 * 4 * 3)").isEqualTo(288);
        assertThat(feedForward).describedAs("(6 x 4)(4 x 16) and (6 x 16)(16 x 4) with d_ff = 4d = 16: 2 * 2 * 6 * 4"
                + " * 16 (with d_ff = d it would be 384)").isEqualTo(1536);
        assertThat(layer).describedAs("768 + 288 + 1536").isEqualTo(2592);
    }

    @Test
    @Order(3)
    @DisplayName("a GPT-3-small-like layer (B = 1, L = 2048, d = 768) is 41,875,931,136 FLOPs, 41.876 GFLOP")
    void gptThreeSmallLayerIs41Point876Gflop() {
        long flops = Flops.encoderLayer(1, 2048, 768);

        assertThat(flops).describedAs("24 B L d^2 + 4 B L^2 d = 28,991,029,248 (projections and FFN) +"
                + " 12,884,901,888 (scores and weighted values)").isEqualTo(GPT3_SMALL_LAYER);
        assertThat(flops / Units.flops(1, "GFLOP")).describedAs("in GFLOP (10^9 FLOP)")
                .isCloseTo(41.876, offset(0.0005));
    }

    @Test
    @Order(4)
    @DisplayName("attention costs as much as the feed-forward block at L = 2d, and more above it")
    void attentionOvertakesTheFeedForwardAtTwiceD() {
        long crossover = Flops.crossoverLength(768);
        long attentionThere = Flops.attentionProjections(1, crossover, 768) + Flops.attentionScores(1, crossover, 768);
        long attentionAbove = Flops.attentionProjections(1, crossover + 1, 768)
                + Flops.attentionScores(1, crossover + 1, 768);

        assertThat(crossover).describedAs("8BLd^2 + 4BL^2d = 16BLd^2 gives 4BL^2d = 8BLd^2, so L = 2d = 1536")
                .isEqualTo(1536);
        assertThat(attentionThere).describedAs("at L = 2d attention and FFN cost the same")
                .isEqualTo(Flops.feedForward(1, crossover, 768));
        assertThat(attentionAbove).describedAs("one token more and the quadratic part wins")
                .isGreaterThan(Flops.feedForward(1, crossover + 1, 768));
    }

    @Test
    @Order(5)
    @DisplayName("training is 3 forward passes: 125,627,793,408 FLOPs for the GPT-3-small-like layer")
    void trainingIsThreeForwardPasses() {
        long training = Flops.training(GPT3_SMALL_LAYER);

        assertThat(training).describedAs("forward + backward, and the backward pass computes two products per"
                + " forward product (the input's gradient and the weight's), so 1 + 2 = 3, not 2")
                .isEqualTo(125_627_793_408L);
    }

    @Test
    @Order(6)
    @DisplayName("about 6 FLOPs per parameter per token: 7,087,872 parameters and 2048 tokens give 87,095,771,136")
    void sixFlopsPerParameterPerToken() {
        long training = Flops.trainingFromParameters(7_087_872, 2048);

        assertThat(training).describedAs("2 per parameter forward (one multiply-add) and 4 backward")
                .isEqualTo(87_095_771_136L);
    }

    @Test
    @Order(7)
    @DisplayName("no tokens, no FLOPs: a size of 0 gives 0")
    void aSizeOfZeroGivesZero() {
        assertThat(Flops.matmul(0, 3, 4)).describedAs("a (0 x 3)(3 x 4) matmul has no output").isZero();
        assertThat(Flops.encoderLayer(1, 0, 768)).describedAs("a layer over an empty sequence").isZero();
    }

    @Test
    @Order(8)
    @DisplayName("counts stay exact where d^2 passes 2^31: d = 100,000 gives 8 * 10^10 projection FLOPs")
    void countsStayExactWhereDSquaredPassesAnInt() {
        // d^2 = 10^10 > 2^31 - 1 = 2,147,483,647; by hand:
        // projections 8 d^2 = 80,000,000,000; feed-forward 16 d^2 = 160,000,000,000;
        // parameters 12 d^2 + 13 d = 120,000,000,000 + 1,300,000 = 120,001,300,000.
        long projections = Flops.attentionProjections(1, 1, 100_000);
        long feedForward = Flops.feedForward(1, 1, 100_000);
        long parameters = Memory.encoderLayerParameters(100_000);

        assertThat(projections).describedAs("8 B L d^2 with d^2 = 10^10, which an int cannot hold (it wraps to"
                + " 1,410,065,408): keep every count in a long").isEqualTo(80_000_000_000L);
        assertThat(feedForward).describedAs("16 B L d^2 with d^2 = 10^10, in long arithmetic")
                .isEqualTo(160_000_000_000L);
        assertThat(parameters).describedAs("12 d^2 + 13 d with d^2 = 10^10, in long arithmetic")
                .isEqualTo(120_001_300_000L);
    }

    @Test
    @Order(9)
    @DisplayName("counts stay exact where L^2 passes 2^31: L = 100,000 gives 4 * 10^10 score FLOPs")
    void countsStayExactWhereLSquaredPassesAnInt() {
        // L^2 = 10^10 > 2^31 - 1; by hand: 4 B L^2 d = 4 * 10^10 = 40,000,000,000 for B = d = 1.
        long scores = Flops.attentionScores(1, 100_000, 1);

        assertThat(scores).describedAs("4 B L^2 d with L^2 = 10^10 query-key pairs, which an int cannot hold:"
                + " keep the L x L count in a long").isEqualTo(40_000_000_000L);
    }

    @Test
    @Order(10)
    @DisplayName("counts stay exact where B L passes 2^31: 50,000 sequences of 50,000 tokens")
    void countsStayExactWhereTheTokenCountPassesAnInt() {
        // B L = 2,500,000,000 > 2^31 - 1; by hand for d = 1:
        // projections 8 B L = 20,000,000,000; feed-forward 16 B L = 40,000,000,000.
        long projections = Flops.attentionProjections(50_000, 50_000, 1);
        long feedForward = Flops.feedForward(50_000, 50_000, 1);

        assertThat(projections).describedAs("8 B L d^2 over B L = 2.5 * 10^9 tokens, which an int cannot hold"
                + " (it wraps to -1,794,967,296): keep the token count in a long").isEqualTo(20_000_000_000L);
        assertThat(feedForward).describedAs("16 B L d^2 over B L = 2.5 * 10^9 tokens, in long arithmetic")
                .isEqualTo(40_000_000_000L);
    }

    @Test
    @Order(11)
    @DisplayName("counts stay exact past 2^53, where a double drops the last digits")
    void countsStayExactPastTwoToTheFiftyThree() {
        // Worked out with Python integers (exact), 2^53 = 9,007,199,254,740,992:
        // 24*7*1000003*10007**2 + 4*7*1000003**2*10007 = 297,021,259,881,106,460
        //   (in double: 297,021,259,881,106,432);
        // 6*1000000007*100000003 = 600,000,022,200,000,126 (in double: 600,000,022,200,000,128).
        long layer = Flops.encoderLayer(7, 1_000_003, 10_007);
        long training = Flops.trainingFromParameters(1_000_000_007L, 100_000_003L);

        assertThat(layer).describedAs("24 B L d^2 + 4 B L^2 d for B = 7, L = 1,000,003, d = 10,007, exact in"
                + " long arithmetic: a double (Math.pow) keeps only 53 bits and ends in ...432")
                .isEqualTo(297_021_259_881_106_460L);
        assertThat(training).describedAs("6 N D for N = 1,000,000,007 and D = 100,000,003, exact in long"
                + " arithmetic: 6.0 * N * D in double ends in ...128").isEqualTo(600_000_022_200_000_126L);
    }

    @Test
    @Order(12)
    @DisplayName("every Flops method rejects a negative size, naming it")
    void negativeSizesAreRejected() {
        assertThatIllegalArgumentException().describedAs("k = -1").isThrownBy(() -> Flops.matmul(2, -1, 4))
                .withMessageContaining("k = -1");
        assertThatIllegalArgumentException().describedAs("m = -2").isThrownBy(() -> Flops.matmul(-2, 1, 4))
                .withMessageContaining("m = -2");
        assertThatIllegalArgumentException().describedAs("n = -3").isThrownBy(() -> Flops.matmul(2, 1, -3))
                .withMessageContaining("n = -3");
        assertThatIllegalArgumentException().describedAs("batch = -1")
                .isThrownBy(() -> Flops.attentionProjections(-1, 2, 4)).withMessageContaining("batch = -1");
        assertThatIllegalArgumentException().describedAs("seqLen = -1")
                .isThrownBy(() -> Flops.attentionScores(1, -1, 4)).withMessageContaining("seqLen = -1");
        assertThatIllegalArgumentException().describedAs("d = -4")
                .isThrownBy(() -> Flops.feedForward(1, 2, -4)).withMessageContaining("d = -4");
        assertThatIllegalArgumentException().describedAs("d = -4 in the whole layer")
                .isThrownBy(() -> Flops.encoderLayer(1, 2, -4)).withMessageContaining("d = -4");
        assertThatIllegalArgumentException().describedAs("d = -1").isThrownBy(() -> Flops.crossoverLength(-1))
                .withMessageContaining("d = -1");
        assertThatIllegalArgumentException().describedAs("forward = -1").isThrownBy(() -> Flops.training(-1))
                .withMessageContaining("forward = -1");
        assertThatIllegalArgumentException().describedAs("parameters = -1")
                .isThrownBy(() -> Flops.trainingFromParameters(-1, 2)).withMessageContaining("parameters = -1");
        assertThatIllegalArgumentException().describedAs("tokens = -2")
                .isThrownBy(() -> Flops.trainingFromParameters(1, -2)).withMessageContaining("tokens = -2");
    }

    @Test
    @Order(13)
    @DisplayName("a negative size is rejected next to a 0 and next to another negative size")
    void negativeSizesAreRejectedNextToZeroOrAnotherNegative() {
        assertThatIllegalArgumentException().describedAs("m = -1 next to k = 0: the product of the sizes is 0,"
                + " but each size must be checked on its own").isThrownBy(() -> Flops.matmul(-1, 0, 4))
                .withMessageContaining("m = -1");
        assertThatIllegalArgumentException().describedAs("m = -1 and k = -2: their product is positive, but"
                + " both are negative").isThrownBy(() -> Flops.matmul(-1, -2, 4)).withMessageContaining("m = -1");
        assertThatIllegalArgumentException().describedAs("batch = -1 next to seqLen = 0")
                .isThrownBy(() -> Flops.attentionProjections(-1, 0, 4)).withMessageContaining("batch = -1");
        assertThatIllegalArgumentException().describedAs("batch = -1 and seqLen = -2")
                .isThrownBy(() -> Flops.encoderLayer(-1, -2, 4)).withMessageContaining("batch = -1");
        assertThatIllegalArgumentException().describedAs("seqLen = -3 next to d = 0")
                .isThrownBy(() -> Flops.attentionScores(1, -3, 0)).withMessageContaining("seqLen = -3");
        assertThatIllegalArgumentException().describedAs("seqLen = -2 and d = -4")
                .isThrownBy(() -> Flops.feedForward(1, -2, -4)).withMessageContaining("seqLen = -2");
    }

    // ---- Memory -------------------------------------------------------------------------------

    @Test
    @Order(14)
    @DisplayName("a d = 768 encoder layer has 7,087,872 parameters, 28,351,488 bytes in float32; d = 512 has kata 04's 3,152,384")
    void gptThreeSmallLayerHasSevenMillionParameters() {
        long parameters = Memory.encoderLayerParameters(768);
        long small = Memory.encoderLayerParameters(2);

        assertThat(parameters).describedAs("12 d^2 + 13 d: attention 4(d^2 + d), FFN 8d^2 + 5d, two layer norms 4d")
                .isEqualTo(7_087_872L);
        assertThat(small).describedAs("d = 2: attention 24, FFN 42, layer norms 8").isEqualTo(74);
        assertThat(Memory.encoderLayerParameters(512))
                .describedAs("d = 512, d_ff = 2048: the count kata 04's ParameterCount gives for the paper's layer")
                .isEqualTo(3_152_384L);
        assertThat(Memory.bytes(parameters, "float32")).describedAs("4 bytes each").isEqualTo(28_351_488L);
    }

    @Test
    @Order(15)
    @DisplayName("a float32 takes 4 bytes and a float64 8")
    void bytesPerElement() {
        assertThat(Memory.bytes(3, "float32")).describedAs("3 float32 numbers, 32 bits each").isEqualTo(12);
        assertThat(Memory.bytes(3, "float64")).describedAs("3 float64 (Java double) numbers, 64 bits each")
                .isEqualTo(24);
        assertThat(Memory.bytes(0, "float64")).describedAs("no numbers, no bytes").isZero();
    }

    @Test
    @Order(16)
    @DisplayName("bytes rejects an unknown dtype and a negative count, naming them")
    void bytesRejectsBadArguments() {
        assertThatIllegalArgumentException().describedAs("float16 is not one of the two dtypes")
                .isThrownBy(() -> Memory.bytes(3, "float16")).withMessageContaining("float16");
        assertThatIllegalArgumentException().describedAs("elements = -1")
                .isThrownBy(() -> Memory.bytes(-1, "float32")).withMessageContaining("elements = -1");
        assertThatIllegalArgumentException().describedAs("d = -1")
                .isThrownBy(() -> Memory.encoderLayerParameters(-1)).withMessageContaining("d = -1");
    }

    // ---- Units --------------------------------------------------------------------------------

    @Test
    @Order(17)
    @DisplayName("prefixes are decimal: 1 GFLOP is 10^9 FLOP, not 2^30")
    void prefixesAreDecimal() {
        assertThat(Units.flops(1, "GFLOP")).describedAs("G = 10^9 (2^30 = 1,073,741,824 is a gibi-)").isEqualTo(1e9);
        assertThat(Units.flops(2, "FLOP")).describedAs("no prefix").isEqualTo(2);
        assertThat(Units.flops(3, "kFLOP")).describedAs("k = 10^3").isEqualTo(3e3);
        assertThat(Units.flops(4, "MFLOP")).describedAs("M = 10^6").isEqualTo(4e6);
        assertThat(Units.flops(5, "TFLOP")).describedAs("T = 10^12").isEqualTo(5e12);
        assertThat(Units.flops(6, "PFLOP")).describedAs("P = 10^15").isEqualTo(6e15);
        assertThat(Units.flopsPerSecond(312, "TFLOP/s")).describedAs("a rate of 312 TFLOP/s").isEqualTo(3.12e14);
        assertThat(Units.flopsPerSecond(7, "FLOP/s")).describedAs("a rate without prefix").isEqualTo(7);
        assertThat(Units.flopsPerSecond(2, "GFLOP/s")).describedAs("G for a rate").isEqualTo(2e9);
    }

    @Test
    @Order(18)
    @DisplayName("a rate is not a count: flops refuses GFLOP/s and flopsPerSecond refuses GFLOP")
    void aRateIsNotACount() {
        assertThatIllegalArgumentException().describedAs("GFLOP/s is a rate: it says how fast, not how much")
                .isThrownBy(() -> Units.flops(1, "GFLOP/s")).withMessageContaining("GFLOP/s")
                .withMessageContaining("rate");
        assertThatIllegalArgumentException().describedAs("GFLOP is a count: it says how much, not how fast")
                .isThrownBy(() -> Units.flopsPerSecond(1, "GFLOP")).withMessageContaining("GFLOP")
                .withMessageContaining("count");
    }

    @Test
    @Order(19)
    @DisplayName("an unknown unit is rejected, naming it: GFLOPS, EFLOP, gflop")
    void anUnknownUnitIsRejected() {
        for (String unit : new String[] {"GFLOPS", "EFLOP", "gflop", "GB"}) {
            assertThatIllegalArgumentException().describedAs("%s is none of FLOP, kFLOP, ..., PFLOP", unit)
                    .isThrownBy(() -> Units.flops(1, unit)).withMessageContaining(unit)
                    .withMessageContaining("unknown unit");
        }
        assertThatIllegalArgumentException().describedAs("XFLOP/s is no rate unit")
                .isThrownBy(() -> Units.flopsPerSecond(1, "XFLOP/s")).withMessageContaining("XFLOP/s")
                .withMessageContaining("unknown unit");
    }

    @Test
    @Order(20)
    @DisplayName("time is FLOPs over FLOP/s: the 41.876 GFLOP layer takes 0.041876 s at 1 TFLOP/s")
    void timeIsFlopsOverRate() {
        double seconds = Units.seconds(GPT3_SMALL_LAYER, Units.flopsPerSecond(1, "TFLOP/s"));

        assertThat(seconds).describedAs("a count divided by a rate is a time: 41.876e9 / 1e12")
                .isCloseTo(0.041875931136, offset(Tolerance.DEFAULT));
        assertThat(Units.seconds(0, 5)).describedAs("no work takes no time").isZero();
    }

    @Test
    @Order(21)
    @DisplayName("seconds rejects a negative or NaN count and a rate that is not above 0")
    void secondsRejectsBadArguments() {
        assertThatIllegalArgumentException().describedAs("a negative count")
                .isThrownBy(() -> Units.seconds(-1, 1e9)).withMessageContaining("flops");
        assertThatIllegalArgumentException().describedAs("NaN FLOPs")
                .isThrownBy(() -> Units.seconds(Double.NaN, 1e9)).withMessageContaining("flops");
        assertThatIllegalArgumentException().describedAs("a device that does nothing never finishes")
                .isThrownBy(() -> Units.seconds(1, 0)).withMessageContaining("flopsPerSecond");
        assertThatIllegalArgumentException().describedAs("a NaN rate")
                .isThrownBy(() -> Units.seconds(1, Double.NaN)).withMessageContaining("flopsPerSecond");
    }

    // ---- BlockedMatmul ------------------------------------------------------------------------

    @Test
    @Order(22)
    @DisplayName("blocked multiply of 2 x 2 matrices with block 1 is the matrix product")
    void blockedMultipliesTwoByTwo() {
        Tensor a = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
        Tensor b = Tensor.matrix(new double[] {5, 6}, new double[] {7, 8});

        Tensor product = BlockedMatmul.multiply(a, b, 1);

        assertThatTensor(product).describedAs("[[1*5 + 2*7, 1*6 + 2*8], [3*5 + 4*7, 3*6 + 4*8]]")
                .isCloseTo(Tensor.matrix(new double[] {19, 22}, new double[] {43, 50}));
    }

    @Test
    @Order(23)
    @DisplayName("blocked multiply handles sizes the block does not divide: (3 x 5)(5 x 3) in blocks of 2")
    void blockedHandlesSizesTheBlockDoesNotDivide() {
        Tensor a = Tensor.of(new int[] {3, 5}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        Tensor b = Tensor.of(new int[] {5, 3}, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2);

        Tensor product = BlockedMatmul.multiply(a, b, 2);

        assertThatTensor(product).describedAs("tiles of 2 leave a last tile of 1 in every direction; the sum"
                + " over k adds up the tiles k = 0..1, 2..3 and 4").isCloseTo(Tensor.matrix(
                        new double[] {15, 16, 17}, new double[] {35, 36, 37}, new double[] {55, 56, 57}));
    }

    @Test
    @Order(24)
    @DisplayName("blocked multiply reads each operand through its strides and offset and leaves it alone")
    void blockedReadsOperandsInAnyLayout() {
        // [[1, 2], [3, 4]] stored column by column after one unused element.
        Tensor a = Tensor.strided(new double[] {9, 1, 3, 2, 4}, new int[] {2, 2}, new int[] {1, 2}, 1);
        // [5, 6] as both rows: stride 0.
        Tensor b = Tensor.strided(new double[] {5, 6}, new int[] {2, 2}, new int[] {0, 1}, 0);
        Inputs inputs = Inputs.snapshot("a", a, "b", b);

        Tensor product = BlockedMatmul.multiply(a, b, 3);

        inputs.assertUntouched();
        assertThatTensor(product).describedAs("a = %s, b = %s", a, b)
                .isCloseTo(Tensor.matrix(new double[] {15, 18}, new double[] {35, 42}))
                .doesNotShareStorageWith(a).doesNotShareStorageWith(b).hasStrides(2, 1);
    }

    @Test
    @Order(25)
    @DisplayName("blocked multiply with an empty inner axis gives zeros, with an empty outer axis an empty result")
    void blockedWithEmptyAxes() {
        Tensor zeros = BlockedMatmul.multiply(Tensor.zeros(2, 0), Tensor.zeros(0, 3), 2);
        Tensor empty = BlockedMatmul.multiply(Tensor.zeros(0, 2), Tensor.zeros(2, 3), 2);

        assertThatTensor(zeros).describedAs("(2 x 0)(0 x 3): each output is an empty sum, 0")
                .isCloseTo(Tensor.zeros(2, 3));
        assertThatTensor(empty).describedAs("(0 x 2)(2 x 3): no rows").hasShape(0, 3);
    }

    @Test
    @Order(26)
    @DisplayName("blocked multiply returns fresh zeros for an empty inner axis: writing into one leaves the next at 0")
    void blockedReturnsFreshZerosForAnEmptyInnerAxis() {
        Tensor first = BlockedMatmul.multiply(Tensor.zeros(2, 0), Tensor.zeros(0, 3), 2);
        first.set(7, 1, 2);

        Tensor second = BlockedMatmul.multiply(Tensor.zeros(2, 0), Tensor.zeros(0, 3), 2);

        assertThatTensor(second).describedAs("a second (2 x 0)(0 x 3) product after the first result was written"
                + " to: a fresh tensor every call, never a cached zeros tensor").isCloseTo(Tensor.zeros(2, 3))
                .doesNotShareStorageWith(first).hasStrides(3, 1);
    }

    @Test
    @Order(27)
    @DisplayName("blocked multiply rejects shapes that do not multiply and a block below 1, naming them")
    void blockedRejectsBadArguments() {
        assertThatIllegalArgumentException().describedAs("(2 x 3)(4 x 2): 3 columns meet 4 rows")
                .isThrownBy(() -> BlockedMatmul.multiply(Tensor.zeros(2, 3), Tensor.zeros(4, 2), 2))
                .withMessageContaining("[2, 3]").withMessageContaining("[4, 2]");
        assertThatIllegalArgumentException().describedAs("a vector is not a matrix")
                .isThrownBy(() -> BlockedMatmul.multiply(Tensor.zeros(3), Tensor.zeros(3, 2), 2))
                .withMessageMatching("(?s).*\\ba\\b.*").withMessageContaining("[3]");
        assertThatIllegalArgumentException().describedAs("b must be a matrix too")
                .isThrownBy(() -> BlockedMatmul.multiply(Tensor.zeros(2, 3), Tensor.zeros(3), 2))
                .withMessageMatching("(?s).*\\bb\\b.*").withMessageContaining("[3]");
        assertThatIllegalArgumentException().describedAs("a tile of 0 never moves on")
                .isThrownBy(() -> BlockedMatmul.multiply(Tensor.zeros(2, 2), Tensor.zeros(2, 2), 0))
                .withMessageContaining("block").withMessageMatching("(?s).*(?<![\\w-])0\\b.*");
    }
}
