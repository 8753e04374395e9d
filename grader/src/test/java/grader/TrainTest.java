package grader;

import static org.assertj.core.api.Assertions.assertThat;

import grader.training.SavedModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code -Dtrain=calculator} and {@code -Dask} on scratch copies of kata 14 and the katas it builds on:
 * blocked while they are skeletons, and short real runs of the reference solutions on a tiny model.
 */
@DisplayName("The grader trains the calculator and asks it")
class TrainTest {

    private static final Set<String> CALCULATOR = Set.of("04", "05", "06", "07", "09", "10", "11", "13", "14");
    private static final String[] TINY = {"train", "calculator", "solutions", "reference", "steps", "3", "dModel", "8",
        "heads", "2", "dFF", "16", "layers", "1"};
    private static final String TRAINER = "reference/src/main/java/kata/calculator/Trainer.java";
    private static final String WEIGHTS = ".grader/calculator/model.txt";
    /** A wrong answer as training lists it: {@code   17+805 = 822  (model said 812)}. */
    private static final Pattern WRONG = Pattern.compile("\\n  (\\d+\\+\\d+) = \\d+  \\(model said (.+)\\)\\n");

    /** Reference solutions, shared so that the katas compile once. */
    private static RepositoryCopy reference;

    @BeforeAll
    static void copyRepository() {
        reference = RepositoryCopy.create(CALCULATOR);
    }

    @AfterAll
    static void deleteCopy() {
        reference.close();
    }

    @Test
    @DisplayName("on the skeletons, training says which kata to finish first, exits 0 and writes nothing")
    void blockedOnSkeletons() {
        try (RepositoryCopy copy = RepositoryCopy.create(CALCULATOR)) {
            GraderRun.Outcome training = GraderRun.run(copy.root(), "train", "calculator");

            assertThat(training.status()).isZero();
            assertThat(training.terminal()).containsPattern(
                    "\\ntraining needs kata 04 done first: 0 of \\d+ specs pass; run -Dkata=04\\n");
            assertThat(copy.resolve("PROGRESS.md")).doesNotExist();
            assertThat(copy.resolve(".grader/calculator")).doesNotExist();
        }
    }

    @Test
    @DisplayName("with the reference: trains, reports the exact match, draws two pictures, saves weights that -Dask loads")
    void trainsAndAnswers() throws Exception {
        GraderRun.Outcome training = GraderRun.run(reference.root(), TINY);
        Matcher wrong = WRONG.matcher(training.terminal());
        assertThat(wrong.find()).as(training.terminal()).isTrue();
        GraderRun.Outcome asked = GraderRun.run(reference.root(), "solutions", "reference", "ask", " 123+456 ");
        GraderRun.Outcome again = GraderRun.run(reference.root(), "solutions", "reference", "ask", wrong.group(1));
        GraderRun.Outcome malformed = GraderRun.run(reference.root(), "solutions", "reference", "ask", "12x+3");

        assertThat(training.status()).as(training.terminal()).isZero();
        assertThat(training.terminal())
                .containsPattern("\\nexact match: [01]\\.\\d{3} \\(\\d+ of 2000 fresh problems\\)\\n")
                .contains("step 3/3  loss ").contains(".grader/calculator/loss.svg").contains("-Dask=123+456");
        assertThat(xml(reference.resolve(".grader/calculator/loss.svg")).getElementsByTagName("polyline").getLength())
                .isEqualTo(2);
        assertThat(xml(reference.resolve(".grader/calculator/cross-attention.svg")).getElementsByTagName("rect").getLength())
                .isGreaterThan(7);
        String weights = Files.readString(reference.resolve(WEIGHTS), StandardCharsets.UTF_8);
        assertThat(SavedModel.parse(weights).text()).isEqualTo(weights);
        assertThat(SavedModel.parse(weights).sizes().dModel()).isEqualTo(8);
        assertThat(asked.status()).as(asked.terminal()).isZero();
        assertThat(lastLine(asked.terminal())).matches("123\\+456 = (\\d+|\\?)");
        assertThat(lastLine(again.terminal())).as("the loaded model answers as the trained one did")
                .isEqualTo(wrong.group(1) + " = " + (wrong.group(2).matches("\\d+") ? wrong.group(2) : "?"));
        assertThat(malformed.status()).isEqualTo(2);
        assertThat(malformed.terminal()).startsWith("grader: -Dask=12x+3: \"12x+3\" is not a problem: ");
        assertThat(malformed.terminal().split("is not a problem", -1)).as("the message is said once").hasSize(2);
        assertThat(reference.resolve("PROGRESS.md")).doesNotExist();
    }

    @Test
    @DisplayName("code that throws while training is named with its line, exits 0 and saves nothing")
    void learnerCodeThatThrows() throws Exception {
        Path weights = reference.resolve(WEIGHTS);
        String before = Files.exists(weights) ? Files.readString(weights, StandardCharsets.UTF_8) : "";
        String trainer = reference.read(TRAINER);
        reference.replaceLine(TRAINER, "public TrainingStep step(Batch batch) {", """
                    public TrainingStep step(Batch batch) {
                        if (batch.source().length == 13) {
                            throw new IllegalStateException("planted for batches of 13");
                        }""");
        GraderRun.Outcome training;
        try {
            training = GraderRun.run(reference.root(), append(TINY, "batch", "13"));
        } finally {
            reference.write(TRAINER, trainer);
        }

        assertThat(training.status()).isZero();
        assertThat(training.terminal()).contains(
                "training stopped at step 1, in your code: IllegalStateException: planted for batches of 13 (at Trainer.java:");
        assertThat(Files.exists(weights) ? Files.readString(weights, StandardCharsets.UTF_8) : "").isEqualTo(before);
    }

    @Test
    @DisplayName("a run whose loss turns NaN stops, says so, and keeps the model saved before")
    void divergingKeepsTheGoodModel() throws Exception {
        GraderRun.Outcome good = GraderRun.run(reference.root(), TINY);
        assertThat(good.status()).as(good.terminal()).isZero();
        String before = Files.readString(reference.resolve(WEIGHTS), StandardCharsets.UTF_8);

        GraderRun.Outcome diverged = GraderRun.run(reference.root(), append(TINY, "rateFactor", "1e300", "clipNorm", "none",
                "steps", "20"));

        assertThat(diverged.status()).as(diverged.terminal()).isZero();
        assertThat(diverged.terminal()).containsPattern("training stopped: the loss is (NaN|Infinity) at step \\d+")
                .contains("the model of before is kept in .grader/calculator/model.txt");
        assertThat(Files.readString(reference.resolve(WEIGHTS), StandardCharsets.UTF_8)).isEqualTo(before);
        assertThat(SavedModel.parse(before).malformed()).isEmpty();
    }

    @Test
    @DisplayName("a thread the learner's code leaves running does not keep training or asking from ending")
    void leftoverThread() throws Exception {
        String trainer = reference.read(TRAINER);
        reference.replaceLine(TRAINER, "public TrainingStep step(Batch batch) {", """
                    public TrainingStep step(Batch batch) {
                        java.util.concurrent.Executors.newFixedThreadPool(1).submit(() -> { });""");
        Jvm training;
        try {
            training = Jvm.run(reference.root(), append(TINY, "steps", "2"));
        } finally {
            reference.write(TRAINER, trainer);
        }

        assertThat(training.ended()).as("the training ended by itself").isTrue();
        assertThat(training.status()).as(training.output()).isZero();
        assertThat(training.output()).contains("exact match: ");
    }

    @Test
    @DisplayName("System.exit through reflection, or Runtime.halt, ends training with a message and no scratch folder left")
    void exitingTheTrainingJvm() throws Exception {
        for (String exit : List.of("Class.forName(\"java.lang.System\").getMethod(\"exit\", int.class).invoke(null, 0);",
                "Class.forName(\"java.lang.Runtime\").getMethod(\"halt\", int.class).invoke(Runtime.getRuntime(), 7);")) {
            String trainer = reference.read(TRAINER);
            reference.replaceLine(TRAINER, "public TrainingStep step(Batch batch) {", """
                        public TrainingStep step(Batch batch) {
                            try {
                                %s
                            } catch (ReflectiveOperationException e) {
                                throw new IllegalStateException(e);
                            }""".formatted(exit));
            Jvm training;
            try {
                training = Jvm.run(reference.root(), TINY);
            } finally {
                reference.write(TRAINER, trainer);
            }

            assertThat(training.ended()).isTrue();
            assertThat(training.status()).as(training.output()).isZero();
            assertThat(training.output()).contains("training stopped: its JVM ended with status ")
                    .contains("before the run finished");
            assertThat(training.scratchLeft()).as("scratch files left by " + exit).isEmpty();
        }
    }

    @Test
    @DisplayName("asking before any training says to train first, with status 2")
    void askingBeforeTraining() {
        try (RepositoryCopy copy = RepositoryCopy.create(Set.of("14"))) {
            GraderRun.Outcome asked = GraderRun.run(copy.root(), "ask", "1+2");

            assertThat(asked.status()).isEqualTo(2);
            assertThat(asked.terminal()).isEqualTo("No trained calculator yet (.grader/calculator/model.txt does not exist):"
                    + " train it first with mvn -q -pl grader exec:java -Dtrain=calculator" + System.lineSeparator());
        }
    }

    /** The grader run as {@code mvn exec:java} runs it, in a JVM of its own with the first JIT tier only (so training starts another). */
    record Jvm(boolean ended, int status, String output, List<String> scratchLeft) {

        static Jvm run(Path repository, String... options) throws Exception {
            Path temporary = Files.createTempDirectory("grader-jvm-");
            Path output = temporary.resolve("output.txt");
            Path scratch = Files.createDirectories(temporary.resolve("tmp"));
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                    "-Djava.io.tmpdir=" + scratch, "-cp", System.getProperty("java.class.path"),
                    "-Drepository=" + repository));
            for (int i = 0; i < options.length; i += 2) {
                command.add("-D" + options[i] + "=" + options[i + 1]);
            }
            command.add("grader.Main");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            List<String> left;
            try (var files = Files.list(scratch)) {
                left = files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("kata-grader")).toList();
            }
            Jvm jvm = new Jvm(ended, ended ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8), left);
            RepositoryCopy.delete(temporary);
            return jvm;
        }
    }

    private static String[] append(String[] options, String... more) {
        String[] all = java.util.Arrays.copyOf(options, options.length + more.length);
        System.arraycopy(more, 0, all, options.length, more.length);
        return all;
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String lastLine(String terminal) {
        List<String> lines = terminal.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
