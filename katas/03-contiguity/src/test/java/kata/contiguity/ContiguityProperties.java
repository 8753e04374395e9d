package kata.contiguity;

import static kata.contiguity.Layouts.anyLayouts;
import static kata.contiguity.Layouts.consecutive;
import static kata.contiguity.Layouts.contiguousLayouts;
import static kata.contiguity.Layouts.elements;
import static kata.contiguity.Layouts.inverse;
import static kata.contiguity.Layouts.permutation;
import static kata.contiguity.Layouts.storagePositions;
import static kata.support.testing.Generators.nonEmptyShapes;
import static kata.support.testing.Generators.shapes;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kata.support.Tensor;
import kata.support.testing.Indices;
import kata.support.testing.Inputs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

@Tag("kata-03")
@Order(4)
@DisplayName("03 Contiguity: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContiguityProperties {

    private static final int EXAMPLES = 100;

    /** A tensor and an order of its axes, some of them counted from the end (-1 is the last). */
    record Permuted(Tensor x, int[] order) {
        /** The order with every axis counted from 0. */
        int[] axes() {
            return Arrays.stream(order).map(axis -> axis < 0 ? axis + x.rank() : axis).toArray();
        }

        @Override
        public String toString() {
            return x + ", order " + Arrays.toString(order);
        }
    }

    /** A tensor with at least one element and one of its indices. */
    record Indexed(Tensor x, int[] index) {
        @Override
        public String toString() {
            return x + ", index " + Arrays.toString(index);
        }
    }

    /** A tensor, an axis (maybe negative) and a run {@code start .. start + length - 1} of it. */
    record Narrowed(Tensor x, int axis, int start, int length) {
        @Override
        public String toString() {
            return x + ", axis " + axis + ", start " + start + ", length " + length;
        }
    }

    /** A tensor and two of its axes. */
    record Swapped(Tensor x, int a, int b) {
        @Override
        public String toString() {
            return x + ", axes " + a + " and " + b;
        }
    }

    /** A tensor and another shape with as many elements. */
    record Reshaped(Tensor x, int[] shape) {
        @Override
        public String toString() {
            return x + ", viewed as " + Arrays.toString(shape);
        }
    }

    /** A (T, d) tensor and a number of heads that divides d. */
    record Split(Tensor x, int numHeads) {
        @Override
        public String toString() {
            return x + ", " + numHeads + " heads";
        }
    }

    private static Gen<Permuted> permuted(Gen<Tensor> tensors) {
        Gen<Integer> coin = integers().between(0, 1);
        return in -> {
            Tensor x = tensors.generate(in);
            int[] order = permutation(x.rank(), in);
            for (int i = 0; i < order.length; i++) {
                order[i] -= coin.generate(in) * x.rank(); // now and then counted from the end
            }
            return new Permuted(x, order);
        };
    }

    /** An axis of a tensor of rank {@code rank}, counted from 0 or (now and then) from the end. */
    private static int anyAxis(int rank, RandomnessSource in) {
        int axis = integers().between(0, rank - 1).generate(in);
        return integers().between(0, 1).generate(in) == 1 ? axis - rank : axis;
    }

    private static Gen<Swapped> swapped() {
        Gen<Tensor> tensors = anyLayouts(shapes(1, 4));
        return in -> {
            Tensor x = tensors.generate(in);
            return new Swapped(x, anyAxis(x.rank(), in), anyAxis(x.rank(), in));
        };
    }

    private static Gen<Indexed> indexed() {
        Gen<Tensor> tensors = anyLayouts(nonEmptyShapes(0, 4)); // an index needs an element to point at
        return in -> {
            Tensor x = tensors.generate(in);
            int[] index = new int[x.rank()];
            for (int axis = 0; axis < index.length; axis++) {
                index[axis] = integers().between(0, x.size(axis) - 1).generate(in);
            }
            return new Indexed(x, index);
        };
    }

    private static Gen<Narrowed> narrowed() {
        Gen<Tensor> tensors = anyLayouts(shapes(1, 4));
        return in -> {
            Tensor x = tensors.generate(in);
            int axis = anyAxis(x.rank(), in);
            int size = x.size(axis < 0 ? axis + x.rank() : axis);
            int start = integers().between(0, size).generate(in);
            int length = integers().between(0, size - start).generate(in);
            return new Narrowed(x, axis, start, length);
        };
    }

    /** The same sizes in another order, with sometimes a 1 inserted: as many elements, another shape. */
    private static Gen<Reshaped> reshaped() {
        Gen<Tensor> tensors = contiguousLayouts(shapes(0, 3));
        Gen<Integer> coin = integers().between(0, 1);
        return in -> {
            Tensor x = tensors.generate(in);
            int[] order = permutation(x.rank(), in);
            List<Integer> sizes = new ArrayList<>();
            for (int axis : order) {
                sizes.add(x.size(axis));
            }
            if (coin.generate(in) == 1) {
                sizes.add(integers().between(0, sizes.size()).generate(in), 1);
            }
            return new Reshaped(x, sizes.stream().mapToInt(Integer::intValue).toArray());
        };
    }

    /** (T, h * d_k) in every layout, h from 1 to 4, T and d_k from 0 to 4. */
    private static Gen<Split> splits() {
        Gen<Integer> sizes = integers().between(0, 4);
        Gen<Integer> heads = integers().between(1, 4);
        return in -> {
            int seqLen = sizes.generate(in);
            int numHeads = heads.generate(in);
            int headDim = sizes.generate(in);
            Tensor x = anyLayouts(any -> new int[] {seqLen, numHeads * headDim}).generate(in);
            return new Split(x, numHeads);
        };
    }

    private static boolean contiguousByDefinition(Tensor x) {
        return Arrays.equals(storagePositions(x), consecutive(x.offset(), x.elementCount()));
    }

    @Test
    @Order(1)
    @DisplayName("the position of every index is where the tensor reads that element")
    void positionIsWhereTheTensorReadsTheElement() {
        qt().withExamples(EXAMPLES).forAll(anyLayouts(shapes())).checkAssert(x -> {
            int[] positions = Indices.of(x.shape()).stream().mapToInt(index -> Strides.position(x, index)).toArray();

            assertThat(positions)
                    .describedAs("position of every index of %s, in row-major index order: offset + sum of "
                            + "index times stride", x)
                    .containsExactly(storagePositions(x));
        });
    }

    @Test
    @Order(2)
    @DisplayName("positions lists the position of every element, in row-major index order")
    void positionsFollowRowMajorIndexOrder() {
        qt().withExamples(EXAMPLES).forAll(anyLayouts(shapes())).checkAssert(x ->
                assertThat(Strides.positions(x))
                        .describedAs("positions of the elements of %s, index (0, ..., 0) first, last coordinate fastest", x)
                        .containsExactly(storagePositions(x)));
    }

    @Test
    @Order(3)
    @DisplayName("every position of a contiguous tensor, offset .. offset + n - 1, is enumerated once, in order")
    void everyPositionOfAContiguousTensorIsEnumeratedOnce() {
        qt().withExamples(EXAMPLES).forAll(contiguousLayouts(shapes())).checkAssert(x ->
                assertThat(Strides.positions(x))
                        .describedAs("positions of the contiguous %s", x)
                        .containsExactly(consecutive(x.offset(), x.elementCount())));
    }

    @Test
    @Order(4)
    @DisplayName("a permuted contiguous tensor enumerates the same positions, each once, in another order")
    void aPermutedContiguousTensorEnumeratesTheSamePositions() {
        qt().withExamples(EXAMPLES).forAll(permuted(contiguousLayouts(shapes()))).checkAssert(c ->
                assertThat(Strides.positions(Views.permute(c.x(), c.order())))
                        .describedAs("positions of a permute of the contiguous %s: the same storage, each "
                                + "position once", c)
                        .containsExactlyInAnyOrder(consecutive(c.x().offset(), c.x().elementCount())));
    }

    @Test
    @Order(5)
    @DisplayName("isContiguous is true exactly when row-major order reads offset, offset + 1, ... from storage")
    void isContiguousMatchesItsDefinition() {
        qt().withExamples(EXAMPLES).forAll(anyLayouts(shapes())).checkAssert(x ->
                assertThat(Views.isContiguous(x))
                        .describedAs("isContiguous of %s, whose elements in row-major order sit at %s", x,
                                Arrays.toString(storagePositions(x)))
                        .isEqualTo(contiguousByDefinition(x)));
    }

    @Test
    @Order(6)
    @DisplayName("contiguous() keeps every element, and copies exactly when the input is not contiguous")
    void contiguousKeepsTheElements() {
        qt().withExamples(EXAMPLES).forAll(anyLayouts(shapes())).checkAssert(x -> {
            Tensor c = Views.contiguous(x);

            assertThatTensor(c).describedAs("contiguous() of %s holds the same elements", x).isCloseTo(x);
            assertThat(contiguousByDefinition(c))
                    .describedAs("contiguous() of %s gave %s, which is not contiguous", x, c).isTrue();
            assertThat(c == x)
                    .describedAs("contiguous() of %s returns x itself exactly when x is already contiguous", x)
                    .isEqualTo(contiguousByDefinition(x));
        });
    }

    @Test
    @Order(7)
    @DisplayName("transposing the same two axes twice gives back the same layout over the same storage")
    void transposingTwiceIsTheIdentity() {
        qt().withExamples(EXAMPLES).forAll(swapped()).checkAssert(c -> {
            Tensor back = Views.transpose(Views.transpose(c.x(), c.a(), c.b()), c.a(), c.b());

            assertThatTensor(back).sharesStorageWith(c.x()).hasShape(c.x().shape()).hasStrides(c.x().strides());
            assertThat(back.offset()).describedAs("offset after transposing %s twice", c).isEqualTo(c.x().offset());
        });
    }

    @Test
    @Order(8)
    @DisplayName("axis i of a permute reads along axis order[i] of the input")
    void permuteReadsAxisOrderIOfTheInput() {
        qt().withExamples(EXAMPLES).forAll(permuted(anyLayouts(shapes()))).checkAssert(c -> {
            Tensor p = Views.permute(c.x(), c.order());

            Tensor expected = Tensor.zeros(p.shape());
            for (int[] index : Indices.of(p.shape())) {
                int[] original = new int[index.length];
                for (int i = 0; i < index.length; i++) {
                    original[c.axes()[i]] = index[i];
                }
                expected.set(c.x().get(original), index);
            }
            assertThatTensor(p).sharesStorageWith(c.x());
            assertThatTensor(p).describedAs("permute of %s: p[i_0, i_1, ...] reads x where axis order[k] has "
                    + "coordinate i_k", c).isCloseTo(expected);
        });
    }

    @Test
    @Order(9)
    @DisplayName("permuting, then permuting by the inverse order, gives back the same layout over the same storage")
    void permuteThenInverseIsTheIdentity() {
        qt().withExamples(EXAMPLES).forAll(permuted(anyLayouts(shapes()))).checkAssert(c -> {
            Tensor back = Views.permute(Views.permute(c.x(), c.order()), inverse(c.axes()));

            assertThatTensor(back).sharesStorageWith(c.x()).hasShape(c.x().shape()).hasStrides(c.x().strides());
            assertThat(back.offset()).describedAs("offset after permuting %s and back", c).isEqualTo(c.x().offset());
        });
    }

    @Test
    @Order(10)
    @DisplayName("a view of a contiguous tensor shares its storage and reads the same elements in row-major order")
    void aViewReadsTheSameElementsInRowMajorOrder() {
        qt().withExamples(EXAMPLES).forAll(reshaped()).checkAssert(c -> {
            Tensor v = Views.view(c.x(), c.shape());

            assertThatTensor(v).sharesStorageWith(c.x()).hasShape(c.shape());
            assertThat(elements(v))
                    .describedAs("elements in row-major order of %s", c)
                    .containsExactly(elements(c.x()));
        });
    }

    @Test
    @Order(11)
    @DisplayName("head i of split(x, h) holds columns i*d_k .. i*d_k + d_k - 1 of every token, for any layout of x")
    void splitGivesEveryHeadItsColumns() {
        qt().withExamples(EXAMPLES).forAll(splits()).checkAssert(c -> {
            Tensor heads = Heads.split(c.x(), c.numHeads());

            int headDim = c.x().size(1) / c.numHeads();
            Tensor expected = Tensor.zeros(c.numHeads(), c.x().size(0), headDim); // (h, T, d_k)
            for (int[] index : Indices.of(expected.shape())) {
                expected.set(c.x().get(index[1], index[0] * headDim + index[2]), index);
            }
            assertThatTensor(heads).describedAs("split of %s: heads[i, t, j] = x[t, i * d_k + j]", c)
                    .isCloseTo(expected);
        });
    }

    @Test
    @Order(12)
    @DisplayName("merge puts heads[i, t, j] at [t, i*d_k + j], for heads in any layout")
    void mergePutsEveryHeadInItsColumns() {
        qt().withExamples(EXAMPLES).forAll(anyLayouts(shapes(3, 3))).checkAssert(heads -> {
            Tensor merged = Heads.merge(heads);

            int headDim = heads.size(2);
            Tensor expected = Tensor.zeros(heads.size(1), heads.size(0) * headDim); // (T, d)
            for (int[] index : Indices.of(heads.shape())) {
                expected.set(heads.get(index), index[1], index[0] * headDim + index[2]);
            }
            assertThatTensor(merged).describedAs("merge of %s: merged[t, i * d_k + j] = heads[i, t, j]", heads)
                    .isCloseTo(expected);
        });
    }

    @Test
    @Order(13)
    @DisplayName("merging split heads gives the input back, for any layout of the input")
    void splitThenMergeIsTheIdentity() {
        qt().withExamples(EXAMPLES).forAll(splits()).checkAssert(c ->
                assertThatTensor(Heads.merge(Heads.split(c.x(), c.numHeads())))
                        .describedAs("merge(split(x, %d)) of %s", c.numHeads(), c.x())
                        .isCloseTo(c.x()));
    }

    @Test
    @Order(14)
    @DisplayName("narrow reads indices start .. start + length - 1 of the axis, as a view, for any layout")
    void narrowReadsARunOfTheAxis() {
        qt().withExamples(EXAMPLES).forAll(narrowed()).checkAssert(c -> {
            Tensor narrow = Views.narrow(c.x(), c.axis(), c.start(), c.length());

            int along = c.axis() < 0 ? c.axis() + c.x().rank() : c.axis();
            int[] shape = c.x().shape();
            shape[along] = c.length();
            Tensor expected = Tensor.zeros(shape);
            for (int[] index : Indices.of(shape)) {
                int[] original = index.clone();
                original[along] += c.start();
                expected.set(c.x().get(original), index);
            }
            assertThatTensor(narrow).describedAs("narrow of %s: result[.., i, ..] = x[.., start + i, ..]", c)
                    .isCloseTo(expected);
            assertThatTensor(narrow).sharesStorageWith(c.x()).hasStrides(c.x().strides());
        });
    }

    // ---- no method writes into its arguments ----

    @Test
    @Order(15)
    @DisplayName("rowMajor leaves the caller's shape as it was and returns a fresh array")
    void rowMajorLeavesTheShapeUntouched() {
        qt().withExamples(EXAMPLES).forAll(shapes()).checkAssert(shape -> {
            Inputs inputs = Inputs.snapshot("shape", shape);

            int[] strides = Strides.rowMajor(shape);

            inputs.assertUntouched();
            assertThat(strides).describedAs("the strides of %s must be a new array, not the shape itself",
                    Arrays.toString(shape)).isNotSameAs(shape);
        });
    }

    @Test
    @Order(16)
    @DisplayName("position leaves the shape, strides, index and tensor it is given as they were")
    void positionLeavesItsArgumentsUntouched() {
        qt().withExamples(EXAMPLES).forAll(indexed()).checkAssert(c -> {
            int[] shape = c.x().shape();
            int[] strides = c.x().strides();
            Inputs inputs = Inputs.snapshot("shape", shape, "strides", strides, "index", c.index(), "x", c.x());

            Strides.position(shape, strides, c.x().offset(), c.index());
            Strides.position(c.x(), c.index());

            inputs.assertUntouched();
        });
    }

    @Test
    @Order(17)
    @DisplayName("positions and isContiguous leave x as it was, in any layout")
    void positionsAndIsContiguousLeaveXUntouched() {
        qt().withExamples(EXAMPLES).forAll(anyLayouts(shapes())).checkAssert(x -> {
            Inputs inputs = Inputs.snapshot("x", x);

            Strides.positions(x);
            Views.isContiguous(x);

            inputs.assertUntouched();
        });
    }

    @Test
    @Order(18)
    @DisplayName("transpose, permute and narrow return views and leave x and the order as they were")
    void transposePermuteAndNarrowLeaveTheirArgumentsUntouched() {
        qt().withExamples(EXAMPLES).forAll(permuted(anyLayouts(shapes(1, 4)))).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.x(), "order", c.order());

            Tensor transposed = Views.transpose(c.x(), 0, -1);
            Tensor permuted = Views.permute(c.x(), c.order());
            Tensor narrowed = Views.narrow(c.x(), -1, 0, c.x().size(c.x().rank() - 1));

            inputs.assertUntouched();
            assertThatTensor(transposed).describedAs("transpose of %s", c.x()).sharesStorageWith(c.x());
            assertThatTensor(permuted).describedAs("permute of %s", c).sharesStorageWith(c.x());
            assertThatTensor(narrowed).describedAs("narrow of %s", c.x()).sharesStorageWith(c.x());
        });
    }

    @Test
    @Order(19)
    @DisplayName("contiguous() leaves x as it was, and a copy it makes shares nothing with x")
    void contiguousLeavesXUntouched() {
        qt().withExamples(EXAMPLES).forAll(anyLayouts(shapes())).checkAssert(x -> {
            Inputs inputs = Inputs.snapshot("x", x);

            Tensor c = Views.contiguous(x);

            inputs.assertUntouched();
            if (c != x) {
                assertThatTensor(c).describedAs("the row-major copy of %s", x).doesNotShareStorageWith(x);
            }
        });
    }

    @Test
    @Order(20)
    @DisplayName("view leaves x and the new shape as they were")
    void viewLeavesItsArgumentsUntouched() {
        qt().withExamples(EXAMPLES).forAll(reshaped()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.x(), "shape", c.shape());

            Views.view(c.x(), c.shape());

            inputs.assertUntouched();
        });
    }

    @Test
    @Order(21)
    @DisplayName("split and merge leave their input as it was, in any layout; split of a contiguous x is a view")
    void splitAndMergeLeaveTheirInputUntouched() {
        qt().withExamples(EXAMPLES).forAll(splits()).checkAssert(c -> {
            Inputs inputs = Inputs.snapshot("x", c.x());

            Tensor heads = Heads.split(c.x(), c.numHeads());

            inputs.assertUntouched();
            if (contiguousByDefinition(c.x())) {
                assertThatTensor(heads).describedAs("split of the contiguous %s", c).sharesStorageWith(c.x());
            }
            Inputs headsBefore = Inputs.snapshot("heads", heads);
            Heads.merge(heads);
            headsBefore.assertUntouched();
        });
    }
}
