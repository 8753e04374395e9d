package grader.course;

import java.nio.file.Path;
import java.util.Set;

/** The files in a kata folder that Maven leaves out of every build, and so the grader does too. */
public final class StrayFiles {

    private static final Set<String> VERSION_CONTROL = Set.of(".git", ".svn", ".hg", "CVS", ".bzr");

    private StrayFiles() {
    }

    /**
     * Whether Maven would leave this file out of every build: its default excludes (editor backups
     * {@code *~}, {@code #*#}, {@code %*%}, Emacs lock links {@code .#*}, macOS {@code ._*} and
     * {@code .DS_Store}) and anything inside a version-control folder.
     */
    public static boolean isStray(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith("~") || name.startsWith(".#") || name.startsWith("._") || name.equals(".DS_Store")
                || (name.length() > 1 && name.startsWith("#") && name.endsWith("#"))
                || (name.length() > 1 && name.startsWith("%") && name.endsWith("%"))) {
            return true;
        }
        for (Path part : file) {
            if (VERSION_CONTROL.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
