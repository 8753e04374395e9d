package kata.calculator;

/**
 * The training loop's step: forward, loss, backward, clip, update.
 * <pre>
 *   loss, gradients = model.lossAndGradients(batch, smoothing)
 *   norm = GradientClipping.clip(gradients, clipNorm)
 *   t = adam.steps() + 1
 *   rate = rateFactor * Schedule.rate(t, d, warmup)
 *   adam.step(gradients, rate)
 * </pre>
 */
public final class Trainer {

    /**
     * A trainer of {@code model} with {@code adam}, which must optimize {@code model.parameters()}.
     *
     * @param warmup     the schedule's warmup steps, at least 1
     * @param rateFactor multiplies the schedule's rate, above 0 and finite
     * @param smoothing  label smoothing, in {@code [0, 1)}
     * @param clipNorm   the largest global gradient norm, above 0; {@code Double.POSITIVE_INFINITY} never clips
     * @throws IllegalArgumentException when an argument is outside its range (the message names it)
     */
    public Trainer(Model model, Adam adam, int warmup, double rateFactor, double smoothing, double clipNorm) {
        throw new UnsupportedOperationException("TODO(14): keep the model, the optimizer and the settings");
    }

    /**
     * One training step on {@code batch}, which is not modified.
     *
     * @return the step's number {@code t}, the loss before the update, the rate used and the gradient norm
     *     before clipping
     */
    public TrainingStep step(Batch batch) {
        throw new UnsupportedOperationException("TODO(14): loss and gradients, clip, schedule, Adam step");
    }
}
