package kata.multihead;

import static kata.support.testing.TensorAssert.assertThatTensor;

import java.util.function.Function;
import kata.support.AttentionResult;
import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.Tolerance;
import kata.support.testing.MatrixLayouts;

/** PyTorch's weights as a record (in two layouts), a layer that uses them, its golden checks, (h, T, n) tensors from arrays. */
final class Fixtures {

    private Fixtures() {
    }

    /** The weights of {@link GoldenMultiHead}, fresh row-major tensors. */
    static MultiHeadWeights goldenWeights() {
        return goldenWeights(Tensor::matrix, Tensor::vector);
    }

    /** The weights of {@link GoldenMultiHead}, each matrix stored column by column and each bias stepped. */
    static MultiHeadWeights goldenWeightsInOtherLayouts() {
        return goldenWeights(MatrixLayouts::transposedLayout, MatrixLayouts::steppedLayout);
    }

    private static MultiHeadWeights goldenWeights(Function<double[][], Tensor> matrix, Function<double[], Tensor> vector) {
        return new MultiHeadWeights(
                matrix.apply(GoldenMultiHead.W_Q), vector.apply(GoldenMultiHead.B_Q),
                matrix.apply(GoldenMultiHead.W_K), vector.apply(GoldenMultiHead.B_K),
                matrix.apply(GoldenMultiHead.W_V), vector.apply(GoldenMultiHead.B_V),
                matrix.apply(GoldenMultiHead.W_O), vector.apply(GoldenMultiHead.B_O));
    }

    /** A layer with PyTorch's weights and the given head. */
    static MultiHeadAttention goldenLayer(HeadAttention head) {
        MultiHeadAttention layer = new MultiHeadAttention(GoldenMultiHead.D_MODEL, GoldenMultiHead.NUM_HEADS,
                Seeds.random(7), head);
        layer.setWeights(goldenWeights());
        return layer;
    }

    static Tensor cube(double[][][] blocks) {
        int h = blocks.length;
        int rows = blocks[0].length;
        int columns = blocks[0][0].length;
        double[] values = new double[h * rows * columns];
        for (int i = 0; i < h; i++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(blocks[i][r], 0, values, (i * rows + r) * columns, columns);
            }
        }
        return Tensor.of(new int[] {h, rows, columns}, values);
    }

    /**
     * Checks PyTorch's self-attention of X under the causal mask against a layer with PyTorch's weights
     * and {@code head} (golden/generate.py: float64, need_weights=True, average_attn_weights=False).
     */
    static void assertGoldenSelfAttention(HeadAttention head, String heads) {
        assertGolden(head, heads, GoldenMultiHead.X, GoldenMultiHead.CAUSAL, GoldenMultiHead.SELF_WEIGHTS,
                GoldenMultiHead.SELF_OUTPUT);
    }

    /** Checks PyTorch's cross-attention of X on MEMORY under CROSS_MASKED, as above. */
    static void assertGoldenCrossAttention(HeadAttention head, String heads) {
        assertGolden(head, heads, GoldenMultiHead.MEMORY, GoldenMultiHead.CROSS_MASKED, GoldenMultiHead.CROSS_WEIGHTS,
                GoldenMultiHead.CROSS_OUTPUT);
    }

    private static void assertGolden(HeadAttention head, String heads, double[][] memory, boolean[][] masked,
                                     double[][][] weights, double[][] output) {
        Tensor keys = Tensor.matrix(memory);

        AttentionResult result = goldenLayer(head).forward(Tensor.matrix(GoldenMultiHead.X), keys, keys, masked);

        assertThatTensor(result.weights())
                .describedAs("every head's weights, (h, T_q, T_k), with %s: head i attends with columns 2i, 2i + 1 of"
                        + " Q and K, scaled by sqrt(d_k) = sqrt(2); the (T_q, T_k) mask goes to every head as it is", heads)
                .isCloseTo(cube(weights), Tolerance.FRAMEWORK);
        assertThatTensor(result.output())
                .describedAs("concat(head_0, head_1, head_2) W_O + b_O, one row per query, with %s", heads)
                .isCloseTo(Tensor.matrix(output), Tolerance.FRAMEWORK);
    }
}
