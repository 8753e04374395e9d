package kata.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The shared plumbing: shape checks, the row-major walk, sums, head views and masks")
class PlumbingTest {

    private static final Tensor TRANSPOSED = Tensor.strided(new double[] {9, 1, 2, 3, 4, 5, 6},
            new int[] {3, 2}, new int[] {1, 3}, 1);                    // [[1, 4], [2, 5], [3, 6]]

    @Test
    @DisplayName("every shape check names the argument and prints the shape as [2, 3]")
    void shapeChecksNameTheArgumentAndTheShape() {
        Tensor x = Tensor.zeros(2, 3);

        assertThatIllegalArgumentException().isThrownBy(() -> Shapes.requireVector(x, "gamma"))
                .withMessage("gamma must be a vector (rank 1), but has shape [2, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> Shapes.requireMatrix(Tensor.zeros(2), "x"))
                .withMessage("x must be a matrix (rank 2), but has shape [2]");
        assertThatIllegalArgumentException().isThrownBy(() -> Shapes.requireRank(x, 3, "heads"))
                .withMessage("heads must have rank 3, but has shape [2, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> Shapes.requireShape(x, "w", 3, 2))
                .withMessage("w must have shape [3, 2], but has shape [2, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> Shapes.requireSameShape(x, "x", TRANSPOSED, "update"))
                .withMessage("x has shape [2, 3] but update has shape [3, 2]: they must have the same shape");
        assertThatIllegalArgumentException().isThrownBy(() -> Shapes.requireLastAxis(x, 4, "x"))
                .withMessage("x must have a last axis of size 4, but has shape [2, 3]");
        assertThatIllegalArgumentException().isThrownBy(() -> Shapes.requireLastAxis(Tensor.scalar(1), 1, "x"))
                .withMessageContaining("[]");
        assertThatIllegalArgumentException().isThrownBy(() -> Shapes.requireAtLeast(-1, 0, "length"))
                .withMessage("length must be at least 0, was -1");
    }

    @Test
    @DisplayName("a shape check passes the shapes it asks for")
    void shapeChecksPassWhatTheyAskFor() {
        Tensor x = Tensor.zeros(2, 3);

        Shapes.requireMatrix(x, "x");
        Shapes.requireRank(Tensor.zeros(1, 2, 3), 3, "heads");
        Shapes.requireVector(Tensor.zeros(3), "gamma");
        Shapes.requireShape(x, "x", 2, 3);
        Shapes.requireSameShape(x, "x", Tensor.zeros(2, 3), "y");
        Shapes.requireLastAxis(x, 3, "x");
        Shapes.requireAtLeast(0, 0, "length");
        Shapes.requireMask(null, 2, 3, "masked");
        Shapes.requireMask(new boolean[2][3], 2, 3, "masked");

        assertThat(Shapes.of(x)).isEqualTo("[2, 3]");
    }

    @Test
    @DisplayName("a mask must have one row per query and one entry per key")
    void masksMustFitTheScores() {
        assertThatIllegalArgumentException().isThrownBy(() -> Shapes.requireMask(new boolean[3][3], 2, 3, "masked"))
                .withMessageContaining("masked").withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Shapes.requireMask(new boolean[][] {{true, false, false}, {true, false, false, true}}, 2, 3, "masked"))
                .withMessageContaining("masked row 1").withMessageContaining("[2, 3]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Shapes.requireMask(new boolean[][] {{true, false, false}, null}, 2, 3, "masked"))
                .withMessageContaining("masked row 1");
    }

    @Test
    @DisplayName("the row-major walk visits every index once, the last axis fastest, and says when it is done")
    void rowMajorWalksEveryIndex() {
        int[] shape = {2, 1, 3};
        int[] index = new int[3];
        List<String> seen = new ArrayList<>();

        do {
            seen.add(index[0] + "" + index[1] + index[2]);
        } while (RowMajor.next(index, shape));

        assertThat(seen).containsExactly("000", "001", "002", "100", "101", "102");
        assertThat(index).containsExactly(0, 0, 0);
        assertThat(RowMajor.next(new int[0], new int[0])).as("a scalar has one index").isFalse();
    }

    @Test
    @DisplayName("the row walk moves over every axis but the last")
    void rowWalkSkipsTheLastAxis() {
        int[] shape = {2, 2, 5};
        int[] index = {0, 0, 4};
        List<String> seen = new ArrayList<>();

        do {
            seen.add(index[0] + "" + index[1] + index[2]);
        } while (RowMajor.nextRow(index, shape));

        assertThat(seen).containsExactly("004", "014", "104", "114");
    }

    @Test
    @DisplayName("add and addScaled read any layout and return a fresh row-major sum")
    void elementwiseSums() {
        Tensor a = Tensor.matrix(new double[] {1, 4}, new double[] {2, 5}, new double[] {3, 6});

        Tensor sum = Elementwise.add(a, TRANSPOSED);
        Tensor step = Elementwise.addScaled(a, -0.5, TRANSPOSED);

        assertThat(sum.shape()).containsExactly(3, 2);
        assertThat(sum.strides()).containsExactly(2, 1);
        assertThat(sum.storage()).containsExactly(2, 8, 4, 10, 6, 12);
        assertThat(step.storage()).containsExactly(0.5, 2, 1, 2.5, 1.5, 3);
        assertThat(sum.sharesStorageWith(a) || sum.sharesStorageWith(TRANSPOSED)).isFalse();
        assertThat(Elementwise.add(Tensor.zeros(2, 0), Tensor.zeros(2, 0)).shape()).containsExactly(2, 0);
        assertThat(Elementwise.add(Tensor.scalar(1), Tensor.scalar(2)).get()).isEqualTo(3.0);
        assertThatIllegalArgumentException().isThrownBy(() -> Elementwise.add(a, Tensor.zeros(1, 2)))
                .withMessageContaining("[3, 2]").withMessageContaining("[1, 2]");
    }

    @Test
    @DisplayName("split gives head i the columns i d_k .. (i + 1) d_k - 1; merge puts them back; head is a view")
    void headViews() {
        Tensor x = Tensor.of(new int[] {2, 4}, 0, 1, 2, 3, 10, 11, 12, 13);

        Tensor heads = HeadViews.split(x, 2);
        Tensor second = HeadViews.head(heads, 1);

        assertThat(heads.shape()).containsExactly(2, 2, 2);
        assertThat(heads.storage()).containsExactly(0, 1, 10, 11, 2, 3, 12, 13);
        assertThat(heads.sharesStorageWith(x)).isFalse();
        assertThat(second.get(1, 0)).isEqualTo(12.0);
        assertThat(HeadViews.merge(heads).storage()).containsExactly(0, 1, 2, 3, 10, 11, 12, 13);
        assertThat(HeadViews.split(TRANSPOSED, 1).storage()).containsExactly(1, 4, 2, 5, 3, 6);
        second.set(-1.0, 0, 0);
        assertThat(heads.get(1, 0, 0)).as("head() is a view").isEqualTo(-1.0);
    }

    @Test
    @DisplayName("stack puts matrices of one shape along a new first axis")
    void stackPutsMatricesSideBySide() {
        Tensor stacked = HeadViews.stack(TRANSPOSED, Tensor.of(new int[] {3, 2}, 7, 8, 9, 10, 11, 12));

        assertThat(stacked.shape()).containsExactly(2, 3, 2);
        assertThat(stacked.storage()).containsExactly(1, 4, 2, 5, 3, 6, 7, 8, 9, 10, 11, 12);
        assertThatIllegalArgumentException().isThrownBy(HeadViews::stack).withMessageContaining("at least one");
        assertThatIllegalArgumentException().isThrownBy(() -> HeadViews.stack(TRANSPOSED, Tensor.zeros(2, 3)))
                .withMessageContaining("matrices[1]");
        assertThatIllegalArgumentException().isThrownBy(() -> HeadViews.stack(Tensor.zeros(3)))
                .withMessageContaining("matrices[0]");
    }

    @Test
    @DisplayName("the head views refuse what is not a matrix, a bad head count and a bad head")
    void headViewErrors() {
        Tensor x = Tensor.zeros(2, 6);

        assertThatIllegalArgumentException().isThrownBy(() -> HeadViews.split(Tensor.zeros(2, 6, 1), 2))
                .withMessageContaining("x").withMessageContaining("[2, 6, 1]");
        assertThatIllegalArgumentException().isThrownBy(() -> HeadViews.split(x, 0)).withMessageContaining("numHeads");
        assertThatIllegalArgumentException().isThrownBy(() -> HeadViews.split(x, 4))
                .withMessageContaining("numHeads").withMessageContaining("[2, 6]");
        assertThatIllegalArgumentException().isThrownBy(() -> HeadViews.merge(x)).withMessageContaining("heads");
        assertThatIllegalArgumentException().isThrownBy(() -> HeadViews.head(HeadViews.split(x, 2), 2))
                .withMessageContaining("head 2");
        assertThatIllegalArgumentException().isThrownBy(() -> HeadViews.head(HeadViews.split(x, 2), -1))
                .withMessageContaining("head -1");
    }

    @Test
    @DisplayName("the causal mask hides every key after its query, the diagonal stays visible, and each call is fresh")
    void causalMask() {
        boolean[][] mask = Masks.causal(3);

        assertThat(mask).isDeepEqualTo(new boolean[][] {{false, true, true}, {false, false, true}, {false, false, false}});
        mask[0][1] = false;
        assertThat(Masks.causal(3)[0][1]).isTrue();
        assertThat(Masks.causal(0)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Masks.causal(-1)).withMessageContaining("length");
    }

    @Test
    @DisplayName("the padding mask hides a padded key from every query, in fresh rows")
    void paddingMask() {
        boolean[] padded = {false, true, false};

        boolean[][] mask = Masks.padding(padded, 3, 2, "memoryPadded");

        assertThat(mask).isDeepEqualTo(new boolean[][] {{false, true, false}, {false, true, false}});
        assertThat(mask[0]).isNotSameAs(padded).isNotSameAs(mask[1]);
        assertThat(Masks.padding(new boolean[] {true}, 1, 0, "padded")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Masks.padding(padded, 4, 2, "memoryPadded"))
                .withMessageContaining("memoryPadded").withMessageContaining("3").withMessageContaining("4");
        assertThatIllegalArgumentException().isThrownBy(() -> Masks.padding(new boolean[] {true, true}, 2, 1, "padded"))
                .withMessageContaining("padded").withMessageContaining("all 2");
    }
}
