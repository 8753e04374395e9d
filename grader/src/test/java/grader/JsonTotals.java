package grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks README's promise on the JSON: every total is the sum of its parts. */
final class JsonTotals {

    private static final Pattern TOP = Pattern.compile("^  \"score\": (\\d+),\\n  \"max_score\": (\\d+),$", Pattern.MULTILINE);
    private static final Pattern KATA = Pattern.compile(
            "^    \\{\"id\": \"(\\d\\d)\".*?, \"score\": (\\d+), \"max_score\": (\\d+), \"note\": ", Pattern.MULTILINE);
    private static final Pattern TEST = Pattern.compile(
            "^    \\{\"name\": .*?[^\\\\]\", \"kata\": \"(\\d\\d)\", \"status\": \"(pass|fail|error)\".*"
                    + ", \"score\": ([01]), \"max_score\": 1}", Pattern.MULTILINE);

    private JsonTotals() {
    }

    static void check(String json) {
        Matcher top = TOP.matcher(json);
        assertThat(top.find()).as("top-level score in\n" + json).isTrue();
        Map<String, int[]> katas = new HashMap<>();
        int[] kataSums = new int[2];
        Matcher kata = KATA.matcher(json);
        while (kata.find()) {
            int[] scores = {Integer.parseInt(kata.group(2)), Integer.parseInt(kata.group(3))};
            katas.put(kata.group(1), scores);
            kataSums[0] += scores[0];
            kataSums[1] += scores[1];
        }
        Map<String, int[]> tests = new HashMap<>();
        Matcher test = TEST.matcher(json);
        while (test.find()) {
            int[] sums = tests.computeIfAbsent(test.group(1), id -> new int[2]);
            sums[0] += Integer.parseInt(test.group(3));
            sums[1]++;
        }
        assertThat(kataSums).as("the katas' score and max_score add up to the top-level ones")
                .containsExactly(Integer.parseInt(top.group(1)), Integer.parseInt(top.group(2)));
        katas.forEach((id, scores) -> assertThat(tests.getOrDefault(id, new int[2]))
                .as("kata %s: its tests' score and max_score add up to its own", id)
                .containsExactly(scores));
        assertThat(tests.keySet()).isSubsetOf(katas.keySet());
    }
}
