package grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import grader.training.ModelSizes;
import grader.training.TrainingOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The training options are read and checked before anything runs")
class TrainingOptionsTest {

    @Test
    @DisplayName("-Dtrain=calculator alone trains with the defaults, the model's sizes those of ModelConfig.calculator()")
    void defaults() {
        Options options = Options.from(Map.of("train", "calculator"));

        assertThat(options.train()).contains(TrainingOptions.DEFAULT);
        assertThat(TrainingOptions.DEFAULT.sizes(new ModelSizes(14, 64, 4, 256, 2, 2, 8)))
                .isEqualTo(new ModelSizes(14, 64, 4, 256, 2, 2, 8));
    }

    @Test
    @DisplayName("every option is read; -Dlayers sets the encoder's and the decoder's; -DclipNorm=none turns clipping off")
    void everyOption() {
        TrainingOptions options = Options.from(Map.ofEntries(Map.entry("train", "calculator"), Map.entry("seed", "-7"),
                Map.entry("steps", "3"), Map.entry("batch", "5"), Map.entry("format", "PLAIN"), Map.entry("dModel", "8"),
                Map.entry("heads", "2"), Map.entry("dFF", "16"), Map.entry("layers", "1"), Map.entry("warmup", "4"),
                Map.entry("rateFactor", "0.5"), Map.entry("smoothing", "0"), Map.entry("clipNorm", "none"))).train().orElseThrow();

        assertThat(options.seed()).isEqualTo(-7);
        assertThat(options.steps()).isEqualTo(3);
        assertThat(options.batch()).isEqualTo(5);
        assertThat(options.format()).isEqualTo("plain");
        assertThat(options.sizes(new ModelSizes(14, 64, 4, 256, 2, 2, 8))).isEqualTo(new ModelSizes(14, 8, 2, 16, 1, 1, 8));
        assertThat(options.warmup()).isEqualTo(4);
        assertThat(options.rateFactor()).isEqualTo(0.5);
        assertThat(options.smoothing()).isZero();
        assertThat(options.clipNorm()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest(name = "-D{0}={1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "steps      | 0     | -Dsteps=0 is not a number greater than 0",
        "steps      | many  | -Dsteps=many is not a whole number",
        "batch      | 20001 | -Dbatch=20001 is more than the 20000 training problems",
        "seed       | 1.5   | -Dseed=1.5 is not a whole number",
        "format     | octal | -Dformat=octal is not an option: use -Dformat=reversed (the default) or -Dformat=plain",
        "dModel     | -8    | -DdModel=-8 is not a number greater than 0",
        "rateFactor | 0     | -DrateFactor=0.0 is not a number greater than 0",
        "rateFactor | NaN   | -DrateFactor=NaN is not a number greater than 0",
        "smoothing  | 1     | -Dsmoothing=1.0 is not in [0, 1): 0 is no smoothing, 0.1 the paper's",
        "smoothing  | -0.1  | -Dsmoothing=-0.1 is not a number of 0 or more",
        "clipNorm   | 0     | -DclipNorm=0.0 is not a number greater than 0",
    })
    void badValues(String name, String value, String message) {
        Map<String, String> properties = new HashMap<>(Map.of("train", "calculator", name, value));

        GraderRun.Outcome outcome = GraderRun.run(Path.of("."), "train", "calculator", name, value);

        assertThatThrownBy(() -> Options.from(properties)).hasMessage(message);
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.terminal()).isEqualTo("grader: " + message + System.lineSeparator());
    }

    @Test
    @DisplayName("a model width that the heads cannot share is refused, naming both options, before anything runs")
    void widthAndHeads() {
        assertThatThrownBy(() -> Options.from(Map.of("train", "calculator", "dModel", "10")))
                .hasMessage("-DdModel=10 is not a multiple of -Dheads=4: each head gets dModel / heads dimensions");
        TrainingOptions options = Options.from(Map.of("train", "calculator", "dModel", "12")).train().orElseThrow();
        assertThatThrownBy(() -> options.sizes(new ModelSizes(14, 64, 8, 256, 2, 2, 8)))
                .as("a learner's ModelConfig.calculator() with other heads, checked once compiled")
                .hasMessage("-DdModel=12 is not a multiple of -Dheads=8: each head gets dModel / heads dimensions");
        assertThatThrownBy(() -> Options.from(Map.of("train", "calculator", "dModel", "8", "heads", "3")))
                .hasMessage("-DdModel=8 is not a multiple of -Dheads=3: each head gets dModel / heads dimensions");
    }

    @Test
    @DisplayName("another model, a training option without -Dtrain, -Dask with -Dtrain, a misspelt one: each refused")
    void misplacedOrMisspelt() {
        assertThatThrownBy(() -> Options.from(Map.of("train", "gpt")))
                .hasMessage("-Dtrain=gpt is not an option: the course trains one model, -Dtrain=calculator (kata 14)");
        assertThatThrownBy(() -> Options.from(Map.of("steps", "10")))
                .hasMessage("-Dsteps=10 goes with -Dtrain=calculator: it says how the calculator trains");
        assertThatThrownBy(() -> Options.from(Map.of("ask", "1+2", "format", "plain")))
                .hasMessage("-Dformat=plain goes with -Dtrain=calculator: it says how the calculator trains");
        assertThatThrownBy(() -> Options.from(Map.of("train", "calculator", "ask", "1+2")))
                .hasMessage("-Dask goes without -Dtrain: train first, then ask the trained calculator");
        assertThatThrownBy(() -> Options.from(Map.of("train", "calculator", "step", "10")))
                .hasMessageStartingWith("-Dstep is not an option: did you mean -Dsteps?");
        assertThat(Options.misspelt("dmodel")).contains("dModel");
        assertThat(Options.misspelt("clipnorm")).contains("clipNorm");
        assertThat(Options.misspelt("warmpu")).contains("warmup");
        assertThat(Options.misspelt("trainn")).contains("train");
    }
}
