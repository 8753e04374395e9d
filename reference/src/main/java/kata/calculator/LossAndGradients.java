package kata.calculator;

import java.util.List;
import kata.support.Tensor;

/**
 * The loss of a batch and its gradient with respect to every parameter.
 *
 * @param loss      the mean cross-entropy over the batch's non-PAD labels
 * @param gradients one tensor per parameter, in the order and shapes of {@code Model.parameters()}
 */
public record LossAndGradients(double loss, List<Tensor> gradients) {
}
