package kata.backprop;

import kata.support.Elementwise;
import kata.support.HeadViews;
import kata.support.Matrices;
import kata.support.Shapes;
import kata.support.Tensor;

/**
 * The backward pass of a linear layer {@code y = x W + b}, W {@code (d_in, d_out)}:
 * {@code dx = dy W^T}, {@code dW = x^T dy}, {@code db = sum of dy over rows}. Every row of x
 * (every position of every batch element) used W and b, so their gradients add up over all rows.
 *
 * <p>The mistakes learners make here, and the specs that catch them, are in
 * {@code reference/known-wrong/13-backpropagation/}.
 */
public final class LinearBackward {

    private LinearBackward() {
    }

    /** dx, dW, db of {@code y = x W + b} for x {@code (T, d_in)} or {@code (B, T, d_in)}. */
    public static LinearGradients backward(Tensor x, Tensor weight, Tensor dy) {
        check(x, weight, dy);
        if (x.rank() == 2) {
            return ofSequence(x, weight, dy);
        }
        // A batch is B sequences through one layer: each keeps its own dx, and dW, db add up over them.
        int batch = x.size(0);
        Tensor[] dxs = new Tensor[batch];
        Tensor dWeight = Tensor.zeros(weight.shape());                      // (d_in, d_out)
        Tensor dBias = Tensor.zeros(weight.size(1));                        // (d_out)
        for (int b = 0; b < batch; b++) {
            // Element b as a (T, d) view: HeadViews.head takes slice b of any rank-3 tensor.
            LinearGradients element = ofSequence(HeadViews.head(x, b), weight, HeadViews.head(dy, b));
            dxs[b] = element.dx();                                          // (T, d_in)
            dWeight = Elementwise.add(dWeight, element.dWeight());          // += over batch elements
            dBias = Elementwise.add(dBias, element.dBias());
        }
        Tensor dx = batch == 0 ? Tensor.zeros(x.shape()) : HeadViews.stack(dxs);   // (B, T, d_in)
        return new LinearGradients(dx, dWeight, dBias);
    }

    /** The gradients for one sequence x {@code (T, d_in)}. */
    private static LinearGradients ofSequence(Tensor x, Tensor weight, Tensor dy) {
        Tensor dx = Matrices.matmulTransposed(dy, weight);                 // (T, d_in) = dy W^T
        Tensor dWeight = Matrices.matmul(transposed(x), dy);               // (d_in, d_out) = x^T dy: a sum over every row
        Tensor dBias = Tensor.zeros(weight.size(1));                       // (d_out)
        for (int row = 0; row < dy.size(0); row++) {
            for (int j = 0; j < dBias.size(0); j++) {
                dBias.set(dBias.get(j) + dy.get(row, j), j);               // += over rows
            }
        }
        return new LinearGradients(dx, dWeight, dBias);
    }

    /** The transpose of a matrix as a view: the same storage, strides swapped. */
    private static Tensor transposed(Tensor m) {
        return Tensor.strided(m.storage(), new int[] {m.size(1), m.size(0)},
                new int[] {m.strides()[1], m.strides()[0]}, m.offset());
    }

    private static void check(Tensor x, Tensor weight, Tensor dy) {
        Shapes.requireMatrix(weight, "weight");
        if (x.rank() < 2 || x.rank() > 3) {
            throw new IllegalArgumentException("x must be (T, d_in) or (B, T, d_in), but has shape " + Shapes.of(x));
        }
        Shapes.requireLastAxis(x, weight.size(0), "x");
        int[] yShape = x.shape();
        yShape[yShape.length - 1] = weight.size(1);
        Shapes.requireShape(dy, "dy", yShape);
    }
}
