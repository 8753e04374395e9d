package kata.broadcasting;

import static kata.support.testing.Generators.shapes;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import kata.support.Tensor;
import kata.support.testing.Indices;
import kata.support.testing.Inputs;
import kata.support.testing.Generators;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

@Tag("kata-02")
@Order(2)
@DisplayName("02 Broadcasting: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BroadcastingProperties {

    private static final int TENSOR_EXAMPLES = 100;

    @Test
    @Order(1)
    @DisplayName("a shape broadcast with itself is itself")
    void aShapeWithItselfIsItself() {
        qt().forAll(shapes()).checkAssert(shape ->
                assertThat(Broadcasting.broadcastShape(shape, shape.clone()))
                        .describedAs("broadcastShape(s, s) for s = %s", Arrays.toString(shape))
                        .containsExactly(shape));
    }

    @Test
    @Order(2)
    @DisplayName("a scalar () broadcast with any shape gives that shape, on either side")
    void aScalarGivesTheOtherShape() {
        qt().forAll(shapes()).checkAssert(shape -> {
            assertThat(Broadcasting.broadcastShape(new int[0], shape))
                    .describedAs("broadcastShape((), %s)", Arrays.toString(shape)).containsExactly(shape);
            assertThat(Broadcasting.broadcastShape(shape, new int[0]))
                    .describedAs("broadcastShape(%s, ())", Arrays.toString(shape)).containsExactly(shape);
        });
    }

    @Test
    @Order(3)
    @DisplayName("two shapes made from one shape, by setting axes to 1 and dropping leading axes, broadcast back to it")
    void shapesMadeFromOneShapeBroadcastBackToIt() {
        qt().forAll(compatibleShapes()).checkAssert(pair ->
                assertThat(Broadcasting.broadcastShape(pair.a(), pair.b()))
                        .describedAs("%s: at every axis one of the two kept the full size", pair)
                        .containsExactly(pair.broadcast()));
    }

    @Test
    @Order(4)
    @DisplayName("broadcastShape is commutative: a with b gives the same shape as b with a")
    void broadcastShapeIsCommutative() {
        qt().forAll(compatibleShapes()).checkAssert(pair ->
                assertThat(Broadcasting.broadcastShape(pair.b(), pair.a()))
                        .describedAs("%s, with the operands swapped", pair)
                        .containsExactly(Broadcasting.broadcastShape(pair.a(), pair.b())));
    }

    @Test
    @Order(5)
    @DisplayName("sizes that differ with neither equal to 1 are rejected, naming both shapes and the axis")
    void sizesThatDifferWithNeitherOneAreRejected() {
        qt().forAll(clashingShapes()).checkAssert(pair ->
                assertThatIllegalArgumentException()
                        .describedAs("%s: those sizes cannot be stretched into each other", pair)
                        .isThrownBy(() -> Broadcasting.broadcastShape(pair.a(), pair.b()))
                        .withMessageContaining(Arrays.toString(pair.a()))
                        .withMessageContaining(Arrays.toString(pair.b()))
                        .withMessageContaining("axis " + pair.axisFromEnd()));
    }

    @Test
    @Order(6)
    @DisplayName("broadcastTo is a view of any layout that repeats elements, with stride 0 where it repeats")
    void broadcastToIsAViewThatRepeatsElements() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(sourceAndTarget()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.source(), "shape", c.target());

            Tensor view = Broadcasting.broadcastTo(c.source(), c.target());

            inputs.assertUntouched();
            assertThatTensor(view).describedAs("broadcastTo(%s)", c).hasShape(c.target())
                    .sharesStorageWith(c.source())
                    .isCloseTo(expectedBroadcast(c.source(), c.target()));
            assertThat(view.offset()).describedAs("offset of broadcastTo(%s)", c).isEqualTo(c.source().offset());
            int newAxes = c.target().length - c.source().rank();
            for (int axis = 0; axis < c.target().length; axis++) {
                boolean repeats = c.target()[axis] > 1 && (axis < newAxes || c.source().size(axis - newAxes) == 1);
                if (repeats) {
                    assertThat(view.strides()[axis])
                            .describedAs("stride of repeated axis %d of broadcastTo(%s)", axis, c).isZero();
                }
            }
        });
    }

    @Test
    @Order(7)
    @DisplayName("add of two tensors of any layout equals the explicit loop over every index")
    void addEqualsTheExplicitLoop() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(operands()).checkAssert(pair ->
                assertThatTensor(Broadcasting.add(pair.a(), pair.b()))
                        .describedAs("add of %s: out[i] = a[i'] + b[i''], where each operand reads index 0 "
                                + "on its size-1 axes", pair)
                        .isCloseTo(explicitLoop(pair, Double::sum)));
    }

    @Test
    @Order(8)
    @DisplayName("multiply of two tensors of any layout equals the explicit loop over every index")
    void multiplyEqualsTheExplicitLoop() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(operands()).checkAssert(pair ->
                assertThatTensor(Broadcasting.multiply(pair.a(), pair.b()))
                        .describedAs("multiply of %s: out[i] = a[i'] * b[i''], where each operand reads index 0 "
                                + "on its size-1 axes", pair)
                        .isCloseTo(explicitLoop(pair, (x, y) -> x * y)));
    }

    @Test
    @Order(9)
    @DisplayName("add, multiply and elementwise leave both operands alone and return a fresh row-major tensor")
    void elementwiseLeavesBothOperandsAloneAndReturnsAFreshTensor() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(operands()).checkAssert(pair -> {
            Inputs inputs = Inputs.snapshot("a", pair.a(), "b", pair.b());

            Tensor sum = Broadcasting.add(pair.a(), pair.b());
            Tensor product = Broadcasting.multiply(pair.a(), pair.b());
            Tensor difference = Broadcasting.elementwise(pair.a(), pair.b(), (x, y) -> x - y);

            inputs.assertUntouched();
            for (Tensor result : new Tensor[] {sum, product, difference}) {
                assertThatTensor(result).describedAs("the result for %s: storage of its own, row-major", pair)
                        .doesNotShareStorageWith(pair.a()).doesNotShareStorageWith(pair.b())
                        .hasStrides(Tensor.zeros(pair.broadcast()).strides());
            }
            assertThatTensor(difference).describedAs("elementwise a - b of %s", pair)
                    .isCloseTo(explicitLoop(pair, (x, y) -> x - y));
        });
    }

    @Test
    @Order(10)
    @DisplayName("addPositions equals the explicit loop x[b, t, j] + table[t, j] for inputs of every layout")
    void addPositionsEqualsTheExplicitLoopForEveryLayout() {
        qt().withExamples(TENSOR_EXAMPLES).forAll(batchesAndTables()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.x(), "table", c.table());
            Tensor expected = Tensor.zeros(c.x().shape());
            for (int[] index : Indices.of(c.x().shape())) {
                expected.set(c.x().get(index) + c.table().get(index[1], index[2]), index);
            }

            Tensor out = Positions.addPositions(c.x(), c.table());

            inputs.assertUntouched();
            assertThatTensor(out).describedAs("addPositions of %s: token t of every sample gets row t, read"
                    + " through the table's own strides and offset", c).isCloseTo(expected)
                    .doesNotShareStorageWith(c.x()).doesNotShareStorageWith(c.table());
        });
    }

    // ---- expected values, written out the long way ------------------------------------------------

    /** The element of {@code x} that index {@code index} of a larger broadcast shape reads. */
    private static double readBroadcast(Tensor x, int[] index) {
        int newAxes = index.length - x.rank();
        int[] own = new int[x.rank()];
        for (int axis = 0; axis < x.rank(); axis++) {
            own[axis] = x.size(axis) == 1 ? 0 : index[newAxes + axis];
        }
        return x.get(own);
    }

    private static Tensor expectedBroadcast(Tensor x, int[] target) {
        Tensor expected = Tensor.zeros(target);
        for (int[] index : Indices.of(target)) {
            expected.set(readBroadcast(x, index), index);
        }
        return expected;
    }

    private static Tensor explicitLoop(Operands pair, DoubleBinaryOperator op) {
        Tensor expected = Tensor.zeros(pair.broadcast());
        for (int[] index : Indices.of(pair.broadcast())) {
            expected.set(op.applyAsDouble(readBroadcast(pair.a(), index), readBroadcast(pair.b(), index)), index);
        }
        return expected;
    }

    // ---- generated cases ---------------------------------------------------------------------------

    /** Two shapes that broadcast to {@code broadcast}. */
    record CompatibleShapes(int[] a, int[] b, int[] broadcast) {
        @Override
        public String toString() {
            return Arrays.toString(a) + " with " + Arrays.toString(b) + " -> " + Arrays.toString(broadcast);
        }
    }

    /** Two shapes that clash at {@code axisFromEnd} (e.g. -2) and nowhere else. */
    record ClashingShapes(int[] a, int[] b, int axisFromEnd) {
        @Override
        public String toString() {
            return Arrays.toString(a) + " with " + Arrays.toString(b) + " (clash at axis " + axisFromEnd + ")";
        }
    }

    /** A tensor and a shape it broadcasts to. */
    record SourceAndTarget(Tensor source, int[] target) {
        @Override
        public String toString() {
            return source + " to " + Arrays.toString(target);
        }
    }

    /** A batch {@code (B, T, d)} and a positional table {@code (maxLen, d)} with {@code maxLen >= T}. */
    record BatchAndTable(Tensor x, Tensor table) {
        @Override
        public String toString() {
            return "x = " + x + ", table = " + table;
        }
    }

    /** Two tensors whose shapes broadcast to {@code broadcast}. */
    record Operands(Tensor a, Tensor b, int[] broadcast) {
        @Override
        public String toString() {
            return "a = " + a + " and b = " + b + " (broadcast shape " + Arrays.toString(broadcast) + ")";
        }
    }

    private static Gen<CompatibleShapes> compatibleShapes() {
        return in -> derive(shapes().generate(in), in);
    }

    /**
     * From one shape, two shapes that broadcast back to it: at each axis either operand (or both)
     * keeps the size and the other gets 1; then one operand drops some leading axes, all of them axes
     * where the other kept the size.
     */
    private static CompatibleShapes derive(int[] shape, RandomnessSource in) {
        int rank = shape.length;
        int[] a = shape.clone();
        int[] b = shape.clone();
        for (int axis = 0; axis < rank; axis++) {
            int keeper = integers().between(0, 2).generate(in); // 0: both, 1: only b, 2: only a
            if (keeper == 1) {
                a[axis] = 1;
            } else if (keeper == 2) {
                b[axis] = 1;
            }
        }
        int dropped = integers().between(0, rank).generate(in);
        boolean aDrops = integers().between(0, 1).generate(in) == 0;
        int[] dropping = aDrops ? a : b;
        int[] keeping = aDrops ? b : a;
        System.arraycopy(shape, 0, keeping, 0, dropped);
        int[] shorter = Arrays.copyOfRange(dropping, dropped, rank);
        return aDrops ? new CompatibleShapes(shorter, b, shape) : new CompatibleShapes(a, shorter, shape);
    }

    private static Gen<ClashingShapes> clashingShapes() {
        return in -> {
            int[] shape = shapes(1, Generators.MAX_RANK).generate(in);
            int rank = shape.length;
            int clash = integers().between(0, rank - 1).generate(in);
            CompatibleShapes pair = derive(shape, in);
            int[] a = pair.a();
            int[] b = pair.b();
            int sizeA = integers().between(2, 4).generate(in);
            int sizeB = 2 + (sizeA - 2 + integers().between(1, 2).generate(in)) % 3; // in [2, 4], not sizeA
            int[] longA = padFront(a, rank);
            int[] longB = padFront(b, rank);
            longA[clash] = sizeA;
            longB[clash] = sizeB;
            // Keep each operand's rank, unless it must grow to reach the clashing axis.
            int rankA = Math.max(a.length, rank - clash);
            int rankB = Math.max(b.length, rank - clash);
            return new ClashingShapes(Arrays.copyOfRange(longA, rank - rankA, rank),
                    Arrays.copyOfRange(longB, rank - rankB, rank), clash - rank);
        };
    }

    private static int[] padFront(int[] shape, int rank) {
        int[] padded = new int[rank];
        Arrays.fill(padded, 1);
        System.arraycopy(shape, 0, padded, rank - shape.length, shape.length);
        return padded;
    }

    private static Gen<SourceAndTarget> sourceAndTarget() {
        return in -> {
            CompatibleShapes pair = compatibleShapes().generate(in);
            return new SourceAndTarget(layout(pair.a(), in), pair.broadcast());
        };
    }

    private static Gen<Operands> operands() {
        return in -> {
            CompatibleShapes pair = compatibleShapes().generate(in);
            return new Operands(layout(pair.a(), in), layout(pair.b(), in), pair.broadcast());
        };
    }

    private static Gen<BatchAndTable> batchesAndTables() {
        return in -> {
            int[] x = shapes(3, 3).generate(in);                          // (B, T, d), any size 0 included
            int maxLen = x[1] + integers().between(0, 2).generate(in);
            return new BatchAndTable(layout(x, in), layout(new int[] {maxLen, x[2]}, in));
        };
    }

    /**
     * A tensor of the given shape in a random layout (permuted, stepped, offset, NaN in the gaps, or
     * a broadcast view with stride 0).
     */
    private static Tensor layout(int[] shape, RandomnessSource in) {
        return Generators.anyLayouts(ignored -> shape).generate(in);
    }
}
