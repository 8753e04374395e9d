package kata.contiguity;

import java.util.Arrays;
import kata.support.Tensor;

/**
 * Splitting a sequence of d-wide vectors into h heads of width d_k = d / h, and merging them back:
 * the two reshapes multi-head attention does around the attention itself.
 *
 * <p>Common mistakes, and the spec that catches each:
 * <ul>
 *   <li>viewing {@code (T, d)} directly as {@code (h, T, d_k)}: the shapes match, but head 0 then
 *       gets the first T * d_k numbers of storage (whole tokens) instead of the first d_k columns of
 *       every token ({@code HeadsSpec#splitGivesHeadIColumnsIDkToIDkPlusDk});</li>
 *   <li>merging without the transpose back, or reading the transposed storage as if it were
 *       row-major (a reshape by {@code view} without {@code contiguous()}): the columns of the heads come out
 *       interleaved by token ({@code HeadsSpec#mergePutsHeadIBackInColumnsIDkToIDkPlusDk});</li>
 *   <li>merging by gathering into a fresh tensor every time: {@code merge(split(x))} of a
 *       contiguous x then copies what was already in place
 *       ({@code HeadsSpec#mergeOfSplitHeadsIsAViewOfTheInput});</li>
 *   <li>checking only {@code d % numHeads}: 0 heads divides by zero, -2 heads divides 4
 *       ({@code ContiguityErrorsSpec#splitRejectsZeroHeads},
 *       {@code ContiguityErrorsSpec#splitRejectsANegativeNumberOfHeads});</li>
 *   <li>reading the sizes without checking the rank, so (2, 4, 1) splits and (2, 3, 2, 1) merges
 *       ({@code ContiguityErrorsSpec#splitRejectsATensorThatIsNotAMatrix},
 *       {@code ContiguityErrorsSpec#mergeRejectsARankFourTensor});</li>
 *   <li>making a non-contiguous x contiguous by writing into its own storage
 *       ({@code ContiguityProperties#splitAndMergeLeaveTheirInputUntouched}).</li>
 * </ul>
 */
public final class Heads {

    private Heads() {
    }

    /**
     * {@code (T, d) -> (h, T, d_k)}: element {@code [i, t, j]} is {@code x[t, i * d_k + j]}.
     *
     * @throws IllegalArgumentException when x is not a matrix, numHeads is not positive, or d is
     *     not divisible by numHeads
     */
    public static Tensor split(Tensor x, int numHeads) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("split expects a matrix (T, d), got shape " + Arrays.toString(x.shape()));
        }
        int seqLen = x.size(0);
        int dModel = x.size(1);
        if (numHeads <= 0) {
            throw new IllegalArgumentException("numHeads must be positive, was " + numHeads + " (shape "
                    + Arrays.toString(x.shape()) + ")");
        }
        if (dModel % numHeads != 0) {
            throw new IllegalArgumentException("d = " + dModel + " is not divisible by numHeads = " + numHeads
                    + " (shape " + Arrays.toString(x.shape()) + ")");
        }
        int headDim = dModel / numHeads;
        // Each token's d numbers are h runs of d_k: view can cut them apart, a transpose puts heads first.
        Tensor perToken = Views.view(Views.contiguous(x), seqLen, numHeads, headDim); // (T, h, d_k)
        return Views.transpose(perToken, 0, 1);                                       // (h, T, d_k)
    }

    /**
     * {@code (h, T, d_k) -> (T, d)} with {@code d = h * d_k}: element {@code [t, i * d_k + j]} is
     * {@code heads[i, t, j]}; a view of the heads when no copy is needed.
     *
     * @throws IllegalArgumentException when heads does not have rank 3
     */
    public static Tensor merge(Tensor heads) {
        if (heads.rank() != 3) {
            throw new IllegalArgumentException("merge expects heads (h, T, d_k), got shape "
                    + Arrays.toString(heads.shape()));
        }
        int numHeads = heads.size(0);
        int seqLen = heads.size(1);
        int headDim = heads.size(2);
        Tensor perToken = Views.transpose(heads, 0, 1); // (T, h, d_k), in general not contiguous
        // view needs each token's h * d_k numbers side by side: contiguous() copies them so, if needed.
        return Views.view(Views.contiguous(perToken), seqLen, numHeads * headDim); // (T, d)
    }
}
