package kata.calculator;

/**
 * The learning rate of the paper (Attention Is All You Need, 5.3):
 * <pre>
 *   rate(step) = d^-0.5 * min(step^-0.5, step * warmup^-1.5)
 * </pre>
 * It rises linearly for {@code warmup} steps, peaks at {@code step = warmup} (where both terms equal
 * {@code warmup^-0.5}), then falls as {@code 1 / sqrt(step)}. The paper uses {@code d = 512},
 * {@code warmup = 4000}.
 */
public final class Schedule {

    private Schedule() {
    }

    /**
     * The learning rate at {@code step}.
     *
     * @param step   the step, from 1
     * @param dModel {@code d}, at least 1
     * @param warmup the warmup steps, at least 1
     * @throws IllegalArgumentException when step, dModel or warmup is below 1 (the message names it, as
     *     {@code step = 0})
     */
    public static double rate(int step, int dModel, int warmup) {
        throw new UnsupportedOperationException("TODO(14): d^-0.5 * min(step^-0.5, step * warmup^-1.5)");
    }
}
