package kata.reduction;

import static kata.support.testing.Generators.nonEmptyShapes;
import static kata.support.testing.Generators.shapes;
import static kata.support.testing.Generators.tensors;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import kata.support.Tensor;
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
    @DisplayName("reductions never modify their input and return a tensor of their own")
    void reductionsNeverModifyTheirInput() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            double[] before = c.x().storage().clone();

            for (Reducer reducer : Reducer.values()) {
                for (boolean keepDim : new boolean[] {false, true}) {
                    Tensor result = reducer.apply(c.x(), c.axis(), keepDim);

                    assertThat(c.x().storage())
                            .describedAs("the input's storage after %s (keepDim %s) of %s: reading a tensor"
                                    + " must not write to it", reducer, keepDim, c)
                            .isEqualTo(before);
                    assertThatTensor(result)
                            .describedAs("the result of %s of %s", reducer, c)
                            .doesNotShareStorageWith(c.x());
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
        qt().withExamples(EXAMPLES).forAll(cases(tensors(nonEmptyShapes(1, 4), fewValues))).checkAssert(c -> {
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
    @DisplayName("variance equals the mean of squares minus the squared mean, and is never negative")
    void varianceIsTheMeanOfSquaresMinusTheSquaredMean() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            Tensor meanOfSquares = Reduction.mean(map(c.x(), v -> v * v), c.axis(), true);
            Tensor squaredMean = map(Reduction.mean(c.x(), c.axis(), true), m -> m * m);
            Tensor expected = Tensor.zeros(meanOfSquares.shape());
            for (int[] slot : Indices.of(expected.shape())) {
                expected.set(meanOfSquares.get(slot) - squaredMean.get(slot), slot);
            }

            Tensor variance = Reduction.variance(c.x(), c.axis(), true);

            assertThatTensor(variance)
                    .describedAs("variance over axis %d of %s: E[x^2] - E[x]^2, both means dividing by n = %d"
                            + " (biased, not n - 1)", c.axis(), c.x(), c.laneLength())
                    .isCloseTo(expected);
            for (int[] slot : Indices.of(variance.shape())) {
                assertThat(variance.get(slot))
                        .describedAs("variance at %s over axis %d of %s: a mean of squares is never negative",
                                Arrays.toString(slot), c.axis(), c.x())
                        .isGreaterThanOrEqualTo(0.0);
            }
        });
    }

    // ---- generators ----

    /** Tensors of rank 1 to 4 in every layout, values in [-10, 10], each with one of its axes. */
    private static Gen<Case> cases() {
        // Non-empty: mean, max, argmax and variance reject an empty lane; ReductionSpec pins size 0.
        return cases(tensors(nonEmptyShapes(1, 4)));
    }

    private static Gen<Case> cases(Gen<Tensor> tensors) {
        Gen<Case> cases = in -> {
            Tensor x = tensors.generate(in);
            int axis = integers().between(-x.rank(), x.rank() - 1).generate(in);
            return new Case(x, axis);
        };
        return cases.describedAs(Case::toString);
    }

    /** Tensors of rank 1 to 4 in every layout, each with a random order of all its axes. */
    private static Gen<Ordering> orderings() {
        Gen<Tensor> tensors = tensors(shapes(1, 4));
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
