package grader.engine;

import grader.course.Kata;
import grader.course.SpecResult;
import grader.course.SpecResult.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The specs a kata declares, read from the text of its spec sources: what the grade lists, each as
 * not run, when the specs could not run at all (the kata does not compile, a prerequisite blocks
 * it, the run ended before reporting). Each is a method annotated {@code @Test} (or another JUnit
 * test annotation), named by its file's class and the method, with its {@code @DisplayName}.
 */
final class DeclaredSpecs {

    private static final Pattern PARTS = Pattern.compile(
            "^\\s*@(?<spec>Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b"
                    + "|^\\s*@DisplayName\\(\\s*\"(?<display>(?:[^\"\\\\]|\\\\.)*)\""
                    + "|^[\\w\\s]*\\b(?:class|interface|record|enum)\\s+\\w+"
                    + "|^\\s*(?!return\\b|new\\b|throw\\b|else\\b)(?:\\w+\\s+)*[\\w<>\\[\\]?,.]+\\s+(?<method>\\w+)\\s*\\(",
            Pattern.MULTILINE);

    private DeclaredSpecs() {
    }

    /** Every spec of {@code kata}, not run, with {@code why} as its message. */
    static List<SpecResult> of(Kata kata, String why) {
        List<SpecResult> specs = new ArrayList<>();
        for (Map.Entry<String, Path> file : SourceSet.of(kata.testSources()).byRelativePath().entrySet()) {
            String relative = file.getKey();
            String className = relative.substring(relative.lastIndexOf('/') + 1, relative.length() - ".java".length());
            String text;
            try {
                text = Files.readString(file.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue;
            }
            boolean spec = false;
            String display = null;
            Matcher part = PARTS.matcher(text);
            while (part.find()) {
                if (part.group("spec") != null) {
                    spec = true;
                } else if (part.group("display") != null) {
                    display = part.group("display").replace("\\\"", "\"").replace("\\\\", "\\");
                } else {
                    String method = part.group("method");
                    if (spec && method != null) {
                        specs.add(new SpecResult(className, method, display == null ? method + "()" : display,
                                Outcome.NOT_RUN, why, Duration.ZERO, Set.of()));
                    }
                    spec = false;
                    display = null;
                }
            }
        }
        return List.copyOf(specs);
    }
}
