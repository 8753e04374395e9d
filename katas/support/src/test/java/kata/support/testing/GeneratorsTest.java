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
    @DisplayName("shapes stay within rank 0..4 and sizes 1..4")
    void shapesStayInRange() {
        qt().forAll(Generators.shapes()).checkAssert(shape -> {
            assertThat(shape.length).isBetween(0, Generators.MAX_RANK);
            assertThat(Arrays.stream(shape).boxed()).allSatisfy(size -> assertThat(size).isBetween(1, Generators.MAX_SIZE));
        });
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
}
