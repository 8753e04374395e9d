package kata.dropout;

import kata.support.Tensor;

/**
 * What one dropout call produced: the output and the mask it was multiplied by, both of the
 * input's shape, with {@code output = x * mask} element by element. Each mask element is 0 (the
 * unit was dropped) or the scale {@code 1 / (1 - p)} (kept); in evaluation mode every element is 1.
 * The backward pass (kata 13) needs the mask: the gradient of x is {@code dy * mask}.
 *
 * @param output the dropped and scaled input
 * @param mask the factor each input element was multiplied by
 */
public record Dropped(Tensor output, Tensor mask) {
}
