package grader;

import static org.assertj.core.api.Assertions.assertThat;

import grader.training.SavedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * {@code -Dtrain=calculator} and {@code -Dask} on a scratch copy of kata 14 and the katas it builds on:
 * blocked while they are skeletons, and a short real run with the reference solutions on a tiny model.
 */
@DisplayName("The grader trains the calculator and asks it")
class TrainTest {

    private static final Set<String> CALCULATOR = Set.of("04", "05", "06", "07", "09", "10", "11", "13", "14");
    private static final String[] TINY = {"solutions", "reference", "steps", "3", "dModel", "8", "heads", "2", "dFF", "16",
        "layers", "1"};

    @Test
    @DisplayName("on the skeletons, training says which kata to finish first, exits 0 and writes nothing")
    void blockedOnSkeletons() {
        try (RepositoryCopy copy = RepositoryCopy.create(CALCULATOR)) {
            GraderRun.Outcome training = GraderRun.run(copy.root(), "train", "calculator");

            assertThat(training.status()).isZero();
            assertThat(training.terminal()).containsPattern(
                    "training needs kata 04 done first: 0 of \\d+ specs pass; run -Dkata=04");
            assertThat(copy.resolve("PROGRESS.md")).doesNotExist();
            assertThat(copy.resolve(".grader/calculator")).doesNotExist();
        }
    }

    @Test
    @DisplayName("with the reference: trains, reports the exact match, draws two pictures, saves weights that -Dask loads")
    void trainsAndAnswers() throws Exception {
        try (RepositoryCopy copy = RepositoryCopy.create(CALCULATOR)) {
            GraderRun.Outcome noModel = GraderRun.run(copy.root(), "solutions", "reference", "ask", "123+456");

            GraderRun.Outcome training = GraderRun.run(copy.root(), TINY);
            GraderRun.Outcome asked = GraderRun.run(copy.root(), "solutions", "reference", "ask", " 123+456 ");
            GraderRun.Outcome malformed = GraderRun.run(copy.root(), "solutions", "reference", "ask", "12x+3");

            assertThat(noModel.status()).isEqualTo(2);
            assertThat(noModel.terminal()).contains("No trained calculator yet").contains("-Dtrain=calculator");
            assertThat(training.status()).as(training.terminal()).isZero();
            assertThat(training.terminal()).containsPattern("\\nexact match: [01]\\.\\d{3} \\(\\d+ of 2000 fresh problems\\)\\n")
                    .contains("step 3/3  loss ").contains(".grader/calculator/loss.svg").contains("-Dask=123+456");
            assertThat(xml(copy.resolve(".grader/calculator/loss.svg")).getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(xml(copy.resolve(".grader/calculator/cross-attention.svg")).getElementsByTagName("rect").getLength())
                    .isGreaterThan(7);
            String weights = Files.readString(copy.resolve(".grader/calculator/model.txt"), StandardCharsets.UTF_8);
            assertThat(SavedModel.parse(weights).text()).isEqualTo(weights);
            assertThat(SavedModel.parse(weights).sizes().dModel()).isEqualTo(8);
            assertThat(asked.status()).as(asked.terminal()).isZero();
            assertThat(lastLine(asked.terminal())).matches("123\\+456 = (\\d+|\\?)");
            assertThat(malformed.status()).isEqualTo(2);
            assertThat(malformed.terminal()).contains("grader: -Dask=12x+3 is not a problem: ").contains("12x+3");
            assertThat(copy.resolve("PROGRESS.md")).doesNotExist();
        }
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String lastLine(String terminal) throws IOException {
        List<String> lines = terminal.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
