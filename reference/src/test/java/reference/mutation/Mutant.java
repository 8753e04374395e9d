package reference.mutation;

import java.util.Set;

/**
 * One mutant from PIT's {@code mutations.xml}: where PIT changed the code (class, method, line and
 * the source text of that line), how ({@code mutator}, its simple class name, and PIT's
 * description), and what the specs did with it ({@code status}).
 */
record Mutant(String className, String method, int line, String mutator, String description, String status,
        String sourceLine) {

    /** PIT's statuses that count as killed: a spec failed, the mutant ran out of time or out of memory. */
    private static final Set<String> KILLED = Set.of("KILLED", "TIMED_OUT", "MEMORY_ERROR");

    /** Whether a spec told the mutant apart; any other status (SURVIVED, NO_COVERAGE, RUN_ERROR...) survived. */
    boolean killed() {
        return KILLED.contains(status);
    }

    /** The mutant as a survivor list shows it: class, method, line, mutator, description, status and source. */
    String describe() {
        return "%s.%s line %d, %s: %s (%s)%n        %s".formatted(
                className, method, line, mutator, description, status, sourceLine);
    }
}
