package kata.backprop;

import kata.support.Tensor;

/**
 * The loss of a batch of predictions and its gradient.
 *
 * @param loss    the mean over the non-PAD positions of {@code -sum(target * log softmax(logits))}
 * @param dLogits the gradient of the loss with respect to the logits, shape {@code (N, V)}; 0 on PAD rows
 * @param count   the number of non-PAD positions the mean is taken over
 */
public record CrossEntropyResult(double loss, Tensor dLogits, int count) {
}
