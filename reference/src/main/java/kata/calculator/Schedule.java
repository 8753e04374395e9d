package kata.calculator;

/**
 * The paper's learning rate: {@code rate(step) = d^-0.5 * min(step^-0.5, step * warmup^-1.5)}.
 * It grows linearly for {@code warmup} steps (Adam's moments are still unreliable), peaks at
 * {@code (d * warmup)^-0.5} at {@code step = warmup}, then decays as {@code 1 / sqrt(step)}.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public final class Schedule {

    private Schedule() {
    }

    /** The rate at {@code step} (from 1) for width {@code dModel} and {@code warmup} steps. */
    public static double rate(int step, int dModel, int warmup) {
        if (step < 1 || dModel < 1 || warmup < 1) {
            throw new IllegalArgumentException("step, dModel and warmup must be at least 1, were step = " + step
                    + ", dModel = " + dModel + ", warmup = " + warmup);
        }
        return Math.pow(dModel, -0.5) * Math.min(Math.pow(step, -0.5), step * Math.pow(warmup, -1.5));
    }
}
