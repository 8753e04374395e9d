package kata.support.testing;

import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("Generators: small shapes, every kind of layout")
class GeneratorsTest {

    @Test
    @DisplayName("shapes stay within rank 0..4 and sizes 0..4")
    void shapesStayInRange() {
        qt().forAll(Generators.shapes()).checkAssert(shape -> {
            assertThat(shape.length).isBetween(0, Generators.MAX_RANK);
            assertThat(Arrays.stream(shape).boxed()).allSatisfy(size -> assertThat(size).isBetween(0, Generators.MAX_SIZE));
        });
    }

    @Test
    @DisplayName("about one axis in twelve has size 0; nonEmptyShapes never has one")
    void sizeZeroAxesAreRareAndOnlyWhereAllowed() {
        int[] axesAndEmpty = new int[2];
        qt().withExamples(1000).forAll(Generators.shapes(1, 4)).checkAssert(shape -> {
            axesAndEmpty[0] += shape.length;
            axesAndEmpty[1] += (int) Arrays.stream(shape).filter(size -> size == 0).count();
        });

        assertThat((double) axesAndEmpty[1] / axesAndEmpty[0]).isBetween(0.5 / Generators.EMPTY_AXIS_ODDS,
                2.0 / Generators.EMPTY_AXIS_ODDS);
        qt().forAll(Generators.nonEmptyShapes(0, 4, 2)).checkAssert(shape ->
                assertThat(Arrays.stream(shape).boxed()).allSatisfy(size -> assertThat(size).isBetween(1, 2)));
    }

    @Test
    @DisplayName("a shape with a size-0 axis gets a valid layout with no elements")
    void emptyLayouts() {
        int[] empty = new int[1];
        qt().withExamples(300).forAll(Generators.tensors(Generators.shapes(1, 4))).checkAssert(tensor -> {
            if (Arrays.stream(tensor.shape()).anyMatch(size -> size == 0)) {
                empty[0]++;
                assertThat(tensor.elementCount()).isZero();
                assertThat(Arrays.stream(tensor.storage()).allMatch(Double::isNaN)).isTrue();
            }
        });

        assertThat(empty[0]).isPositive();
    }

    @Test
    @DisplayName("tensors have the generated shape, only finite values, and NaN only in unused storage")
    void tensorsAreWellFormed() {
        qt().forAll(Generators.tensors(Generators.shapes())).checkAssert(tensor -> {
            long finite = Arrays.stream(tensor.storage()).filter(Double::isFinite).count();
            assertThat(finite).isLessThanOrEqualTo(tensor.elementCount());
            assertThat(tensor.toString()).startsWith("shape " + Arrays.toString(tensor.shape()));
        });
    }

    @Test
    @DisplayName("across many examples the layouts include offsets, permuted axes and skipped elements")
    void layoutsVary() {
        Gen<Tensor> tensors = Generators.tensors(Generators.shapes(2, 3));
        boolean[] seen = new boolean[3];
        qt().withExamples(300).forAll(tensors).checkAssert(t -> {
            seen[0] |= t.offset() > 0;
            seen[1] |= t.strides()[0] < t.strides()[1];
            seen[2] |= t.storage().length > t.offset() + t.elementCount() + 1;
        });

        assertThat(seen).containsOnly(true);
    }

    @Test
    @DisplayName("anyLayouts also makes broadcast views: stride 0 on an axis of size above 1")
    void anyLayoutsIncludeBroadcastViews() {
        boolean[] seen = new boolean[1];
        qt().withExamples(300).forAll(Generators.anyLayouts(Generators.nonEmptyShapes(1, 3))).checkAssert(t -> {
            for (int axis = 0; axis < t.rank(); axis++) {
                seen[0] |= t.size(axis) > 1 && t.strides()[axis] == 0;
            }
        });

        assertThat(seen).containsOnly(true);
    }
}
