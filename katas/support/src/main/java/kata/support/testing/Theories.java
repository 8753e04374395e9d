package kata.support.testing;

import org.quicktheories.QuickTheory;

/**
 * QuickTheories with this repository's settings: a fixed seed, so every run checks the same
 * examples and a failure is reproducible as it is.
 *
 * <p>To explore other examples, or to replay a report that ends with "Seed was N", set the system
 * property {@code QT_SEED=N}; {@code QT_EXAMPLES} changes the number of examples for every property
 * that does not set its own, {@code QT_SHRINKS} the number of shrinking attempts.
 */
public final class Theories {

    /** The seed every property uses unless {@code QT_SEED} is set. */
    public static final long DEFAULT_SEED = 1_000_003L;

    /** How many examples a property checks unless it says otherwise or {@code QT_EXAMPLES} is set. */
    public static final int DEFAULT_EXAMPLES = 200;

    /**
     * How many attempts QuickTheories makes to shrink a counterexample ({@code QT_SHRINKS} changes
     * it). Small shapes shrink to their smallest form well within this; the cap keeps an unwritten
     * skeleton, where every example fails, from spending seconds on shrinking.
     */
    public static final int DEFAULT_SHRINK_CYCLES = 100;

    private Theories() {
    }

    /** A property runner: {@code qt().forAll(shapes()).checkAssert(shape -> ...)}. */
    public static QuickTheory qt() {
        return QuickTheory.qt()
                .withFixedSeed(Long.getLong("QT_SEED", DEFAULT_SEED))
                .withExamples(Integer.getInteger("QT_EXAMPLES", DEFAULT_EXAMPLES))
                .withShrinkCycles(Integer.getInteger("QT_SHRINKS", DEFAULT_SHRINK_CYCLES));
    }
}
