package kata.support.testing;

import java.util.ArrayList;
import java.util.List;

/** Every index of a shape in row-major order, for the spec toolkit (not for kata code). */
final class Indices {

    private Indices() {
    }

    static List<int[]> of(int[] shape) {
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
