package kata.support;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded randomness. Code in this repository never calls {@code Math.random()}: whoever needs
 * random numbers takes a {@link RandomGenerator}, so that a spec can fix the seed and replay a run.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A generator whose sequence depends only on {@code seed}, on every JDK and platform. */
    public static RandomGenerator random(long seed) {
        return new SplittableRandom(seed);
    }
}
