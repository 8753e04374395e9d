package kata.calculator;

import kata.backprop.LinearBackward;
import kata.backprop.LinearGradients;
import kata.backprop.ReluBackward;
import kata.encoder.FeedForward;
import kata.support.Matrices;
import kata.support.Tensor;
import kata.support.TensorFunction;

/** The feed-forward network (kata 09) in one forward pass, with its backward pass from kata 13's blocks. */
final class FeedForwardPass implements TensorFunction {

    private final FeedForward ffn;
    private Tensor input;

    FeedForwardPass(FeedForward ffn) {
        this.ffn = ffn;
    }

    @Override
    public Tensor apply(Tensor x) {
        input = x;
        return ffn.apply(x);
    }

    /** dx of {@code relu(x W1 + b1) W2 + b2} from dy; the weights' gradients go to {@code grads}. */
    Tensor backward(Tensor dy, Grads grads) {
        Tensor hidden = Matrices.linear(input, ffn.w1(), ffn.b1());        // (N, d_ff), before the ReLU
        Tensor relu = Tensor.zeros(hidden.shape());                        // (N, d_ff), the second layer's input
        for (int t = 0; t < hidden.size(0); t++) {
            for (int j = 0; j < hidden.size(1); j++) {
                relu.set(Math.max(0.0, hidden.get(t, j)), t, j);
            }
        }
        LinearGradients second = LinearBackward.backward(relu, ffn.w2(), dy);
        Tensor dHidden = ReluBackward.backward(hidden, second.dx());       // 0 where the unit was off
        LinearGradients first = LinearBackward.backward(input, ffn.w1(), dHidden);
        grads.add(ffn.w2(), second.dWeight());
        grads.add(ffn.b2(), second.dBias());
        grads.add(ffn.w1(), first.dWeight());
        grads.add(ffn.b1(), first.dBias());
        return first.dx();
    }
}
