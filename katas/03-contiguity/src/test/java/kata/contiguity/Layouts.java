package kata.contiguity;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import kata.support.Tensor;
import kata.support.testing.Indices;
import kata.support.testing.Generators;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * What the specs of this kata need to know about a layout without asking the code under test:
 * indices in row-major order, elements in that order, the storage positions a tensor reads, and
 * generators of contiguous layouts and of permutations.
 */
final class Layouts {

    private Layouts() {
    }

    /** A storage array holding its own positions, storage[p] == p: every element read says where it sits. */
    static double[] numbered(int length) {
        double[] storage = new double[length];
        Arrays.setAll(storage, position -> position);
        return storage;
    }

    /** The elements of x in row-major index order, read with {@link Tensor#get}. */
    static double[] elements(Tensor x) {
        return Indices.of(x.shape()).stream().mapToDouble(x::get).toArray();
    }

    /**
     * The storage positions x reads, in row-major index order, found without arithmetic: the same
     * layout over a storage that holds its own positions (storage[p] == p) reads them back.
     */
    static int[] storagePositions(Tensor x) {
        Tensor positions = Tensor.strided(numbered(x.storage().length), x.shape(), x.strides(), x.offset());
        return Indices.of(x.shape()).stream().mapToInt(index -> (int) positions.get(index)).toArray();
    }

    /** offset, offset + 1, ..., offset + n - 1. */
    static int[] consecutive(int offset, int n) {
        int[] positions = new int[n];
        Arrays.setAll(positions, k -> offset + k);
        return positions;
    }

    /** The permutation that undoes {@code order}: {@code inverse[order[i]] = i}. */
    static int[] inverse(int[] order) {
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            inverse[order[i]] = i;
        }
        return inverse;
    }

    /**
     * Contiguous tensors of the given shapes that are not fresh: a random offset into a larger
     * storage (NaN outside the elements) and, on size-1 axes, sometimes an arbitrary stride.
     */
    static Gen<Tensor> contiguousLayouts(Gen<int[]> shapes) {
        Gen<Integer> offsets = integers().between(0, 3);
        Gen<Integer> oddStrides = integers().between(0, 5);
        Gen<Integer> coin = integers().between(0, 1);
        Gen<Double> values = doubles().between(-10.0, 10.0);
        Gen<Tensor> tensors = in -> {
            int[] shape = shapes.generate(in);
            Tensor fresh = Tensor.zeros(shape);
            int[] strides = fresh.strides();
            for (int axis = 0; axis < shape.length; axis++) {
                if (shape[axis] == 1 && coin.generate(in) == 1) {
                    strides[axis] = oddStrides.generate(in);
                }
            }
            int offset = offsets.generate(in);
            double[] storage = new double[offset + fresh.elementCount() + coin.generate(in)];
            Arrays.fill(storage, Double.NaN);
            Tensor tensor = Tensor.strided(storage, shape, strides, offset);
            for (int[] index : Indices.of(shape)) {
                tensor.set(values.generate(in), index);
            }
            return tensor;
        };
        return tensors.describedAs(Tensor::toString);
    }

    /**
     * Tensors in every layout of {@link Generators#anyLayouts} (stride-0 broadcast axes included),
     * half of them contiguous ones with an offset.
     */
    static Gen<Tensor> anyLayouts(Gen<int[]> shapes) {
        return Generators.anyLayouts(shapes).mix(contiguousLayouts(shapes));
    }

    /** A random permutation of {@code 0 .. n-1}. */
    static int[] permutation(int n, RandomnessSource in) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = integers().between(0, i).generate(in);
            int kept = order[i];
            order[i] = order[j];
            order[j] = kept;
        }
        return order;
    }
}
