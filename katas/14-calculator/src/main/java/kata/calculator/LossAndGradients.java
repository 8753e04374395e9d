package kata.calculator;

import java.util.List;
import kata.support.Tensor;

/**
 * The loss of a batch and its gradient with respect to every parameter.
 *
 * @param loss      the mean (label-smoothed) cross-entropy over the batch's non-PAD labels
 * @param gradients {@code dL/dθ} for every parameter θ, in the order and with the shapes of
 *     {@link Model#parameters()}; fresh tensors
 */
public record LossAndGradients(double loss, List<Tensor> gradients) {
}
