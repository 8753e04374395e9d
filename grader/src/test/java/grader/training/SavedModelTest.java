package grader.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The weights file keeps a model exactly")
class SavedModelTest {

    private static final SavedModel MODEL = new SavedModel(new ModelSizes(14, 2, 1, 3, 1, 1, 8), "plain",
            "seed=1 steps=3 exact match: 0.000 (0 of 2000 fresh problems)",
            List.of(new Weights(new int[] {2, 2}, new double[] {0.1 + 0.2, -0.0, Double.MIN_VALUE, -1e300}),
                    new Weights(new int[] {3}, new double[] {Math.PI, 1.0 / 3, Math.nextUp(1.0)})));

    @Test
    @DisplayName("every value reads back as the same double, in the same order, with the sizes and the format")
    void roundTrip() {
        SavedModel read = SavedModel.parse(MODEL.text());

        assertThat(read.sizes()).isEqualTo(MODEL.sizes());
        assertThat(read.format()).isEqualTo("plain");
        assertThat(read.trained()).isEqualTo(MODEL.trained());
        assertThat(read.weights()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(read.weights().get(i).shape()).isEqualTo(MODEL.weights().get(i).shape());
            assertThat(read.weights().get(i).values()).isEqualTo(MODEL.weights().get(i).values());
        }
        assertThat(read.text()).isEqualTo(MODEL.text());
    }

    @Test
    @DisplayName("a damaged file is refused with the line that is wrong")
    void damaged() {
        String text = MODEL.text();

        assertThatThrownBy(() -> SavedModel.parse("")).hasMessage("line 1: expected \"calculator model\"");
        assertThatThrownBy(() -> SavedModel.parse(text.replace("sizes 14 2 1 3 1 1 8", "sizes 14 2")))
                .hasMessage("line 2: expected 7 numbers after \"sizes\"");
        assertThatThrownBy(() -> SavedModel.parse(text.replace("format plain", "format octal")))
                .hasMessage("line 3: format octal is none of [reversed, plain]");
        assertThatThrownBy(() -> SavedModel.parse(text.replace("3.141592653589793 ", "")))
                .hasMessage("line 9: tensor 1: shape [3] holds 3 values, not 2");
        assertThatThrownBy(() -> SavedModel.parse(text.substring(0, text.indexOf("tensor 3") - 1)))
                .hasMessage("the file ends at line 7 before the model does");
    }
}
