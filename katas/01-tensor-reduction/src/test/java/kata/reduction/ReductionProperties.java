package kata.reduction;

import static kata.support.testing.Generators.anyLayouts;
import static kata.support.testing.Generators.shapes;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import kata.support.Tensor;
import kata.support.testing.Inputs;
import kata.support.testing.Indices;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-01")
@Order(2)
@DisplayName("01 Tensor reduction: invariants")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReductionProperties {

    /** Examples per property: enough to meet every rank, axis and layout, small enough to stay fast. */
    private static final int EXAMPLES = 100;

    /** A large constant next to values in [-10, 10]: large enough that one-pass variance cancels. */
    private static final double SHIFT = 1e4;

    /** The five reductions by name, so that one property can check them all and a failure names one. */
    private enum Reducer {
        SUM(Reduction::sum), MEAN(Reduction::mean), MAX(Reduction::max), ARGMAX(Reduction::argmax),
        VARIANCE(Reduction::variance);

        private final Operation operation;

        Reducer(Operation operation) {
            this.operation = operation;
        }

        Tensor apply(Tensor x, int axis, boolean keepDim) {
            return operation.apply(x, axis, keepDim);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @FunctionalInterface
    private interface Operation {
        Tensor apply(Tensor x, int axis, boolean keepDim);
    }

    /** A tensor of rank 1 to 4 and one of its axes, from {@code -rank} to {@code rank - 1}. */
    private record Case(Tensor x, int axis) {

        /** The axis counted from the front, in {@code [0, rank)}. */
        int axisIndex() {
            return Math.floorMod(axis, x.rank());
        }

        /** How many elements one lane holds: the size of the reduced axis. */
        int laneLength() {
            return x.size(axisIndex());
        }

        @Override
        public String toString() {
            return "x = " + x + ", axis " + axis;
        }
    }

    /** A tensor of rank 1 to 4 and an order in which to reduce all its axes. */
    private record Ordering(Tensor x, int[] axes) {

        @Override
        public String toString() {
            return "x = " + x + ", reducing axes in the order " + Arrays.toString(axes);
        }
    }

    @Test
    @Order(1)
    @DisplayName("with keepDim the result has the input's rank and size 1 at the reduced axis")
    void keepDimKeepsTheRankWithOneAtTheAxis() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            int[] expected = c.x().shape();
            expected[c.axisIndex()] = 1;

            for (Reducer reducer : Reducer.values()) {
                Tensor result = reducer.apply(c.x(), c.axis(), true);

                assertThatTensor(result)
                        .describedAs("%s with keepDim of %s: the same rank, size 1 at axis %d, so the"
                                + " result lines up with the input", reducer, c, c.axis())
                        .hasShape(expected);
            }
        });
    }

    @Test
    @Order(2)
    @DisplayName("without keepDim the reduced axis disappears and the values stay in the same order")
    void droppingTheAxisRemovesItAndKeepsTheValues() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            int[] expectedShape = withoutAxis(c.x().shape(), c.axisIndex());

            for (Reducer reducer : Reducer.values()) {
                Tensor kept = reducer.apply(c.x(), c.axis(), true);
                Tensor dropped = reducer.apply(c.x(), c.axis(), false);

                assertThatTensor(dropped)
                        .describedAs("%s without keepDim of %s: the input's shape without axis %d", reducer, c,
                                c.axisIndex())
                        .hasShape(expectedShape);
                assertThat(values(dropped))
                        .describedAs("%s of %s: without keepDim the values are those of the keepDim result, in"
                                + " the same row-major order (removing a size-1 axis moves nothing)", reducer, c)
                        .isEqualTo(values(kept));
            }
        });
    }

    @Test
    @Order(3)
    @DisplayName("a negative axis means the same as that axis plus the rank")
    void aNegativeAxisMeansTheAxisPlusTheRank() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            int fromFront = c.axisIndex();
            int fromEnd = fromFront - c.x().rank();

            for (Reducer reducer : Reducer.values()) {
                Tensor expected = reducer.apply(c.x(), fromFront, false);

                Tensor actual = reducer.apply(c.x(), fromEnd, false);

                assertThatTensor(actual)
                        .describedAs("%s over axis %d of %s: axis %d + %d = %d", reducer, fromEnd, c.x(),
                                fromEnd, c.x().rank(), fromFront)
                        .hasShape(expected.shape());
                assertThat(values(actual))
                        .describedAs("%s over axis %d of %s must equal the %s over axis %d + %d = %d", reducer,
                                fromEnd, c.x(), reducer, fromEnd, c.x().rank(), fromFront)
                        .isEqualTo(values(expected));
            }
        });
    }

    @Test
    @Order(4)
    @DisplayName("reductions never modify their input and return a fresh row-major tensor of their own")
    void reductionsNeverModifyTheirInput() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            for (Reducer reducer : Reducer.values()) {
                for (boolean keepDim : new boolean[] {false, true}) {
                    Inputs inputs = Inputs.snapshot("x", c.x(), "axis", c.axis(), "keepDim", keepDim);

                    Tensor result = reducer.apply(c.x(), c.axis(), keepDim);

                    inputs.assertUntouched();
                    assertThatTensor(result)
                            .describedAs("the result of %s (keepDim %s) of %s: a fresh row-major tensor", reducer,
                                    keepDim, c)
                            .doesNotShareStorageWith(c.x())
                            .hasStrides(Tensor.zeros(result.shape()).strides());
                }
            }
        });
    }

    @Test
    @Order(5)
    @DisplayName("summing over every axis one by one gives the total of all elements, in any order")
    void summingOverEveryAxisInAnyOrderGivesTheTotal() {
        qt().withExamples(EXAMPLES).forAll(orderings()).checkAssert(o -> {
            Tensor partial = o.x();

            for (int axis : o.axes()) {
                partial = Reduction.sum(partial, axis, true);  // keepDim, so the other axes keep their numbers
            }

            assertThatTensor(partial)
                    .describedAs("summing %s: one axis at a time adds every element exactly once", o)
                    .isCloseTo(Tensor.of(ones(o.x().rank()), total(o.x())));
        });
    }

    @Test
    @Order(6)
    @DisplayName("mean times the length of the reduced axis is the sum")
    void meanTimesTheLaneLengthIsTheSum() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            Tensor sum = Reduction.sum(c.x(), c.axis(), true);

            Tensor mean = Reduction.mean(c.x(), c.axis(), true);

            assertThatTensor(map(mean, m -> m * c.laneLength()))
                    .describedAs("mean * %d over axis %d of %s: the mean divides the sum by the lane"
                            + " length %d, nothing else", c.laneLength(), c.axis(), c.x(), c.laneLength())
                    .isCloseTo(sum);
        });
    }

    @Test
    @Order(7)
    @DisplayName("max is at least every element of its lane and equal to one of them")
    void maxIsAtLeastEveryElementAndIsOneOfThem() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            Tensor max = Reduction.max(c.x(), c.axis(), true);

            for (int[] slot : Indices.of(max.shape())) {
                List<Double> lane = asList(lane(c.x(), c.axisIndex(), slot));
                double m = max.get(slot);

                assertThat(lane)
                        .describedAs("max %s of the lane %s of %s must be >= each of its elements", m, lane, c)
                        .allMatch(value -> value <= m);
                assertThat(lane)
                        .describedAs("max %s of the lane %s of %s must be one of its elements", m, lane, c)
                        .contains(m);
            }
        });
    }

    @Test
    @Order(8)
    @DisplayName("argmax points at the first occurrence of the max")
    void argmaxPointsAtTheFirstOccurrenceOfTheMax() {
        // Values from -2 to 2 only: ties are common, and so are lanes that are entirely negative.
        Gen<Double> fewValues = integers().between(-2, 2).map(Integer::doubleValue);
        qt().withExamples(EXAMPLES).forAll(cases(fewValues, false)).checkAssert(c -> {
            Tensor max = Reduction.max(c.x(), c.axis(), true);

            Tensor argmax = Reduction.argmax(c.x(), c.axis(), true);

            for (int[] slot : Indices.of(argmax.shape())) {
                List<Double> lane = asList(lane(c.x(), c.axisIndex(), slot));
                double position = argmax.get(slot);
                double m = max.get(slot);

                assertThat(position)
                        .describedAs("argmax of the lane %s of %s must be a position from 0 to %d", lane, c,
                                lane.size() - 1)
                        .isIn(positions(lane.size()));
                assertThat(lane.get((int) position))
                        .describedAs("argmax %s of the lane %s of %s must point at the max %s", position, lane,
                                c, m)
                        .isEqualTo(m);
                assertThat(lane.subList(0, (int) position))
                        .describedAs("the elements before argmax %s in the lane %s of %s must be smaller than the"
                                + " max: on a tie the first position wins", position, lane, c)
                        .allMatch(value -> value < m);
            }
        });
    }

    @Test
    @Order(9)
    @DisplayName("variance is the mean of the squared deviations from the lane's mean, and is never negative")
    void varianceIsTheMeanOfSquaredDeviations() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            Tensor variance = Reduction.variance(c.x(), c.axis(), true);

            Tensor expected = Tensor.zeros(variance.shape());
            for (int[] slot : Indices.of(expected.shape())) {
                double[] lane = lane(c.x(), c.axisIndex(), slot);
                double mean = Arrays.stream(lane).sum() / lane.length;
                expected.set(Arrays.stream(lane).map(v -> (v - mean) * (v - mean)).sum() / lane.length, slot);
            }
            assertThatTensor(variance)
                    .describedAs("variance over axis %d of %s: the mean first, then sum of (x - mean)^2 / n with"
                            + " n = %d (biased, not n - 1)", c.axis(), c.x(), c.laneLength())
                    .isCloseTo(expected);
            for (int[] slot : Indices.of(variance.shape())) {
                assertThat(variance.get(slot))
                        .describedAs("variance at %s over axis %d of %s: a mean of squares is never negative",
                                Arrays.toString(slot), c.axis(), c.x())
                        .isGreaterThanOrEqualTo(0.0);
            }
        });
    }

    @Test
    @Order(10)
    @DisplayName("variance does not change when a large constant (10^4) is added to every element")
    void varianceDoesNotChangeWhenALargeConstantIsAdded() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            Tensor shifted = map(c.x(), v -> v + SHIFT);

            Tensor variance = Reduction.variance(shifted, c.axis(), true);

            assertThatTensor(variance)
                    .describedAs("variance over axis %d of %s + 10^4 must equal that of %s: the spread did not change."
                            + " E[x^2] - E[x]^2 cancels when the mean is large: use two passes", c.axis(), c.x(), c.x())
                    .isCloseTo(Reduction.variance(c.x(), c.axis(), true));
        });
    }

    @Test
    @Order(11)
    @DisplayName("an empty lane sums to 0, and mean, max, argmax and variance reject it naming the axis and shape")
    void anEmptyLaneSumsToZeroAndEveryOtherReductionRejectsIt() {
        qt().withExamples(EXAMPLES).forAll(emptyLanes()).checkAssert(c -> {
            int[] kept = c.x().shape();
            kept[c.axisIndex()] = 1;

            Tensor sum = Reduction.sum(c.x(), c.axis(), true);

            assertThatTensor(sum).describedAs("sum over the empty axis %d of %s: the empty sum, 0, in every slot",
                    c.axis(), c.x()).isCloseTo(Tensor.zeros(kept));
            for (Reducer reducer : new Reducer[] {Reducer.MEAN, Reducer.MAX, Reducer.ARGMAX, Reducer.VARIANCE}) {
                assertThatIllegalArgumentException()
                        .describedAs("%s over the empty axis %d of %s: a lane with no element has no %s", reducer,
                                c.axis(), c.x(), reducer)
                        .isThrownBy(() -> reducer.apply(c.x(), c.axis(), false))
                        .withMessageContaining("axis " + c.axis())
                        .withMessageContaining(Arrays.toString(c.x().shape()));
            }
        });
    }

    // ---- generators ----

    /**
     * Tensors of rank 1 to 4 in every layout (broadcast views included), values in [-10, 10], each with
     * one of its axes. The reduced axis is never empty (mean, max, argmax and variance reject that,
     * see {@link #emptyLanes}); another axis may be, and then there are no lanes and the result is empty.
     */
    private static Gen<Case> cases() {
        return cases(doubles().between(-10.0, 10.0), false);
    }

    /** Like {@link #cases()}, but the reduced axis always has size 0. */
    private static Gen<Case> emptyLanes() {
        return cases(doubles().between(-10.0, 10.0), true);
    }

    private static Gen<Case> cases(Gen<Double> values, boolean emptyLane) {
        Gen<int[]> shapes = shapes(1, 4);
        Gen<Case> cases = in -> {
            int[] shape = shapes.generate(in);
            int axis = integers().between(-shape.length, shape.length - 1).generate(in);
            int a = Math.floorMod(axis, shape.length);
            shape[a] = emptyLane ? 0 : Math.max(shape[a], 1);
            return new Case(anyLayouts(ignored -> shape, values).generate(in), axis);
        };
        return cases.describedAs(Case::toString);
    }

    /** Tensors of rank 1 to 4 in every layout, each with a random order of all its axes. */
    private static Gen<Ordering> orderings() {
        Gen<Tensor> tensors = anyLayouts(shapes(1, 4));
        Gen<Ordering> orderings = in -> {
            Tensor x = tensors.generate(in);
            int[] axes = new int[x.rank()];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
            for (int i = axes.length - 1; i > 0; i--) {
                int j = integers().between(0, i).generate(in);
                int swap = axes[i];
                axes[i] = axes[j];
                axes[j] = swap;
            }
            return new Ordering(x, axes);
        };
        return orderings.describedAs(Ordering::toString);
    }

    // ---- helpers that read tensors element by element, the slow and obvious way ----

    /** The elements of {@code x} along axis {@code a} through {@code slot} (whose coordinate a is 0). */
    private static double[] lane(Tensor x, int a, int[] slot) {
        double[] lane = new double[x.size(a)];
        int[] index = slot.clone();
        for (int k = 0; k < lane.length; k++) {
            index[a] = k;
            lane[k] = x.get(index);
        }
        return lane;
    }

    private static double total(Tensor x) {
        double total = 0.0;
        for (int[] index : Indices.of(x.shape())) {
            total += x.get(index);
        }
        return total;
    }

    /** A fresh row-major tensor with {@code f} applied to every element of {@code x}. */
    private static Tensor map(Tensor x, DoubleUnaryOperator f) {
        Tensor result = Tensor.zeros(x.shape());
        for (int[] index : Indices.of(x.shape())) {
            result.set(f.applyAsDouble(x.get(index)), index);
        }
        return result;
    }

    /** {@code shape} without axis {@code a}. */
    private static int[] withoutAxis(int[] shape, int a) {
        int[] dropped = new int[shape.length - 1];
        for (int axis = 0, to = 0; axis < shape.length; axis++) {
            if (axis != a) {
                dropped[to++] = shape[axis];
            }
        }
        return dropped;
    }

    /** The elements in row-major order; as boxed Doubles, NaN equals NaN, so a NaN reads the same everywhere. */
    private static List<Double> values(Tensor x) {
        return Indices.of(x.shape()).stream().map(x::get).toList();
    }

    private static List<Double> asList(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static int[] ones(int rank) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        return shape;
    }

    private static Double[] positions(int count) {
        Double[] positions = new Double[count];
        for (int k = 0; k < count; k++) {
            positions[k] = (double) k;
        }
        return positions;
    }
}
