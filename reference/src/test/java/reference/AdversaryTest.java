package reference;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The adversary's catalogue: complete wrong solutions written from a kata's note and skeleton
 * alone, as a learner would write them, under {@code reference/adversary/NN-slug/<name>/} (the
 * learner's files at their package path, {@code kata/<pkg>/X.java}), each summed up in one line of
 * {@code reference/adversary/NN-slug/README.md}. Each is graded in place of the solution's files (the
 * reference's other files, records the skeleton gives, stay) and must compile and fail at least one spec.
 */
@DisplayName("Every adversary's wrong solution is rejected by the specs")
class AdversaryTest {

    /** The least an adversary writes for a kata: across the nine classes and the kata's own misconceptions. */
    private static final int MINIMUM_PER_KATA = 12;

    private static final Path ROOT = Katas.REPOSITORY.root().resolve("reference").resolve("adversary");

    @TestFactory
    @DisplayName("adversary solutions of")
    Stream<DynamicContainer> everyAdversarySolutionIsRejected() {
        return Katas.all().stream().filter(kata -> Files.isDirectory(ROOT.resolve(kata.slug())))
                .map(kata -> DynamicContainer.dynamicContainer(kata.slug(), Stream.concat(
                        Stream.of(DynamicTest.dynamicTest("has at least " + MINIMUM_PER_KATA + " solutions, each summed up",
                                () -> isComplete(kata))),
                        solutions(kata).stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(),
                                () -> isRejected(kata, folder))))));
    }

    private static List<Path> solutions(Kata kata) {
        try (Stream<Path> folders = Files.list(ROOT.resolve(kata.slug()))) {
            return folders.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void isComplete(Kata kata) throws IOException {
        List<Path> solutions = solutions(kata);
        assertThat(solutions).as("adversary solutions of %s", kata.slug()).hasSizeGreaterThanOrEqualTo(MINIMUM_PER_KATA);
        String summary = Files.readString(ROOT.resolve(kata.slug()).resolve("README.md"));
        assertThat(solutions).as("solutions of %s without a line `- `name`: ...` in its README.md", kata.slug())
                .allSatisfy(folder -> assertThat(summary).contains("- `" + folder.getFileName() + "`:"));
    }

    private static void isRejected(Kata kata, Path folder) {
        KataResult result = Katas.grade(kata, Katas.engine().referenceSources(kata).overlay(folder));

        assertThat(result.status()).as("%s must compile (%s)", folder, result.note()).isNotEqualTo(Status.DOES_NOT_COMPILE);
        assertThat(result.specs().stream().filter(spec -> !spec.passed()).count())
                .as("specs of %s that fail against the adversary's %s (every one of its %d specs passes)",
                        kata.slug(), folder.getFileName(), result.specs().size())
                .isPositive();
    }
}
