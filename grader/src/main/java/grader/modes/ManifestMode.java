package grader.modes;

import grader.course.Git;
import grader.course.Manifest;
import grader.course.Repository;
import grader.report.AtomicFile;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code -Dmanifest=write}, for maintainers: records the checksums of the committed specs, support
 * code and skeletons. It refuses while git says any of them differ from the committed ones (the
 * manifest would then bless an edit), or when there is no git to ask; {@code -Dmanifest=force}
 * writes it anyway.
 */
public record ManifestMode(Repository repository, boolean force, PrintStream out) implements Mode {

    /** The folders the manifest covers, as git pathspecs. */
    private static final List<String> COVERED = List.of("katas/support/src/main", "katas/*/src/main/*", "katas/*/src/test/*");

    @Override
    public int run() {
        if (!force) {
            Git git = Git.at(repository.root());
            if (!git.available()) {
                out.println("grader: not writing the manifest: there is no git here to say that the specs are the committed ones"
                        + " (a maintainer who is sure uses -Dmanifest=force)");
                return 2;
            }
            List<String> changes = git.changes(COVERED);
            if (!changes.isEmpty()) {
                out.println("grader: not writing the manifest: these files differ from the committed ones, and the manifest"
                        + " would record them as pristine:");
                changes.stream().limit(10).forEach(change -> out.println("  " + change.strip()));
                out.println("Commit them first (a maintainer who is sure uses -Dmanifest=force).");
                return 2;
            }
        }
        try {
            AtomicFile.write(repository.manifest(), Manifest.of(repository).text());
            out.println("Wrote " + repository.manifest());
            return 0;
        } catch (IOException e) {
            out.println("grader: could not write the manifest: " + e.getMessage());
            return 2;
        }
    }
}
