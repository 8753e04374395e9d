package kata.support.testing;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import kata.support.Tensor;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators for shapes and tensors. Small on purpose (a property over 4 x 4 x 4 x 4
 * tensors finds the same mistakes as one over large ones, a hundred times faster), with size-1
 * axes, the odd size-0 axis and non-contiguous layouts on purpose (that is where strided code goes
 * wrong).
 *
 * <p>Every generated value prints readably, so a shrunk counterexample reads like
 * {@code shape [1, 3]} or {@code shape [2, 2], strides [1, 3], offset 1 [[0.5, -2], [1, 4]]}.
 */
public final class Generators {

    /** The largest rank {@link #shapes()} produces. */
    public static final int MAX_RANK = 4;

    /** The largest size of one axis {@link #shapes()} produces. */
    public static final int MAX_SIZE = 4;

    /** How often, one axis in this many, {@link #shapes} makes an axis of size 0. */
    public static final int EMPTY_AXIS_ODDS = 12;

    private Generators() {
    }

    /** Shapes of rank 0 to 4 with sizes 1 to 4, and now and then an axis of size 0 (see {@link #shapes(int, int, int)}). */
    public static Gen<int[]> shapes() {
        return shapes(0, MAX_RANK);
    }

    /** Shapes of rank {@code minRank} to {@code maxRank} with sizes 1 to 4, and now and then a size 0. */
    public static Gen<int[]> shapes(int minRank, int maxRank) {
        return shapes(minRank, maxRank, MAX_SIZE);
    }

    /**
     * Shapes of rank {@code minRank} to {@code maxRank} with sizes 1 to {@code maxSize}, except that
     * about one axis in {@value #EMPTY_AXIS_ODDS} has size 0: a tensor with no elements, which every
     * operation must handle as its Javadoc says (NumPy/PyTorch semantics, or a documented error).
     * A property that needs elements uses {@link #nonEmptyShapes} and says why.
     */
    public static Gen<int[]> shapes(int minRank, int maxRank, int maxSize) {
        Gen<Integer> odds = integers().between(1, EMPTY_AXIS_ODDS);
        Gen<Integer> sizes = integers().between(1, maxSize);
        return shapes(minRank, maxRank, in -> odds.generate(in) == 1 ? 0 : sizes.generate(in));
    }

    /** Shapes of rank {@code minRank} to {@code maxRank} with sizes 1 to 4: never an empty tensor. */
    public static Gen<int[]> nonEmptyShapes(int minRank, int maxRank) {
        return nonEmptyShapes(minRank, maxRank, MAX_SIZE);
    }

    /** Shapes of rank {@code minRank} to {@code maxRank} with sizes 1 to {@code maxSize}: never an empty tensor. */
    public static Gen<int[]> nonEmptyShapes(int minRank, int maxRank, int maxSize) {
        return shapes(minRank, maxRank, integers().between(1, maxSize));
    }

    private static Gen<int[]> shapes(int minRank, int maxRank, Gen<Integer> sizes) {
        Gen<Integer> ranks = integers().between(minRank, maxRank);
        Gen<int[]> shapes = in -> {
            int[] shape = new int[ranks.generate(in)];
            for (int axis = 0; axis < shape.length; axis++) {
                shape[axis] = sizes.generate(in);
            }
            return shape;
        };
        return shapes.describedAs(shape -> "shape " + Arrays.toString(shape));
    }

    /** Tensors of the given shapes, values in [-10, 10], in every kind of layout (see {@link #layouts}). */
    public static Gen<Tensor> tensors(Gen<int[]> shapes) {
        return tensors(shapes, doubles().between(-10.0, 10.0));
    }

    /** Tensors of the given shapes and values, in every kind of layout (see {@link #layouts}). */
    public static Gen<Tensor> tensors(Gen<int[]> shapes, Gen<Double> values) {
        return in -> layouts(shapes.generate(in), values).generate(in);
    }

    /**
     * Like {@link #tensors(Gen)}, and one time in four a broadcast view instead: some axes of size
     * above 1 have stride 0 and repeat one element along them, as {@code broadcastTo} makes them.
     * For arguments that an operation only reads; writing into such a tensor writes every repeat.
     */
    public static Gen<Tensor> anyLayouts(Gen<int[]> shapes) {
        return anyLayouts(shapes, doubles().between(-10.0, 10.0));
    }

    /** {@link #anyLayouts(Gen)} with the given values. */
    public static Gen<Tensor> anyLayouts(Gen<int[]> shapes, Gen<Double> values) {
        Gen<Integer> quarter = integers().between(0, 3);
        Gen<Integer> coin = integers().between(0, 1);
        return in -> {
            int[] shape = shapes.generate(in);
            if (quarter.generate(in) != 0) {
                return layouts(shape, values).generate(in);
            }
            int[] source = shape.clone();
            for (int axis = 0; axis < shape.length; axis++) {
                if (shape[axis] > 1 && coin.generate(in) == 1) {
                    source[axis] = 1;
                }
            }
            Tensor base = layouts(source, values).generate(in);
            int[] strides = base.strides();
            for (int axis = 0; axis < shape.length; axis++) {
                strides[axis] = source[axis] == shape[axis] ? strides[axis] : 0;
            }
            return Tensor.strided(base.storage(), shape, strides, base.offset());
        };
    }

    /** Fresh row-major tensors of the given shapes, values in [-10, 10]. */
    public static Gen<Tensor> contiguousTensors(Gen<int[]> shapes) {
        Gen<Double> values = doubles().between(-10.0, 10.0);
        return in -> {
            int[] shape = shapes.generate(in);
            Tensor tensor = Tensor.zeros(shape);
            for (int[] index : Indices.of(shape)) {
                tensor.set(values.generate(in), index);
            }
            return tensor;
        };
    }

    /**
     * One shape in many layouts: the axes laid out in storage in a random order (as after a
     * transpose or permute), every other element skipped along some axes (as after a slice with a
     * step), a random offset, arbitrary strides on size-1 axes, and unused storage filled with NaN
     * (code that reads a position it should not reads NaN, and the spec sees it). A shape with a
     * size-0 axis gets strides as if that axis had size 1, and storage that holds only NaN.
     */
    public static Gen<Tensor> layouts(int[] shape, Gen<Double> values) {
        int rank = shape.length;
        Gen<Integer> coin = integers().between(0, 1);
        Gen<Integer> offsets = integers().between(0, 3);
        Gen<Integer> oddStrides = integers().between(0, 5);
        return in -> {
            int[] order = permutation(rank, in, coin);
            int[] steps = new int[rank];
            int[] strides = new int[rank];
            int step = 1;
            for (int k = rank - 1; k >= 0; k--) {
                int axis = order[k];
                steps[axis] = 1 + coin.generate(in);
                strides[axis] = step * steps[axis];
                step *= Math.max(shape[axis], 1) * steps[axis];
            }
            for (int axis = 0; axis < rank; axis++) {
                if (shape[axis] == 1 && coin.generate(in) == 1) {
                    strides[axis] = oddStrides.generate(in);
                }
            }
            int offset = offsets.generate(in);
            double[] storage = new double[offset + step + coin.generate(in)];
            Arrays.fill(storage, Double.NaN);
            Tensor tensor = Tensor.strided(storage, shape, strides, offset);
            for (int[] index : Indices.of(shape)) {
                tensor.set(values.generate(in), index);
            }
            return tensor;
        };
    }

    /** A random permutation of 0..n-1, shrinking towards the identity. */
    private static int[] permutation(int n, org.quicktheories.core.RandomnessSource in, Gen<Integer> coin) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            if (coin.generate(in) == 1) {
                int j = integers().between(0, i - 1).generate(in);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }
}
