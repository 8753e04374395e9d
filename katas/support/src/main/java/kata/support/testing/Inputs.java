package kata.support.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import kata.support.Tensor;
import kata.support.TensorFormat;

/**
 * A snapshot of a method's arguments, to check after the call that the method left them as they were.
 *
 * <pre>{@code
 * Inputs inputs = Inputs.snapshot("x", x, "shape", shape);
 * Tensor result = Broadcasting.broadcastTo(x, shape);
 * inputs.assertUntouched();
 * }</pre>
 *
 * <p>A tensor is compared element by element over its whole storage (unused positions included, NaN
 * equal to NaN) and by its shape, strides and offset; a plain array element by element; an array of
 * tensors by which tensors it holds and each of them as a tensor. Other values (an {@code int} axis,
 * a {@code boolean}) cannot be changed by the callee and are ignored.
 */
public final class Inputs {

    private final List<Argument> arguments;

    private Inputs(List<Argument> arguments) {
        this.arguments = arguments;
    }

    /** Alternating names and values: Tensor, int[], double[], Tensor[], int (ignored), ... */
    public static Inputs snapshot(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Inputs.snapshot takes names and values in pairs, but was given "
                    + namesAndValues.length + " objects");
        }
        List<Argument> arguments = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("Inputs.snapshot: object " + i + " must be an argument's name, was "
                        + namesAndValues[i]);
            }
            take(name, namesAndValues[i + 1], arguments);
        }
        return new Inputs(arguments);
    }

    /**
     * Fails with a message that names the argument and the first changed element, e.g.
     * "your code modified its argument x (a tensor): storage[3] was 1.5, now 0.0; a method that
     * returns a result must leave its inputs as they were" or
     * "your code modified its argument shape (an int[]): it was [2, 3], now [2, 0]". Also fails
     * when a tensor's shape(), strides() or offset() changed.
     */
    public void assertUntouched() {
        for (Argument argument : arguments) {
            String change = argument.change();
            if (change != null) {
                throw new AssertionError("your code modified its argument " + argument.name() + " (" + argument.kind()
                        + "): " + change + "; a method that returns a result must leave its inputs as they were");
            }
        }
    }

    private static void take(String name, Object value, List<Argument> arguments) {
        if (value instanceof Tensor tensor) {
            arguments.add(new TensorArgument(name, tensor));
        } else if (value instanceof int[] ints) {
            arguments.add(new ArrayArgument(name, "an int[]", () -> Arrays.toString(ints)));
        } else if (value instanceof double[] doubles) {
            arguments.add(new ArrayArgument(name, "a double[]", () -> Arrays.toString(doubles)));
        } else if (value instanceof Tensor[] tensors) {
            arguments.add(new TensorsArgument(name, tensors));
            for (int i = 0; i < tensors.length; i++) {
                if (tensors[i] != null) {
                    arguments.add(new TensorArgument(name + "[" + i + "]", tensors[i]));
                }
            }
        }
    }

    /** One argument as it was when the snapshot was taken. */
    private interface Argument {
        String name();

        String kind();

        /** How the argument differs from its snapshot, or null when it does not. */
        String change();
    }

    private record TensorArgument(String name, Tensor tensor, double[] storage, int[] shape, int[] strides,
                                  int offset) implements Argument {

        TensorArgument(String name, Tensor tensor) {
            this(name, tensor, tensor.storage().clone(), tensor.shape(), tensor.strides(), tensor.offset());
        }

        @Override
        public String kind() {
            return "a tensor";
        }

        @Override
        public String change() {
            if (!Arrays.equals(tensor.shape(), shape)) {
                return "its shape was " + Arrays.toString(shape) + ", now " + Arrays.toString(tensor.shape());
            }
            if (!Arrays.equals(tensor.strides(), strides)) {
                return "its strides were " + Arrays.toString(strides) + ", now " + Arrays.toString(tensor.strides());
            }
            if (tensor.offset() != offset) {
                return "its offset was " + offset + ", now " + tensor.offset();
            }
            double[] now = tensor.storage();
            if (now.length != storage.length) {
                return "its storage held " + storage.length + " values, now " + now.length;
            }
            for (int i = 0; i < now.length; i++) {
                if (Double.doubleToLongBits(now[i]) != Double.doubleToLongBits(storage[i])) {
                    return "storage[" + i + "] was " + TensorFormat.exact(storage[i]) + ", now "
                            + TensorFormat.exact(now[i]);
                }
            }
            return null;
        }
    }

    /** A plain array, compared through its printed form (which tells every int and double apart, NaN equal to NaN). */
    private record ArrayArgument(String name, String kind, Supplier<String> now, String before) implements Argument {

        ArrayArgument(String name, String kind, Supplier<String> now) {
            this(name, kind, now, now.get());
        }

        @Override
        public String change() {
            String after = now.get();
            return after.equals(before) ? null : "it was " + before + ", now " + after;
        }
    }

    private record TensorsArgument(String name, Tensor[] array, Tensor[] copy) implements Argument {

        TensorsArgument(String name, Tensor[] array) {
            this(name, array, array.clone());
        }

        @Override
        public String kind() {
            return "a Tensor[]";
        }

        @Override
        public String change() {
            if (array.length != copy.length) {
                return "it held " + copy.length + " tensors, now " + array.length;
            }
            for (int i = 0; i < array.length; i++) {
                if (array[i] != copy[i]) {
                    return "element " + i + " was replaced by another tensor";
                }
            }
            return null;
        }
    }
}
