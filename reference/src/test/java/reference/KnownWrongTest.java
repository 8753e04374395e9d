package reference;

import static org.assertj.core.api.Assertions.assertThat;

import grader.Kata;
import grader.KataResult;
import grader.SpecResult;
import grader.Status;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

@DisplayName("Every known-wrong implementation is rejected by the specs its catalogue entry names")
class KnownWrongTest {

    /** The least a kata's catalogue holds: the mistakes learners really make. */
    private static final int MINIMUM_PER_KATA = 4;

    @TestFactory
    @DisplayName("known-wrong implementations of")
    Stream<DynamicContainer> everyKnownWrongImplementationIsRejected() {
        return Katas.all().stream().map(kata -> DynamicContainer.dynamicContainer(kata.slug(), Stream.concat(
                Stream.of(DynamicTest.dynamicTest("has at least " + MINIMUM_PER_KATA + " entries", () -> hasEnough(kata))),
                catalogue(kata).stream().map(wrong -> DynamicTest.dynamicTest(wrong.name(), () -> isRejected(wrong))))));
    }

    private static List<KnownWrong> catalogue(Kata kata) {
        return KnownWrong.of(kata, Katas.REPOSITORY.knownWrong());
    }

    private static void hasEnough(Kata kata) {
        assertThat(catalogue(kata)).as("known-wrong implementations of %s under reference/known-wrong/%s",
                kata.slug(), kata.slug()).hasSizeGreaterThanOrEqualTo(MINIMUM_PER_KATA);
    }

    private static void isRejected(KnownWrong wrong) {
        assertThat(wrong.mistake()).as("the 'Known wrong:' line of %s", wrong).isNotBlank();
        assertThat(wrong.caughtBy()).as("the 'Caught by:' specs of %s", wrong).isNotEmpty();

        KataResult result = Katas.grade(wrong.kata(),
                Katas.engine().referenceSources(wrong.kata()).overlay(wrong.folder()));

        assertThat(result.status()).as("%s must compile (%s)", wrong, result.note()).isNotEqualTo(Status.DOES_NOT_COMPILE);
        Map<String, SpecResult> specs = result.specs().stream()
                .collect(Collectors.toMap(SpecResult::id, Function.identity()));
        assertThat(wrong.caughtBy()).as("specs named by %s that exist", wrong).allSatisfy(id ->
                assertThat(specs).as("specs of %s", wrong.kata().slug()).containsKey(id));
        assertThat(wrong.caughtBy().stream().filter(id -> specs.get(id).passed()))
                .as("specs that %s claims catch it but which pass (it is '%s')", wrong, wrong.mistake())
                .isEmpty();
    }
}
