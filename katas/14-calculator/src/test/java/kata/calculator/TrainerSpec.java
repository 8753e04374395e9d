package kata.calculator;

import static kata.support.testing.TensorAssert.assertThatTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import kata.support.Tensor;
import kata.support.Tolerance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Training the tiny model built from your katas 09, 10, 11 and 13: these wait until they are done. */
@Tag("kata-14")
@Tag("integration")
@Order(10)
@DisplayName("14 Calculator: training, from your katas 09, 10, 11 and 13")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainerSpec {

    private static final Batch BATCH = Dataset.batch(List.of(new Problem(7, 45), new Problem(999, 1)), Format.REVERSED);
    private static final int WARMUP = 40;
    private static final double RATE_FACTOR = 0.5;
    private static final double SMOOTHING = 0.1;

    @Test
    @Order(1)
    @DisplayName("the first step is step 1: its loss is the batch's before the update, its rate rateFactor * Schedule.rate(1, d, warmup)")
    void theFirstStepUsesTheScheduleAtStepOne() {
        Model model = ModelChecks.tiny(21);
        Adam adam = Adam.paper(model.parameters());
        double before = model.lossAndGradients(BATCH, SMOOTHING).loss();
        Trainer trainer = new Trainer(model, adam, WARMUP, RATE_FACTOR, SMOOTHING, Double.POSITIVE_INFINITY);

        TrainingStep first = trainer.step(BATCH);
        TrainingStep second = trainer.step(BATCH);

        assertThat(first.step()).describedAs("steps count from 1, as the schedule does").isEqualTo(1);
        assertThat(first.loss()).describedAs("the loss of the batch before the update, with smoothing 0.1")
                .isCloseTo(before, within(Tolerance.DEFAULT));
        assertThat(first.rate()).describedAs("0.5 * 8^-0.5 * 1 * 40^-1.5").isCloseTo(RATE_FACTOR * Schedule.rate(1, 8, WARMUP),
                within(Tolerance.DEFAULT));
        assertThat(second.step()).isEqualTo(2);
        assertThat(second.rate()).isCloseTo(RATE_FACTOR * Schedule.rate(2, 8, WARMUP), within(Tolerance.DEFAULT));
        assertThat(second.loss()).describedAs("one step of Adam lowered the loss of the same batch").isLessThan(first.loss());
        assertThat(adam.steps()).describedAs("one Adam step per training step").isEqualTo(2);
    }

    @Test
    @Order(2)
    @DisplayName("a step reports the global gradient norm before clipping")
    void theStepReportsTheNormBeforeClipping() {
        Model model = ModelChecks.tiny(22);
        double norm = norm(model.lossAndGradients(BATCH, SMOOTHING).gradients());
        Trainer trainer = new Trainer(model, Adam.paper(model.parameters()), WARMUP, RATE_FACTOR, SMOOTHING, 1e-3);

        TrainingStep step = trainer.step(BATCH);

        assertThat(norm).describedAs("the fresh model's gradients are far above the limit 1e-3").isGreaterThan(0.1);
        assertThat(step.gradientNorm()).describedAs("sqrt of the sum of every squared gradient element, before scaling"
                + " to 1e-3").isCloseTo(norm, within(Tolerance.DEFAULT));
    }

    @Test
    @Order(3)
    @DisplayName("a step is loss and gradients, clipping, then Adam at the scheduled rate: two steps equal the loop written out")
    void aStepClipsBeforeTheUpdate() {
        Model trained = ModelChecks.tiny(23);
        Model byHand = ModelChecks.tiny(23);
        Trainer trainer = new Trainer(trained, Adam.paper(trained.parameters()), WARMUP, RATE_FACTOR, SMOOTHING, 0.05);
        Adam adam = Adam.paper(byHand.parameters());

        for (int t = 1; t <= 2; t++) {
            trainer.step(BATCH);
            List<Tensor> gradients = byHand.lossAndGradients(BATCH, SMOOTHING).gradients();
            GradientClipping.clip(gradients, 0.05);
            adam.step(gradients, RATE_FACTOR * Schedule.rate(t, 8, WARMUP));
        }

        for (int k = 0; k < trained.parameters().size(); k++) {
            assertThatTensor(trained.parameters().get(k)).describedAs("parameters()[%d] after two clipped steps", k)
                    .isCloseTo(byHand.parameters().get(k));
        }
    }

    @Test
    @Order(4)
    @DisplayName("8 problems are learned by heart: loss below 0.05 within 400 steps, and greedy decoding then answers them")
    void aTinyBatchIsOverfitted() {
        List<Problem> problems = Dataset.split(24, 8, 0).train();
        Batch batch = Dataset.batch(problems, Format.REVERSED);
        Model model = ModelChecks.tiny(24);
        Trainer trainer = new Trainer(model, Adam.paper(model.parameters()), WARMUP, RATE_FACTOR, 0.0, 1.0);

        double loss = Double.NaN;
        for (int step = 0; step < 400 && !(loss < 0.05); step++) {
            loss = trainer.step(batch).loss();
        }

        assertThat(loss).describedAs("the training loss without smoothing: the model can remember 8 answers").isLessThan(0.05);
        for (Problem problem : problems) {
            assertThat(Decoding.answer(model, problem, Format.REVERSED)).describedAs("greedy decoding of %s, which"
                    + " reads only its own output (a model that peeked at later tokens in training fails here)", problem)
                    .isEqualTo(Format.REVERSED.answer(problem));
        }
    }

    @Test
    @Order(5)
    @DisplayName("warmup below 1 (1 is allowed), a rateFactor not positive and finite, smoothing outside [0, 1) and clipNorm not above 0 are rejected")
    void badSettingsAreRejected() {
        Model model = ModelChecks.tiny(25);
        Adam adam = Adam.paper(model.parameters());
        assertThat(new Trainer(model, adam, 1, 1.0, 0.0, Double.POSITIVE_INFINITY).step(BATCH).rate())
                .describedAs("warmup 1 is allowed: the rate at step 1 is then 8^-0.5").isCloseTo(Schedule.rate(1, 8, 1),
                        within(Tolerance.DEFAULT));
        assertThatIllegalArgumentException().describedAs("the schedule needs warmup >= 1")
                .isThrownBy(() -> new Trainer(model, adam, 0, 1.0, 0.1, 1.0)).withMessageContaining("warmup");
        assertThatIllegalArgumentException().describedAs("a rate factor of 0 never moves")
                .isThrownBy(() -> new Trainer(model, adam, 10, 0.0, 0.1, 1.0)).withMessageContaining("rateFactor");
        assertThatIllegalArgumentException().describedAs("NaN is no factor")
                .isThrownBy(() -> new Trainer(model, adam, 10, Double.NaN, 0.1, 1.0)).withMessageContaining("rateFactor");
        assertThatIllegalArgumentException().describedAs("an infinite rate")
                .isThrownBy(() -> new Trainer(model, adam, 10, Double.POSITIVE_INFINITY, 0.1, 1.0))
                .withMessageContaining("rateFactor");
        assertThatIllegalArgumentException().describedAs("smoothing 1 teaches the uniform distribution")
                .isThrownBy(() -> new Trainer(model, adam, 10, 1.0, 1.0, 1.0)).withMessageContaining("smoothing");
        assertThatIllegalArgumentException().describedAs("negative smoothing")
                .isThrownBy(() -> new Trainer(model, adam, 10, 1.0, -0.1, 1.0)).withMessageContaining("smoothing");
        assertThatIllegalArgumentException().describedAs("a limit of 0")
                .isThrownBy(() -> new Trainer(model, adam, 10, 1.0, 0.1, 0.0)).withMessageContaining("clipNorm");
        assertThatIllegalArgumentException().describedAs("NaN is no limit")
                .isThrownBy(() -> new Trainer(model, adam, 10, 1.0, 0.1, Double.NaN)).withMessageContaining("clipNorm");
    }

    private static double norm(List<Tensor> gradients) {
        double squares = 0.0;
        for (Tensor gradient : gradients) {
            for (int[] index : kata.support.testing.Indices.of(gradient.shape())) {
                squares += gradient.get(index) * gradient.get(index);
            }
        }
        return Math.sqrt(squares);
    }
}
