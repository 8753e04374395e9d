package kata.calculator;

/**
 * One training step: forward, loss, backward, clip, update. The loop around it (which batch, how
 * many steps, when to evaluate) is the caller's.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public final class Trainer {

    private final Model model;
    private final Adam adam;
    private final int warmup;
    private final double rateFactor;
    private final double smoothing;
    private final double clipNorm;

    /**
     * A trainer of {@code model} by {@code adam} (built over {@code model.parameters()}), at
     * {@code rateFactor * Schedule.rate(t, d, warmup)}, with label smoothing and clipping by global norm
     * ({@code Double.POSITIVE_INFINITY} for none).
     */
    public Trainer(Model model, Adam adam, int warmup, double rateFactor, double smoothing, double clipNorm) {
        if (warmup < 1) {
            throw new IllegalArgumentException("warmup must be at least 1, was " + warmup);
        }
        if (!(rateFactor > 0.0 && rateFactor < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rateFactor must be positive and finite, was " + rateFactor);
        }
        if (!(smoothing >= 0.0 && smoothing < 1.0)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), was " + smoothing);
        }
        if (!(clipNorm > 0.0)) {
            throw new IllegalArgumentException("clipNorm must be positive (infinity for no clipping), was " + clipNorm);
        }
        this.model = model;
        this.adam = adam;
        this.warmup = warmup;
        this.rateFactor = rateFactor;
        this.smoothing = smoothing;
        this.clipNorm = clipNorm;
    }

    /** Trains on one batch and says what the step did. */
    public TrainingStep step(Batch batch) {
        LossAndGradients result = model.lossAndGradients(batch, smoothing);
        double norm = GradientClipping.clip(result.gradients(), clipNorm);   // the norm before clipping
        int t = adam.steps() + 1;                                            // the schedule counts from 1
        double rate = rateFactor * Schedule.rate(t, model.config().dModel(), warmup);
        adam.step(result.gradients(), rate);
        return new TrainingStep(t, result.loss(), rate, norm);
    }
}
