package kata.contiguity;

import static kata.contiguity.Layouts.numbered;
import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;

import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@Tag("kata-03")
@Order(2)
@DisplayName("03 Contiguity: examples of split and merge heads")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeadsSpec {


    @Test
    @Order(1)
    @DisplayName("split into 2 heads: head i gets columns i*d_k .. i*d_k + d_k - 1 of every token")
    void splitGivesHeadIColumnsIDkToIDkPlusDk() {
        Tensor x = Tensor.of(new int[] {3, 4}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11); // (T, d) = (3, 4)

        Tensor heads = Heads.split(x, 2);

        Tensor expected = Tensor.of(new int[] {2, 3, 2}, // (h, T, d_k)
                0, 1, 4, 5, 8, 9,      // head 0: columns 0-1 of tokens 0, 1, 2
                2, 3, 6, 7, 10, 11);   // head 1: columns 2-3
        assertThatTensor(heads).describedAs("heads[i, t, j] = x[t, i * d_k + j] with d_k = 2").isCloseTo(expected);
    }

    @Test
    @Order(2)
    @DisplayName("split is a view of the input with strides (d_k, d, 1), and it is not contiguous")
    void splitIsAViewThatIsNotContiguous() {
        Tensor x = Tensor.zeros(3, 4);

        Tensor heads = Heads.split(x, 2);

        assertThatTensor(heads).sharesStorageWith(x)
                .describedAs("(3, 4) viewed as (T, h, d_k) = (3, 2, 2) has strides (4, 2, 1); "
                        + "putting the heads first swaps the first two")
                .hasStrides(2, 4, 1);
        assertThat(Views.isContiguous(heads)).describedAs("split heads read every token's columns with a stride of d").isFalse();
    }

    @Test
    @Order(3)
    @DisplayName("split of a transposed x gives every head its columns all the same")
    void splitOfATransposedInput() {
        Tensor x = Views.transpose(Tensor.of(new int[] {4, 3}, numbered(12)), 0, 1); // (T, d) = (3, 4), strides (1, 3)

        Tensor heads = Heads.split(x, 2);

        Tensor expected = Tensor.of(new int[] {2, 3, 2}, // (h, T, d_k)
                0, 3, 1, 4, 2, 5,      // head 0: columns 0-1 of x, that is rows 0-1 of the (4, 3) storage
                6, 9, 7, 10, 8, 11);   // head 1: columns 2-3
        assertThatTensor(heads).describedAs("heads[i, t, j] = x[t, i * d_k + j] for x = %s", x).isCloseTo(expected);
    }

    @Test
    @Order(4)
    @DisplayName("head 1 of split heads is narrow(heads, 0, 1, 1): columns d_k .. 2*d_k - 1 of every token")
    void narrowingSplitHeadsPicksOneHead() {
        Tensor x = Tensor.of(new int[] {3, 4}, numbered(12)); // (T, d) = (3, 4), storage 0..11

        Tensor head = Views.narrow(Heads.split(x, 2), 0, 1, 1); // (1, T, d_k)

        assertThatTensor(head).describedAs("head 1 of (3, 4) split into 2 heads: columns 2 and 3 of tokens 0, 1, 2, "
                        + "read from storage at offset d_k = 2 with strides (d_k, d, 1)")
                .hasStrides(2, 4, 1)
                .isCloseTo(Tensor.of(new int[] {1, 3, 2}, 2, 3, 6, 7, 10, 11));
        assertThat(head.offset()).describedAs("offset of head 1: d_k = 2").isEqualTo(2);
    }

    @Test
    @Order(5)
    @DisplayName("splitting a sequence of no tokens gives h heads of no tokens: (0, 4) -> (2, 0, 2)")
    void splitOfNoTokens() {
        Tensor heads = Heads.split(Tensor.zeros(0, 4), 2);

        assertThatTensor(heads).describedAs("(T, d) = (0, 4) split into 2 heads: (h, T, d_k) = (2, 0, 2)")
                .hasShape(2, 0, 2);
    }

    @Test
    @Order(6)
    @DisplayName("merge puts head i back in columns i*d_k .. i*d_k + d_k - 1: (2, 2, 2) -> (2, 4)")
    void mergePutsHeadIBackInColumnsIDkToIDkPlusDk() {
        Tensor heads = Tensor.of(new int[] {2, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8); // (h, T, d_k), fresh

        Tensor merged = Heads.merge(heads);

        Tensor expected = Tensor.matrix(new double[] {1, 2, 5, 6}, new double[] {3, 4, 7, 8}); // (T, d)
        assertThatTensor(merged)
                .describedAs("merged[t, i * d_k + j] = heads[i, t, j]: token t is head 0's row t, then head 1's; "
                        + "reading the heads' storage as it is gives [[1, 2, 3, 4], [5, 6, 7, 8]] instead")
                .isCloseTo(expected);
    }

    @Test
    @Order(7)
    @DisplayName("merging split heads gives the input back")
    void mergeUndoesSplit() {
        Tensor x = Tensor.of(new int[] {3, 4}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        Tensor back = Heads.merge(Heads.split(x, 2));

        assertThatTensor(back).describedAs("merge(split(x, 2))").isCloseTo(x);
    }

    @Test
    @Order(8)
    @DisplayName("merging the split of a contiguous x copies nothing: the result is a view of x")
    void mergeOfSplitHeadsIsAViewOfTheInput() {
        Tensor x = Tensor.of(new int[] {3, 4}, numbered(12));

        Tensor back = Heads.merge(Heads.split(x, 2));

        assertThatTensor(back)
                .describedAs("transposing split heads back gives a contiguous (T, h, d_k): view it, do not copy it")
                .sharesStorageWith(x);
    }

    @Test
    @Order(9)
    @DisplayName("merging fresh heads (h, T, d_k) has to copy: the result has storage of its own")
    void mergeOfFreshHeadsIsACopy() {
        Tensor heads = Tensor.of(new int[] {2, 2, 2}, 1, 2, 3, 4, 5, 6, 7, 8);

        Tensor merged = Heads.merge(heads);

        assertThatTensor(merged)
                .describedAs("token 0 needs head 0's row 0, then head 1's: not side by side in the heads' storage")
                .doesNotShareStorageWith(heads);
        assertThat(heads.storage()).describedAs("the heads' storage after merging them")
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    @Order(10)
    @DisplayName("merging heads of no tokens gives no tokens: (2, 0, 3) -> (0, 6)")
    void mergeOfNoTokens() {
        Tensor merged = Heads.merge(Tensor.zeros(2, 0, 3));

        assertThatTensor(merged).describedAs("(h, T, d_k) = (2, 0, 3) merged: (T, d) = (0, 6)").hasShape(0, 6);
    }
}
