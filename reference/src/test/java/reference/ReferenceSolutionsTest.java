package reference;

import static org.assertj.core.api.Assertions.assertThat;

import grader.course.Kata;
import grader.course.KataResult;
import grader.course.SpecResult;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

@DisplayName("Every kata's specs pass against its reference solution")
class ReferenceSolutionsTest {

    @TestFactory
    @DisplayName("the reference passes every spec of")
    Stream<DynamicTest> referencePassesEverySpec() {
        return Katas.all().stream().map(kata -> DynamicTest.dynamicTest(kata.slug(), () -> check(kata)));
    }

    private static void check(Kata kata) {
        KataResult result = Katas.grade(kata, Katas.engine().referenceSources(kata));

        assertThat(result.specs()).as("specs of %s that ran (a kata with no specs teaches nothing)", kata.slug())
                .isNotEmpty();
        assertThat(result.specs().stream().filter(spec -> !spec.passed()))
                .as("specs of %s that fail against the reference (note: %s)", kata.slug(), result.note())
                .extracting(ReferenceSolutionsTest::describe)
                .isEmpty();
        assertThat(result.total()).as("specs of %s found in its sources", kata.slug()).isEqualTo(result.specs().size());
    }

    private static String describe(SpecResult spec) {
        return spec.id() + ": " + spec.message().lines().limit(12).collect(Collectors.joining("\n    "));
    }
}
