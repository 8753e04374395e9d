package kata.multihead;

import kata.support.Seeds;
import kata.support.Tensor;
import kata.support.testing.MatrixLayouts;

/** PyTorch's weights as a record (in two layouts), a layer that uses them, and (h, T, d) tensors from nested arrays. */
final class Fixtures {

    private Fixtures() {
    }

    /** The weights of {@link GoldenMultiHead}, fresh row-major tensors. */
    static MultiHeadWeights goldenWeights() {
        return new MultiHeadWeights(
                Tensor.matrix(GoldenMultiHead.W_Q), Tensor.vector(GoldenMultiHead.B_Q),
                Tensor.matrix(GoldenMultiHead.W_K), Tensor.vector(GoldenMultiHead.B_K),
                Tensor.matrix(GoldenMultiHead.W_V), Tensor.vector(GoldenMultiHead.B_V),
                Tensor.matrix(GoldenMultiHead.W_O), Tensor.vector(GoldenMultiHead.B_O));
    }

    /** The weights of {@link GoldenMultiHead}, each matrix stored column by column and each bias stepped. */
    static MultiHeadWeights goldenWeightsInOtherLayouts() {
        return new MultiHeadWeights(
                MatrixLayouts.transposedLayout(GoldenMultiHead.W_Q), MatrixLayouts.steppedLayout(GoldenMultiHead.B_Q),
                MatrixLayouts.transposedLayout(GoldenMultiHead.W_K), MatrixLayouts.steppedLayout(GoldenMultiHead.B_K),
                MatrixLayouts.transposedLayout(GoldenMultiHead.W_V), MatrixLayouts.steppedLayout(GoldenMultiHead.B_V),
                MatrixLayouts.transposedLayout(GoldenMultiHead.W_O), MatrixLayouts.steppedLayout(GoldenMultiHead.B_O));
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
}
