package grader.course;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The outcome of one spec (a test method).
 *
 * @param className the spec class's simple name, e.g. {@code ReductionSpec}
 * @param method the method name, e.g. {@code sumOverLastAxis}
 * @param displayName the sentence the spec states
 * @param outcome passed, failed, or not run
 * @param message why it did not pass, in words a learner understands; empty when it passed
 * @param duration how long it ran
 * @param tags the spec's JUnit tags (an integration spec carries {@code integration})
 */
public record SpecResult(String className, String method, String displayName, Outcome outcome,
                         String message, Duration duration, Set<String> tags) {

    /** A line that states both sides: "expected 1.25 but was 1.67". */
    private static final Pattern EXPECTED_BUT_WAS = Pattern.compile("(?i)expected.*but was");

    /** The message and display name as well-formed text ({@link #wellFormed}). */
    public SpecResult {
        displayName = wellFormed(displayName);
        message = wellFormed(message);
    }

    /**
     * The text with every lone surrogate (half of a character, as in an exception message built
     * from {@code "\\uD83D"}) replaced by U+FFFD, so that it can be written as UTF-8.
     */
    public static String wellFormed(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (clean != null) {
                    clean.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (clean == null) {
                    clean = new StringBuilder(text.substring(0, i));
                }
                clean.append('\uFFFD');
            } else if (clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? text : clean.toString();
    }

    /** How a spec ended. */
    public enum Outcome { PASSED, FAILED, NOT_RUN }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** {@code ReductionSpec#sumOverLastAxis}: the name the known-wrong catalogue and the JSON use. */
    public String id() {
        return className + "#" + method;
    }

    /**
     * The message in one line: its first line (joined with the next when the first is only an
     * AssertJ description such as {@code [mean over axis 1 is the row average]}), followed by what
     * was expected and what came out when the message says so further down: a line with
     * "expected ... but was ...", an {@code expected: / but was:} pair, or AssertJ's
     * {@code Expecting actual: / to ...: } block.
     */
    public String summary() {
        List<String> lines = message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String first = lines.get(0);
        int used = first.matches("\\[.*\\]") && lines.size() > 1 ? 2 : 1;
        String headline = used == 2 ? first + " " + lines.get(1) : first;
        if (EXPECTED_BUT_WAS.matcher(headline).find()) {
            return headline;
        }
        return expectation(lines.subList(used, lines.size())).map(what -> headline + " | " + what).orElse(headline);
    }

    private static Optional<String> expectation(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (EXPECTED_BUT_WAS.matcher(line).find()) {
                return Optional.of(line);
            }
            if (line.startsWith("expected:") && i + 1 < lines.size() && lines.get(i + 1).startsWith("but was:")) {
                return Optional.of(line + " " + lines.get(i + 1));
            }
            if (line.equals("Expecting actual:") && i + 3 < lines.size() && lines.get(i + 2).endsWith(":")) {
                return Optional.of("actual " + lines.get(i + 1) + " " + lines.get(i + 2) + " " + lines.get(i + 3));
            }
        }
        return Optional.empty();
    }

    public boolean isIntegration() {
        return tags.contains("integration");
    }
}
