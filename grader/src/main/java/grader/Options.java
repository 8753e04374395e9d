package grader;

import grader.engine.Engine.Solutions;
import grader.engine.Settings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The grader's options, read from system properties so that they work with {@code exec:java}.
 *
 * @param kata {@code -Dkata=01} (or a slug): grade one kata and list its specs
 * @param solutions {@code -Dsolutions=reference}: grade the reference solutions instead of the learner's
 * @param progress {@code -Dprogress=path}: where to write the table
 * @param json {@code -Djson=path}: where to write the results as JSON
 * @param settings {@code -Dtimeout=seconds} per spec, {@code -DkataTimeout=seconds} per kata,
 *     {@code -Dfork=true} (and {@code -DforkMemory=512m}) to run each kata's specs in a JVM of their own
 * @param repository {@code -Drepository=path}: the repository to grade (default: found from the working folder)
 * @param manifest {@code -Dmanifest=write}: refresh the spec manifest instead of grading (for maintainers)
 * @param watch {@code -Dwatch=true}: grade again each time a kata's files are saved, until interrupted
 * @param mistake {@code -Dmistake=name} (with {@code -Dkata}): grade the reference with that known mistake written in
 */
public record Options(Optional<String> kata, Solutions solutions, Optional<Path> progress, Optional<Path> json,
                      Settings settings, Optional<Path> repository, boolean manifest, boolean watch,
                      Optional<String> mistake) {

    /** Reads the options.
     *
     * @throws IllegalArgumentException naming the option when a value makes no sense
     */
    public static Options from(Function<String, String> properties) {
        Optional<String> kata = value(properties, "kata");
        Solutions solutions = value(properties, "solutions").map(Options::solutions).orElse(Solutions.LEARNER);
        boolean fork = value(properties, "fork").map(v -> flag("fork", v)).orElse(false);
        Settings settings = new Settings(
                seconds(properties, "timeout", Settings.DEFAULT.specTimeoutSeconds()),
                seconds(properties, "kataTimeout", Settings.DEFAULT.kataTimeoutSeconds()),
                fork ? value(properties, "forkMemory").orElse(Settings.DEFAULT_FORK_MEMORY) : "");
        boolean watch = value(properties, "watch").map(v -> flag("watch", v)).orElse(false);
        boolean manifest = value(properties, "manifest").map(v -> {
            if (!v.equals("write")) {
                throw new IllegalArgumentException("-Dmanifest=" + v + " is not an option: use -Dmanifest=write");
            }
            return true;
        }).orElse(false);
        return new Options(kata, solutions, value(properties, "progress").map(Path::of),
                value(properties, "json").map(Path::of), settings, value(properties, "repository").map(Path::of), manifest, watch,
                mistake(properties, kata));
    }

    private static Solutions solutions(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "reference" -> Solutions.REFERENCE;
            case "learner", "mine" -> Solutions.LEARNER;
            default -> throw new IllegalArgumentException(
                    "-Dsolutions=" + value + " is not an option: use -Dsolutions=reference (or leave it out)");
        };
    }

    private static Optional<String> mistake(Function<String, String> properties, Optional<String> kata) {
        Optional<String> mistake = value(properties, "mistake");
        if (mistake.isPresent() && kata.isEmpty()) {
            throw new IllegalArgumentException("-Dmistake=" + mistake.get() + " needs the kata it belongs to: add -Dkata=NN");
        }
        return mistake;
    }

    private static boolean flag(String name, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("-D" + name + "=" + value + " is not an option: use -D" + name + "=true");
        };
    }

    private static long seconds(Function<String, String> properties, String name, long fallback) {
        Optional<String> text = value(properties, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(text.get().replaceFirst("\\s*s$", ""));
            if (seconds <= 0) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + text.get() + " is not a number of seconds greater than 0");
        }
    }

    private static Optional<String> value(Function<String, String> properties, String name) {
        return Optional.ofNullable(properties.apply(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
