package kata.dropout;

import java.util.random.RandomGenerator;

/**
 * A random source for specs that hands out the given draws, in order, from {@code nextDouble()}:
 * with it an example says exactly which units a correct dropout drops. Any other way of drawing,
 * or one draw more than scripted, fails with a message that says what was expected.
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
            throw new AssertionError("dropout drew a random number more than the " + draws.length
                    + " expected: one nextDouble() per element in training, none in evaluation");
        }
        return draws[used++];
    }

    @Override
    public long nextLong() {
        throw new AssertionError("dropout drew with another method than nextDouble(): draw one nextDouble()"
                + " per element and drop the unit when it is below p");
    }

    /** How many draws were taken. */
    int used() {
        return used;
    }
}
