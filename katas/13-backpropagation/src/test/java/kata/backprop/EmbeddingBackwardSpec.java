package kata.backprop;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import kata.support.Tensor;
import kata.support.testing.Inputs;
import kata.support.testing.MatrixLayouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-13")
@Order(6)
@DisplayName("13 Backpropagation: embedding lookup")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddingBackwardSpec {

    @Test
    @Order(1)
    @DisplayName("each token's gradient lands in the row of its id; unused rows stay 0")
    void eachGradientLandsInTheRowOfItsId() {
        Tensor dTable = EmbeddingBackward.backward(new int[] {2, 0}, 3, 1.0, Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}));

        assertThatTensor(dTable).describedAs("row 2 from token 0, row 0 from token 1, row 1 unused")
                .isCloseTo(Tensor.matrix(new double[] {3, 4}, new double[] {0, 0}, new double[] {1, 2}));
    }

    @Test
    @Order(2)
    @DisplayName("a repeated id accumulates the gradients of every token that used it")
    void aRepeatedIdAccumulatesItsGradients() {
        Tensor dTable = EmbeddingBackward.backward(new int[] {1, 0, 1}, 2, 1.0,
                Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6}));

        assertThatTensor(dTable).describedAs("row 1 was used twice: [1, 2] + [5, 6], not the last one alone")
                .isCloseTo(Tensor.matrix(new double[] {3, 4}, new double[] {6, 8}));
    }

    @Test
    @Order(3)
    @DisplayName("the lookup's scale (sqrt(d) in kata 11) multiplies the gradient")
    void theScaleMultipliesTheGradient() {
        Tensor dTable = EmbeddingBackward.backward(new int[] {0}, 1, 2.0, Tensor.matrix(new double[] {1, 3}));

        assertThatTensor(dTable).describedAs("out = 2 table[id], so dtable = 2 dout").isCloseTo(Tensor.matrix(new double[] {2, 6}));
    }

    @Test
    @Order(4)
    @DisplayName("dOutput is read through its layout; ids and dOutput are left untouched; dtable is fresh")
    void dOutputIsReadThroughItsLayout() {
        Tensor dOutput = MatrixLayouts.transposedLayout(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        int[] ids = {1, 0, 1};
        Inputs inputs = Inputs.snapshot("ids", ids, "dOutput", dOutput);

        Tensor dTable = EmbeddingBackward.backward(ids, 2, 1.0, dOutput);

        inputs.assertUntouched();
        assertThatTensor(dTable).isCloseTo(Tensor.matrix(new double[] {3, 4}, new double[] {6, 8})).hasStrides(2, 1)
                .doesNotShareStorageWith(dOutput);
        assertThatTensor(EmbeddingBackward.backward(ids, 2, 1.0, MatrixLayouts.broadcastRow(new double[] {1, 2}, 3)))
                .describedAs("a broadcast dOutput (stride 0)").isCloseTo(Tensor.matrix(new double[] {1, 2}, new double[] {2, 4}));
    }

    @Test
    @Order(5)
    @DisplayName("no ids give a table of zeros; an empty vocabulary gives shape (0, d)")
    void emptyAxes() {
        assertThatTensor(EmbeddingBackward.backward(new int[0], 2, 1.0, Tensor.zeros(0, 3))).isCloseTo(Tensor.zeros(2, 3));
        assertThatTensor(EmbeddingBackward.backward(new int[0], 0, 1.0, Tensor.zeros(0, 3))).hasShape(0, 3);
    }

    @Test
    @Order(6)
    @DisplayName("a negative vocabulary, a dOutput of the wrong shape and an id out of range are rejected")
    void badArgumentsAreRejected() {
        assertThatIllegalArgumentException().describedAs("V must not be negative")
                .isThrownBy(() -> EmbeddingBackward.backward(new int[0], -1, 1.0, Tensor.zeros(0, 2)))
                .withMessageContaining("vocabSize");
        assertThatIllegalArgumentException().describedAs("dOutput must be (T, d)")
                .isThrownBy(() -> EmbeddingBackward.backward(new int[] {0}, 2, 1.0, Tensor.zeros(1)))
                .withMessageContaining("dOutput").withMessageContaining("[1]");
        assertThatIllegalArgumentException().describedAs("one row of dOutput per id")
                .isThrownBy(() -> EmbeddingBackward.backward(new int[] {0}, 2, 1.0, Tensor.zeros(2, 3)))
                .withMessageContaining("dOutput").withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException().describedAs("an id must be below V")
                .isThrownBy(() -> EmbeddingBackward.backward(new int[] {0, 2}, 2, 1.0, Tensor.zeros(2, 1)))
                .withMessageContaining("ids[1] = 2");
        assertThatIllegalArgumentException().describedAs("an id must not be negative")
                .isThrownBy(() -> EmbeddingBackward.backward(new int[] {-1}, 2, 1.0, Tensor.zeros(1, 1)))
                .withMessageContaining("ids[0] = -1");
    }
}
