package kata.support.testing;

import java.util.ArrayList;
import java.util.List;

/** Every index of a shape in row-major order: for specs, which walk tensors independently of the code they check. */
public final class Indices {

    private Indices() {
    }

    /** The indices of {@code shape}, last coordinate fastest; none when a size is 0, one (empty) for a scalar. */
    public static List<int[]> of(int[] shape) {
        List<int[]> all = new ArrayList<>();
        for (int size : shape) {
            if (size == 0) {
                return all;
            }
        }
        int[] index = new int[shape.length];
        while (true) {
            all.add(index.clone());
            int axis = shape.length - 1;
            while (axis >= 0 && ++index[axis] == shape[axis]) {
                index[axis] = 0;
                axis--;
            }
            if (axis < 0) {
                return all;
            }
        }
    }
}
