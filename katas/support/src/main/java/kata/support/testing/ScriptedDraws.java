package kata.support.testing;

import java.util.random.RandomGenerator;

/**
 * A random source for specs that hands out the given draws, in order, from {@code nextDouble()}:
 * with it an example says exactly what a correct solution does with each draw. One draw more than
 * scripted, or any other way of drawing, fails with a message that says what was expected.
 */
public class ScriptedDraws implements RandomGenerator {

    private final String drawer;
    private final String howMany;
    private final String how;
    private final double[] draws;
    private int used;

    /**
     * @param drawer  who draws, for messages ("dropout")
     * @param howMany how many draws are expected ("one nextDouble() per element in training, none in evaluation")
     * @param how     how a correct solution draws and uses them
     * @param draws   the draws, in order
     */
    protected ScriptedDraws(String drawer, String howMany, String how, double... draws) {
        this.drawer = drawer;
        this.howMany = howMany;
        this.how = how;
        this.draws = draws.clone();
    }

    @Override
    public double nextDouble() {
        if (used == draws.length) {
            throw new AssertionError(drawer + " drew a random number more than the " + draws.length
                    + " expected: " + howMany);
        }
        return draws[used++];
    }

    @Override
    public long nextLong() {
        throw new AssertionError(drawer + " drew with another method than nextDouble(): " + how);
    }

    /** How many draws were taken. */
    public int used() {
        return used;
    }
}
