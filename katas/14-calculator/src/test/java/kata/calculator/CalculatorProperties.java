package kata.calculator;

import static kata.support.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import kata.support.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quicktheories.core.Gen;

@Tag("kata-14")
@Order(11)
@DisplayName("14 Calculator: properties")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CalculatorProperties {

    @Test
    @Order(1)
    @DisplayName("every problem survives both formats: read(answer(p)) is the sum, the source encodes and decodes back, PLAIN parses back")
    void everyProblemRoundTripsThroughBothFormats() {
        qt().forAll(problems()).checkAssert(p -> {
            for (Format format : Format.values()) {
                String source = format.source(p);

                assertThat(format.read(format.answer(p))).describedAs("%s: read(answer(%s))", format, p).isEqualTo(p.sum());
                assertThat(Vocabulary.decode(Vocabulary.encode(source))).describedAs("%s: decode(encode(\"%s\"))", format,
                        source).isEqualTo(source);
                assertThat(source.length()).describedAs("%s: the source \"%s\" fits the %d source positions", format, source,
                        format.sourceLength()).isLessThanOrEqualTo(format.sourceLength());
            }
            assertThat(Format.REVERSED.answer(p)).describedAs("REVERSED answer of %s: always four digits", p).hasSize(4);
            assertThat(Problem.parse(Format.PLAIN.source(p))).describedAs("parse(PLAIN source of %s)", p).isEqualTo(p);
        });
    }

    @Test
    @Order(2)
    @DisplayName("every batch is its targets split for teacher forcing: START first, labels the decoder input shifted by one, the answer in the labels")
    void everyBatchIsItsTargetsShiftedByOne() {
        qt().forAll(lists().of(problems()).ofSizeBetween(1, 6)).checkAssert(problems -> {
            for (Format format : Format.values()) {
                Batch batch = Dataset.batch(problems, format);

                for (int b = 0; b < problems.size(); b++) {
                    int[] input = batch.decoderInput()[b];
                    int[] labels = batch.labels()[b];
                    assertThat(input[0]).describedAs("%s, %s: decoderInput[0]", format, problems.get(b))
                            .isEqualTo(Vocabulary.start());
                    assertThat(Arrays.copyOfRange(input, 1, input.length))
                            .describedAs("%s, %s: decoderInput[t + 1] must equal labels[t]", format, problems.get(b))
                            .containsExactly(Arrays.copyOfRange(labels, 0, labels.length - 1));
                    assertThat(Vocabulary.decode(labels)).describedAs("%s, %s: the labels", format, problems.get(b))
                            .startsWith(format.answer(problems.get(b)) + "$");
                }
            }
        });
    }

    @Test
    @Order(3)
    @DisplayName("the schedule rises until warmup, peaks there at (d warmup)^-0.5, and falls after")
    void theSchedulePeaksAtWarmup() {
        qt().forAll(integers().between(1, 1024), integers().between(1, 5000), integers().between(1, 20000))
                .checkAssert((d, warmup, step) -> {
                    double peak = Schedule.rate(warmup, d, warmup);
                    double rate = Schedule.rate(step, d, warmup);

                    assertThat(peak).describedAs("rate(warmup = %d) for d = %d", warmup, d)
                            .isCloseTo(1.0 / Math.sqrt((double) d * warmup), offset(1e-12 * peak));
                    assertThat(rate).describedAs("rate(%d) for d = %d, warmup = %d: never above the peak", step, d, warmup)
                            .isLessThanOrEqualTo(peak * (1 + 1e-12));
                    double next = Schedule.rate(step + 1, d, warmup);
                    if (step < warmup) {
                        assertThat(next).describedAs("rate(%d) before warmup %d: rising", step + 1, warmup).isGreaterThan(rate);
                    } else {
                        assertThat(next).describedAs("rate(%d) after warmup %d: falling", step + 1, warmup).isLessThan(rate);
                    }
                });
    }

    @Test
    @Order(4)
    @DisplayName("Adam's first step moves each element by rate g / (|g| + eps): bias correction makes mhat = g and vhat = g^2")
    void adamsFirstStepIsTheSignTimesTheRate() {
        qt().forAll(values(), values(), values(), doubles().between(1e-4, 1.0)).checkAssert((theta, g1, g2, rate) -> {
            Tensor parameter = Tensor.vector(theta, -theta);
            Tensor gradient = Tensor.vector(g1, g2);

            Adam.paper(List.of(parameter)).step(List.of(gradient), rate);

            double[] g = {g1, g2};
            double[] start = {theta, -theta};
            for (int i = 0; i < 2; i++) {
                double expected = start[i] - rate * g[i] / (Math.abs(g[i]) + 1e-9);
                assertThat(parameter.get(i)).describedAs("element %d: from %s with gradient %s at rate %s", i, start[i],
                        g[i], rate).isCloseTo(expected, offset(1e-12));
            }
        });
    }

    @Test
    @Order(5)
    @DisplayName("clipping leaves a global norm of min(norm, maxNorm) and keeps every gradient's direction")
    void clippingCapsTheGlobalNormAndKeepsTheDirection() {
        qt().forAll(values(), values(), values(), doubles().between(1e-3, 10.0)).checkAssert((a, b, c, maxNorm) -> {
            List<Tensor> gradients = List.of(Tensor.vector(a, b), Tensor.vector(c));
            double norm = Math.sqrt(a * a + b * b + c * c);

            double reported = GradientClipping.clip(gradients, maxNorm);

            double scale = norm > maxNorm ? maxNorm / norm : 1.0;
            assertThat(reported).describedAs("the norm before clipping").isCloseTo(norm, offset(1e-12 * (1 + norm)));
            assertThat(new double[] {gradients.get(0).get(0), gradients.get(0).get(1), gradients.get(1).get(0)})
                    .describedAs("gradients [%s, %s], [%s] clipped to %s", a, b, c, maxNorm)
                    .containsExactly(new double[] {a * scale, b * scale, c * scale}, offset(1e-12 * (1 + norm)));
        });
    }

    private static Gen<Problem> problems() {
        return integers().between(0, 999).zip(integers().between(0, 999), Problem::new)
                .describedAs(p -> p.a() + "+" + p.b());
    }

    private static Gen<Double> values() {
        return doubles().between(-10.0, 10.0);
    }
}
