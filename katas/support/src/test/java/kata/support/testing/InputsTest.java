package kata.support.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Inputs: a changed argument is named, with its first changed element")
class InputsTest {

    @Test
    @DisplayName("arguments left alone pass, NaN in unused storage included, and plain values are ignored")
    void untouchedArgumentsPass() {
        Tensor x = Tensor.strided(new double[] {Double.NaN, 1, 2}, new int[] {2}, new int[] {1}, 1);
        Inputs inputs = Inputs.snapshot("x", x, "shape", new int[] {2, 3}, "axis", 1, "keepDim", true);

        x.get(1);

        assertThatCode(inputs::assertUntouched).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a write to a tensor argument names it and the storage position, before and after")
    void tensorWrite() {
        Tensor x = Tensor.vector(0, 0, 0, 1.5);
        Inputs inputs = Inputs.snapshot("x", x);

        x.set(0.0, 3);

        assertThatThrownBy(inputs::assertUntouched)
                .hasMessage("your code modified its argument x (a tensor): storage[3] was 1.5, now 0.0; a method"
                        + " that returns a result must leave its inputs as they were");
    }

    @Test
    @DisplayName("a change to a caller's int[] names it, with the array before and after")
    void intArrayWrite() {
        int[] shape = {2, 3};
        Inputs inputs = Inputs.snapshot("shape", shape);

        shape[1] = 0;

        assertThatThrownBy(inputs::assertUntouched)
                .hasMessageStartingWith("your code modified its argument shape (an int[]): it was [2, 3], now [2, 0]");
    }

    @Test
    @DisplayName("a change to a double[] argument names it")
    void doubleArrayWrite() {
        double[] values = {1, 2};
        Inputs inputs = Inputs.snapshot("values", values);

        values[0] = 5;

        assertThatThrownBy(inputs::assertUntouched)
                .hasMessageStartingWith("your code modified its argument values (a double[]): it was [1.0, 2.0],"
                        + " now [5.0, 2.0]");
    }

    @Test
    @DisplayName("an array of tensors is checked as an array and tensor by tensor")
    void arraysOfTensors() {
        Tensor first = Tensor.vector(1, 2);
        Tensor[] tensors = {first, Tensor.vector(3)};
        Inputs inputs = Inputs.snapshot("tensors", tensors);

        first.set(9, 0);

        assertThatThrownBy(inputs::assertUntouched)
                .hasMessageStartingWith("your code modified its argument tensors[0] (a tensor): storage[0] was 1.0,"
                        + " now 9.0");
        first.set(1, 0);
        tensors[1] = Tensor.vector(3);
        assertThatThrownBy(inputs::assertUntouched)
                .hasMessageContaining("argument tensors (a Tensor[]): element 1 was replaced");
    }

    @Test
    @DisplayName("names and values must come in pairs")
    void pairs() {
        assertThatThrownBy(() -> Inputs.snapshot("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs");
    }
}
