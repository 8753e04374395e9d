package reference;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.Mistake;
import grader.course.SpecResult;
import grader.course.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Every known-wrong implementation is rejected by the specs its catalogue entry names")
class KnownWrongTest {

    /** The least a kata's catalogue holds: the mistakes learners really make. */
    private static final int MINIMUM_PER_KATA = 4;

    @TempDir
    Path scratch;

    @TestFactory
    @DisplayName("known-wrong implementations of")
    Stream<DynamicContainer> everyKnownWrongImplementationIsRejected() {
        return Katas.all().stream().map(kata -> DynamicContainer.dynamicContainer(kata.slug(), Stream.concat(
                Stream.of(DynamicTest.dynamicTest("has at least " + MINIMUM_PER_KATA + " entries", () -> hasEnough(kata))),
                catalogue(kata).stream().map(mistake -> DynamicTest.dynamicTest(mistake.name(), () -> isRejected(mistake))))));
    }

    private static List<Mistake> catalogue(Kata kata) {
        return Mistake.catalogue(Katas.REPOSITORY, kata);
    }

    private static void hasEnough(Kata kata) {
        assertThat(catalogue(kata)).as("known-wrong implementations of %s under reference/known-wrong/%s",
                kata.slug(), kata.slug()).hasSizeGreaterThanOrEqualTo(MINIMUM_PER_KATA);
    }

    private void isRejected(Mistake mistake) throws IOException {
        assertThat(mistake.description()).as("the 'Known wrong:' text of %s", mistake).isNotBlank();
        assertThat(mistake.caughtBy()).as("the 'Caught by:' specs of %s", mistake).isNotEmpty();
        assertThat(mistake.hunks()).as("the changes of %s", mistake).isNotEmpty();
        // Two katas may name a mistake alike (dropout-on-the-residual-path): one folder per kata.
        Path changed = Files.createDirectories(scratch.resolve(mistake.kata().slug()).resolve(mistake.name()));
        mistake.writeChangedFiles(Katas.REPOSITORY.referenceSources(), changed);

        KataResult result = Katas.grade(mistake.kata(), Katas.engine().referenceSources(mistake.kata()).overlay(changed));

        assertThat(result.status()).as("%s must compile (%s)", mistake, result.note()).isNotEqualTo(Status.DOES_NOT_COMPILE);
        Map<String, SpecResult> specs = result.specs().stream()
                .collect(Collectors.toMap(SpecResult::id, Function.identity()));
        assertThat(mistake.caughtBy()).as("specs named by %s that exist", mistake).allSatisfy(id ->
                assertThat(specs).as("specs of %s", mistake.kata().slug()).containsKey(id));
        assertThat(mistake.caughtBy().stream().filter(id -> specs.get(id).passed()))
                .as("specs that %s claims catch it but which pass (it is: %s)", mistake, mistake.description())
                .isEmpty();
    }
}
