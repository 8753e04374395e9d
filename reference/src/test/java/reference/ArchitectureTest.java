package reference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import grader.course.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rules that keep the parts apart. The katas (skeletons and specs), the reference solutions and
 * the grader are imported separately, from the folders the build compiled them into: skeletons and
 * solutions share class names, so one class path could not hold both.
 *
 * <p>The rules on skeletons hold for the committed ones: once a learner has started a kata its
 * main classes are their work (which may print while they debug), so those rules are skipped and
 * the rest are checked on the specs, the support code and the solutions.
 */
@DisplayName("Architecture rules")
class ArchitectureTest {

    static final ArchRule KATA_CODE_USES_ONLY_THE_JDK_THE_SUPPORT_CODE_AND_THE_TEST_LIBRARIES = classes()
            .that().resideInAPackage("kata..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "kata..", "org.junit..", "org.assertj..", "org.quicktheories..", "org.opentest4j..")
            .because("a kata is learned from the skeleton, its specs and the support code alone; "
                    + "it never reaches into the reference solutions or the grader");

    static final ArchRule SUPPORT_CODE_DEPENDS_ON_NO_KATA = classes()
            .that().resideInAPackage("kata.support..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "kata.support..", "org.assertj..", "org.quicktheories..", "org.junit..")
            .because("support code is shared by every kata and must not answer or need any of them");

    static final ArchRule SKELETONS_AND_SOLUTIONS_DO_NOT_USE_THE_SPEC_TOOLKIT = noClasses()
            .that().resideInAPackage("kata..").and().resideOutsideOfPackage("kata.support..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "kata.support.testing..", "org.junit..", "org.assertj..", "org.quicktheories..")
            .because("solutions are plain Java; the toolkit (Indices, Generators, TensorAssert, Theories and the rest), "
                    + "assertions and generators belong to the specs, and the grader refuses a solution that uses them");

    static final ArchRule NOTHING_CALLS_MATH_RANDOM = noClasses()
            .should().callMethod(Math.class, "random")
            .orShould().callMethod(StrictMath.class, "random")
            .because("randomness is injected as a seeded RandomGenerator, so every run can be replayed");

    static final ArchRule ONLY_THE_GRADER_PRINTS = noClasses()
            .that().resideInAPackage("kata..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("the grader owns the terminal; specs report through their failure messages");

    static final ArchRule THE_GRADER_DEPENDS_ON_NO_KATA = noClasses()
            .that().resideInAPackage("grader..")
            .should().dependOnClassesThat().resideInAPackage("kata..")
            .because("the grader compiles katas from source at run time and must work whatever they contain");

    static final ArchRule THE_GRADERS_LAYERS_POINT_ONE_WAY = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Main and options").definedBy("grader")
            .layer("Training").definedBy("grader.training..")
            .layer("Modes").definedBy("grader.modes..")
            .layer("Engine").definedBy("grader.engine..")
            .layer("Reports").definedBy("grader.report..")
            .layer("Course").definedBy("grader.course..")
            .whereLayer("Main and options").mayNotBeAccessedByAnyLayer()
            .whereLayer("Training").mayOnlyBeAccessedByLayers("Main and options")
            .whereLayer("Modes").mayOnlyBeAccessedByLayers("Main and options", "Training")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Main and options", "Modes", "Training")
            .whereLayer("Reports").mayOnlyBeAccessedByLayers("Modes", "Training")
            .whereLayer("Course").mayNotAccessAnyLayer()
            .because("Main reads the options and dispatches to a mode; the modes (training and asking among them) grade "
                    + "through the engine and report; the course (the repository on disk and what a grade found) is what "
                    + "every layer speaks of and needs none of them; nothing points back up, and every package is a layer");

    private static final String LEARNER_STARTED =
            "a learner has started a kata: the skeleton rules hold for the committed skeletons, not for their work";

    private static JavaClasses katas;
    private static JavaClasses skeletons;
    private static JavaClasses solutions;
    private static JavaClasses grader;

    private static boolean pristine;

    /** Importing every compiled class is not a spec: the specs' 10 s limit is too short on a busy machine. */
    @BeforeAll
    @Timeout(120)
    static void importCompiledClasses() {
        Path root = Katas.REPOSITORY.root();
        pristine = Manifest.committed(Katas.REPOSITORY)
                .map(manifest -> manifest.skeletonsUntouched(Manifest.of(Katas.REPOSITORY))).orElse(true);
        katas = importFolders(pristine ? kataFolders(root, "target/classes", "target/test-classes") : specsAndSupport(root));
        skeletons = importFolders(kataFolders(root, "target/classes"));
        solutions = importFolders(List.of(root.resolve("reference/target/classes")));
        grader = importFolders(List.of(root.resolve("grader/target/classes")));
    }

    @Test
    @DisplayName("kata code uses only the JDK, the support code and the test libraries")
    void kataCodeUsesOnlyTheJdkTheSupportCodeAndTheTestLibraries() {
        KATA_CODE_USES_ONLY_THE_JDK_THE_SUPPORT_CODE_AND_THE_TEST_LIBRARIES.check(katas);
        KATA_CODE_USES_ONLY_THE_JDK_THE_SUPPORT_CODE_AND_THE_TEST_LIBRARIES.check(solutions);
    }

    @Test
    @DisplayName("support code depends on no kata")
    void supportCodeDependsOnNoKata() {
        SUPPORT_CODE_DEPENDS_ON_NO_KATA.check(katas);
    }

    @Test
    @DisplayName("skeletons and solutions do not use the spec toolkit")
    void skeletonsAndSolutionsDoNotUseTheSpecToolkit() {
        SKELETONS_AND_SOLUTIONS_DO_NOT_USE_THE_SPEC_TOOLKIT.check(solutions);
        assumeTrue(pristine, LEARNER_STARTED);
        SKELETONS_AND_SOLUTIONS_DO_NOT_USE_THE_SPEC_TOOLKIT.check(skeletons);
    }

    @Test
    @DisplayName("nothing calls Math.random")
    void nothingCallsMathRandom() {
        NOTHING_CALLS_MATH_RANDOM.check(katas);
        NOTHING_CALLS_MATH_RANDOM.check(solutions);
        NOTHING_CALLS_MATH_RANDOM.check(grader);
    }

    @Test
    @DisplayName("only the grader prints to the standard streams")
    void onlyTheGraderPrints() {
        ONLY_THE_GRADER_PRINTS.check(katas);
        ONLY_THE_GRADER_PRINTS.check(solutions);
    }

    @Test
    @DisplayName("the grader's layers point one way: Main and options, training, modes, engine, reports, course")
    void theGradersLayersPointOneWay() {
        THE_GRADERS_LAYERS_POINT_ONE_WAY.check(grader);
    }

    @Test
    @DisplayName("the grader depends on no kata")
    void theGraderDependsOnNoKata() {
        THE_GRADER_DEPENDS_ON_NO_KATA.check(grader);
    }

    private static List<Path> kataFolders(Path root, String... outputs) {
        try (Stream<Path> modules = Files.list(root.resolve("katas"))) {
            List<Path> folders = modules.filter(Files::isDirectory)
                    .flatMap(module -> Stream.of(outputs).map(module::resolve))
                    .filter(Files::isDirectory)
                    .toList();
            assertThat(folders).as("compiled kata folders: build from the repository root (mvn verify)").isNotEmpty();
            return folders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> specsAndSupport(Path root) {
        List<Path> folders = new java.util.ArrayList<>(kataFolders(root, "target/test-classes"));
        folders.add(root.resolve("katas/support/target/classes"));
        return folders;
    }

    private static JavaClasses importFolders(List<Path> folders) {
        folders.forEach(folder -> assertThat(folder).as("compiled classes (build from the repository root)").isDirectory());
        return new ClassFileImporter().importPaths(folders);
    }
}
