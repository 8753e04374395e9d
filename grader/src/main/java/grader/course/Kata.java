package grader.course;

import java.nio.file.Path;
import java.util.List;

/**
 * One kata of the repository, as read from its folder {@code katas/NN-slug}.
 *
 * @param id the two-digit number, e.g. {@code "01"}
 * @param slug the folder name, e.g. {@code "01-tensor-reduction"}
 * @param name the title of the kata's note without the course term, e.g. {@code "Tensor reduction"}
 * @param folder the kata's folder
 * @param prerequisites the ids of the katas whose real classes its integration specs use
 * @param offLimits support methods that already do what the kata asks for, so its solution may not
 *     call them, as {@code kata.support.Matrices#matmul} (the pom property {@code grader.offLimits},
 *     comma-separated)
 */
public record Kata(String id, String slug, String name, Path folder, List<String> prerequisites, List<String> offLimits) {

    public Path mainSources() {
        return folder.resolve("src/main/java");
    }

    public Path testSources() {
        return folder.resolve("src/test/java");
    }

    /** Whether {@code selector} (an id like {@code 1} or {@code 01}, or a slug) names this kata. */
    public boolean matches(String selector) {
        String wanted = selector.trim();
        return wanted.equals(id) || wanted.equals(slug) || wanted.equals(slug.substring(3))
                || (wanted.matches("\\d{1,2}") && Integer.parseInt(wanted) == Integer.parseInt(id));
    }
}
