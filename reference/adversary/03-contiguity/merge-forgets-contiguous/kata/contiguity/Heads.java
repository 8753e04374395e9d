package kata.contiguity;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Splitting T vectors of width d into h heads of width {@code d_k = d / h}, and merging them back.
 */
public final class Heads {

    private Heads() {
    }

    /** (T, d) -> (h, T, d_k). */
    public static Tensor split(Tensor x, int numHeads) {
        int[] shape = x.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException("split needs a (T, d) matrix, x has shape " + Arrays.toString(shape));
        }
        if (numHeads <= 0) {
            throw new IllegalArgumentException("numHeads " + numHeads + " must be positive (x has shape "
                    + Arrays.toString(shape) + ")");
        }
        int tokens = shape[0];
        int d = shape[1];
        if (d % numHeads != 0) {
            throw new IllegalArgumentException("d " + d + " is not divisible by numHeads " + numHeads
                    + " (x has shape " + Arrays.toString(shape) + ")");
        }
        int dk = d / numHeads;
        return Views.transpose(Views.view(Views.contiguous(x), tokens, numHeads, dk), 0, 1);
    }

    /** (h, T, d_k) -> (T, d). */
    public static Tensor merge(Tensor heads) {
        int[] shape = heads.shape();
        if (shape.length != 3) {
            throw new IllegalArgumentException("merge needs (h, T, d_k) heads of rank 3, heads have shape "
                    + Arrays.toString(shape));
        }
        int h = shape[0];
        int tokens = shape[1];
        int dk = shape[2];
        return Views.view(Views.transpose(heads, 0, 1), tokens, h * dk);
    }
}
