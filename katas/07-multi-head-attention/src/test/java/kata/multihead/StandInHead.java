package kata.multihead;

import java.util.ArrayList;
import java.util.List;
import kata.support.AttentionResult;
import kata.support.Tensor;
import kata.support.testing.StandIns;

/**
 * A stand-in for kata 06, so that this kata's specs do not depend on it: the support code's plain
 * single-head attention, {@code softmax(q k^T / sqrt(d_k), masked) v}. It records every call, so a
 * spec can see what each head was given.
 */
final class StandInHead implements HeadAttention {

    /** One call: copies of the arguments as the head saw them. */
    record Call(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
    }

    private final List<Call> calls = new ArrayList<>();

    List<Call> calls() {
        return calls;
    }

    @Override
    public AttentionResult attend(Tensor q, Tensor k, Tensor v, boolean[][] masked) {
        calls.add(new Call(copy(q), copy(k), copy(v), masked));
        return StandIns.attend(q, k, v, masked);
    }

    private static Tensor copy(Tensor t) {
        Tensor copy = Tensor.zeros(t.shape());
        for (int i = 0; i < t.size(0); i++) {
            for (int j = 0; j < t.size(1); j++) {
                copy.set(t.get(i, j), i, j);
            }
        }
        return copy;
    }
}
