package reference.mutation;

import java.util.List;

/**
 * The mutation score of one kata: of {@code generated} mutants, {@code killed} were told apart by a
 * spec and {@code explained} survived but are listed as equivalent. The score is
 * killed / (generated - explained), rounded down to a whole percent.
 *
 * @param unexplained surviving mutants that no entry explains (each needs a spec, or an entry if truly equivalent)
 * @param stale       entries that explain no surviving mutant (the code changed, or a spec now kills it)
 */
record KataScore(String slug, int killed, int generated, int explained, List<Mutant> unexplained,
        List<Equivalent> stale) {

    /** Scores {@code mutants} of kata {@code slug} against its list of equivalent mutants. */
    static KataScore of(String slug, List<Mutant> mutants, List<Equivalent> equivalents) {
        int killed = (int) mutants.stream().filter(Mutant::killed).count();
        List<Mutant> survivors = mutants.stream().filter(mutant -> !mutant.killed()).toList();
        List<Mutant> unexplained = survivors.stream()
                .filter(mutant -> equivalents.stream().noneMatch(entry -> entry.explains(mutant)))
                .toList();
        List<Equivalent> stale = equivalents.stream()
                .filter(entry -> survivors.stream().noneMatch(entry::explains))
                .toList();
        return new KataScore(slug, killed, mutants.size(), survivors.size() - unexplained.size(), unexplained, stale);
    }

    /** killed / (generated - explained) in whole percent, rounded down; 100 when nothing is left to kill. */
    int percent() {
        int killable = generated - explained;
        return killable == 0 ? 100 : (int) (100L * killed / killable);
    }

    /** Whether every survivor is explained and every entry explains one. */
    boolean clean() {
        return unexplained.isEmpty() && stale.isEmpty();
    }

    /** The line a script reads: {@code mutation score NN-slug: S% (K of M killed, E explained as equivalent)}. */
    String line() {
        return "mutation score %s: %d%% (%d of %d killed, %d explained as equivalent)".formatted(
                slug, percent(), killed, generated, explained);
    }
}
