package kata.contiguity;

import static kata.contiguity.Layouts.anyLayouts;
import static kata.contiguity.Layouts.consecutive;
import static kata.contiguity.Layouts.contiguousLayouts;
import static kata.contiguity.Layouts.elements;
import static kata.contiguity.Layouts.inverse;
import static kata.contiguity.Layouts.permutation;
import static kata.contiguity.Layouts.storagePositions;
import static kata.support.testing.Generators.layouts;
import static kata.support.testing.Generators.shapes;
import static kata.support.testing.Generators.tensors;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kata.support.Tensor;
import kata.support.testing.Indices;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-03")
@Order(3)
@DisplayName("03 Contiguity: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContiguityProperties {

    private static final int EXAMPLES = 100;

    /** A tensor and an order of its axes. */
    record Permuted(Tensor x, int[] order) {
        @Override
        public String toString() {
            return x + ", order " + Arrays.toString(order);
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
        return in -> {
            Tensor x = tensors.generate(in);
            return new Permuted(x, permutation(x.rank(), in));
        };
    }

    private static Gen<Swapped> swapped() {
        Gen<Tensor> tensors = tensors(shapes(1, 4));
        Gen<Integer> axes = integers().between(0, 3);
        return in -> {
            Tensor x = tensors.generate(in);
            return new Swapped(x, axes.generate(in) % x.rank(), axes.generate(in) % x.rank());
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

    /** (T, h * d_k) in every layout, T, h and d_k from 1 to 4. */
    private static Gen<Split> splits() {
        Gen<Integer> sizes = integers().between(1, 4);
        return in -> {
            int seqLen = sizes.generate(in);
            int numHeads = sizes.generate(in);
            int headDim = sizes.generate(in);
            Tensor x = layouts(new int[] {seqLen, numHeads * headDim}, doubles().between(-10.0, 10.0)).generate(in);
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
        qt().withExamples(EXAMPLES).forAll(permuted(tensors(shapes()))).checkAssert(c -> {
            Tensor p = Views.permute(c.x(), c.order());

            Tensor expected = Tensor.zeros(p.shape());
            for (int[] index : Indices.of(p.shape())) {
                int[] original = new int[index.length];
                for (int i = 0; i < index.length; i++) {
                    original[c.order()[i]] = index[i];
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
        qt().withExamples(EXAMPLES).forAll(permuted(tensors(shapes()))).checkAssert(c -> {
            Tensor back = Views.permute(Views.permute(c.x(), c.order()), inverse(c.order()));

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
        qt().withExamples(EXAMPLES).forAll(tensors(shapes(3, 3))).checkAssert(heads -> {
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
}
