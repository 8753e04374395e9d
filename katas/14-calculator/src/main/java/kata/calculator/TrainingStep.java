package kata.calculator;

/**
 * What one training step measured.
 *
 * @param step         the step's number, from 1
 * @param loss         the batch's loss before the update
 * @param rate         the learning rate the update used
 * @param gradientNorm the global L2 norm of the gradients before clipping
 */
public record TrainingStep(int step, double loss, double rate, double gradientNorm) {
}
