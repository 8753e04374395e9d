package kata.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Tensor: the support holder")
class TensorTest {

    @Test
    @DisplayName("a fresh tensor is row-major: the last index changes fastest")
    void freshTensorsAreRowMajor() {
        Tensor t = Tensor.of(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);

        assertThat(t.strides()).containsExactly(3, 1);
        assertThat(t.get(1, 0)).isEqualTo(4.0);
        assertThat(t.elementCount()).isEqualTo(6);
    }

    @Test
    @DisplayName("a strided tensor reads storage at offset + sum(index * stride)")
    void stridedReadsThroughTheLayout() {
        double[] storage = {9, 1, 2, 3, 4, 5, 6};

        Tensor transposed = Tensor.strided(storage, new int[] {3, 2}, new int[] {1, 3}, 1);

        assertThat(transposed.get(0, 1)).isEqualTo(4.0);
        assertThat(transposed.get(2, 0)).isEqualTo(3.0);
        assertThat(transposed.sharesStorageWith(Tensor.strided(storage, new int[] {1}, new int[] {1}, 0))).isTrue();
    }

    @Test
    @DisplayName("writes through one view are seen through another of the same storage")
    void viewsShareWrites() {
        Tensor t = Tensor.zeros(2, 2);
        Tensor view = Tensor.strided(t.storage(), new int[] {2, 2}, new int[] {1, 2}, 0);

        t.set(7.0, 0, 1);

        assertThat(view.get(1, 0)).isEqualTo(7.0);
    }

    @Test
    @DisplayName("a scalar has rank 0 and one element")
    void scalars() {
        Tensor s = Tensor.scalar(2.5);

        assertThat(s.rank()).isZero();
        assertThat(s.get()).isEqualTo(2.5);
        assertThat(s).hasToString("shape [] 2.5");
    }

    @Test
    @DisplayName("toString shows shape, values, and the layout of a view")
    void readableText() {
        Tensor view = Tensor.strided(new double[] {0, 1, 2, 3, 4}, new int[] {2, 2}, new int[] {1, 2}, 1);

        assertThat(Tensor.matrix(new double[] {1, 2}, new double[] {3, 0.5})).hasToString("shape [2, 2] [[1, 2], [3, 0.5]]");
        assertThat(view).hasToString("shape [2, 2], strides [1, 2], offset 1 [[1, 3], [2, 4]]");
    }

    @Test
    @DisplayName("bad indices and layouts are rejected with the shape in the message")
    void badInput() {
        Tensor t = Tensor.zeros(2, 3);

        assertThatIllegalArgumentException().isThrownBy(() -> t.get(2, 0)).withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> t.get(0)).withMessageContaining("rank 2");
        assertThatIllegalArgumentException().isThrownBy(() -> Tensor.of(new int[] {2, 2}, 1, 2, 3))
                .withMessageContaining("[2, 2]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Tensor.strided(new double[4], new int[] {2, 3}, new int[] {3, 1}, 0))
                .withMessageContaining("past the end");
    }

    @Test
    @DisplayName("the one-, two- and three-index get and set read and write what the array form does, errors included")
    void fixedArityIndices() {
        double[] storage = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Tensor vector = Tensor.strided(storage, new int[] {3}, new int[] {2}, 1);
        Tensor matrix = Tensor.strided(storage, new int[] {2, 3}, new int[] {1, 2}, 1);
        Tensor cube = Tensor.strided(storage, new int[] {2, 2, 3}, new int[] {6, 1, 2}, 0);

        assertThat(vector.get(2)).isEqualTo(vector.get(new int[] {2})).isEqualTo(5);
        assertThat(matrix.get(1, 2)).isEqualTo(matrix.get(new int[] {1, 2})).isEqualTo(6);
        assertThat(cube.get(1, 1, 2)).isEqualTo(cube.get(new int[] {1, 1, 2})).isEqualTo(11);
        vector.set(-1, 0);
        matrix.set(-2, 0, 1);
        cube.set(-3, 1, 0, 2);
        assertThat(storage[1]).isEqualTo(-1);
        assertThat(storage[3]).isEqualTo(-2);
        assertThat(storage[10]).isEqualTo(-3);
        for (Tensor t : new Tensor[] {vector, matrix, cube}) {
            assertThatIllegalArgumentException().isThrownBy(() -> t.get(3)).withMessageContaining("[");
            assertThatIllegalArgumentException().isThrownBy(() -> t.get(0, 3)).withMessageContaining("[");
            assertThatIllegalArgumentException().isThrownBy(() -> t.get(0, 0, 3)).withMessageContaining("[");
            assertThatIllegalArgumentException().isThrownBy(() -> t.get(-1)).withMessageContaining("[");
            assertThatIllegalArgumentException().isThrownBy(() -> t.set(0, -1, 0)).withMessageContaining("[");
            assertThatIllegalArgumentException().isThrownBy(() -> t.set(0, 0, -1, 0)).withMessageContaining("[");
            assertThatIllegalArgumentException().isThrownBy(() -> t.set(0, 3)).withMessageContaining("[");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> matrix.get(2, 0)).withMessage("index [2, 0] is out of range for shape [2, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> cube.set(0, 0, 2, 0)).withMessage("index [0, 2, 0] is out of range for shape [2, 2, 3]");
    }

    @Test
    @DisplayName("products read their operands through any layout and are fresh row-major tensors")
    void productsOfViews() {
        double[] storage = {9, 1, 2, 3, 4, 5, 6};
        Tensor a = Tensor.strided(storage, new int[] {2, 3}, new int[] {1, 2}, 1);   // [[1, 3, 5], [2, 4, 6]]
        Tensor b = Tensor.strided(storage, new int[] {3, 2}, new int[] {2, 1}, 1);   // [[1, 2], [3, 4], [5, 6]]
        Tensor broadcast = Tensor.strided(storage, new int[] {3, 2}, new int[] {0, 1}, 1);   // [[1, 2], [1, 2], [1, 2]]

        assertThat(Matrices.matmul(a, b).storage()).containsExactly(35, 44, 44, 56);
        assertThat(Matrices.matmul(a, broadcast).storage()).containsExactly(9, 18, 12, 24);
        assertThat(Matrices.matmul(b, Tensor.strided(storage, new int[] {2, 1}, new int[] {2, 0}, 1)).storage())
                .containsExactly(7, 15, 23);
        assertThat(Matrices.matmulTransposed(a, a).storage()).containsExactly(35, 44, 44, 56);
        assertThat(Matrices.matmul(a, b).strides()).containsExactly(2, 1);
        assertThat(storage).containsExactly(9, 1, 2, 3, 4, 5, 6);
        assertThat(Matrices.matmul(Tensor.zeros(0, 3), b).shape()).containsExactly(0, 2);
        assertThat(Matrices.matmul(a, Tensor.zeros(3, 0)).shape()).containsExactly(2, 0);
    }

    @Test
    @DisplayName("seeded tensors repeat exactly for the same seed")
    void seededRandomness() {
        Tensor a = Tensor.gaussian(Seeds.random(7), 3, 4);
        Tensor b = Tensor.gaussian(Seeds.random(7), 3, 4);

        assertThat(a.storage()).containsExactly(b.storage());
    }

    @Test
    @DisplayName("matrix helpers multiply, multiply by a transpose and apply a linear layer")
    void matrices() {
        Tensor a = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
        Tensor b = Tensor.matrix(new double[] {0, 1}, new double[] {1, 0});

        assertThat(Matrices.matmul(a, b).storage()).containsExactly(2, 1, 4, 3);
        assertThat(Matrices.matmulTransposed(a, a).storage()).containsExactly(5, 11, 11, 25);
        assertThat(Matrices.linear(a, Matrices.identity(2), Tensor.vector(10, 20)).storage()).containsExactly(11, 22, 13, 24);
        assertThatIllegalArgumentException().isThrownBy(() -> Matrices.matmul(a, Tensor.zeros(3, 1)))
                .withMessageContaining("[2, 2]").withMessageContaining("[3, 1]");
    }

    @Test
    @DisplayName("closeness is absolute near zero and relative for large numbers; NaN is close to nothing")
    void tolerance() {
        assertThat(Tolerance.close(0.0, 1e-10, Tolerance.DEFAULT)).isTrue();
        assertThat(Tolerance.close(1e12, 1e12 + 1, Tolerance.DEFAULT)).isTrue();
        assertThat(Tolerance.close(1.0, 1.001, Tolerance.DEFAULT)).isFalse();
        assertThat(Tolerance.close(Double.NaN, Double.NaN, Tolerance.DEFAULT)).isFalse();
    }
}
