package kata.support.testing;

import org.quicktheories.QuickTheory;

/**
 * QuickTheories with this repository's settings: a fixed seed, so every run checks the same
 * examples and a failure is reproducible as it is.
 *
 * <p>To explore other examples, or to replay a report that ends with "Seed was N", set the system
 * property {@code QT_SEED=N}; {@code QT_EXAMPLES} changes the number of examples for every property
 * that does not set its own.
 */
public final class Theories {

    /** The seed every property uses unless {@code QT_SEED} is set. */
    public static final long DEFAULT_SEED = 1_000_003L;

    /** How many examples a property checks unless it says otherwise or {@code QT_EXAMPLES} is set. */
    public static final int DEFAULT_EXAMPLES = 200;

    private Theories() {
    }

    /** A property runner: {@code qt().forAll(shapes()).checkAssert(shape -> ...)}. */
    public static QuickTheory qt() {
        return QuickTheory.qt()
                .withFixedSeed(Long.getLong("QT_SEED", DEFAULT_SEED))
                .withExamples(Integer.getInteger("QT_EXAMPLES", DEFAULT_EXAMPLES));
    }
}
