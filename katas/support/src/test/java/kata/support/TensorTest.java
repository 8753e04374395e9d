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
