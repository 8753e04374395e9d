package kata.decoding;

import java.util.random.RandomGenerator;

/**
 * A random source for specs that hands out the given draws, in order, from {@code nextDouble()}:
 * with it an example says exactly which token a correct sampler returns. One draw more than
 * scripted, or another way of drawing, fails with a message that says what was expected.
 */
final class Draws implements RandomGenerator {

    private final double[] draws;
    private int used;

    Draws(double... draws) {
        this.draws = draws.clone();
    }

    @Override
    public double nextDouble() {
        if (used == draws.length) {
            throw new AssertionError("the sampler drew a random number more than the " + draws.length
                    + " expected: exactly one nextDouble() per sample");
        }
        return draws[used++];
    }

    @Override
    public long nextLong() {
        throw new AssertionError("the sampler drew with another method than nextDouble(): draw one nextDouble()"
                + " per sample and walk the cumulative probabilities in increasing token id");
    }

    /** How many draws were taken. */
    int used() {
        return used;
    }
}
