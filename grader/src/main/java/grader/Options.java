package grader;

import grader.engine.Engine.Solutions;
import grader.engine.Settings;
import grader.modes.GradingOptions;
import grader.training.TrainingOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * @param hint {@code -Dhint=01}: print the kata's next unread hint instead of grading
 * @param reset {@code -Dreset=01}: restore the kata's committed skeleton and specs, keeping a backup
 * @param yes {@code -Dyes=true}: answer yes to the reset's question (for scripts)
 * @param forceManifest {@code -Dmanifest=force}: write the manifest even when git says specs differ from the committed ones
 * @param train {@code -Dtrain=calculator} (with the options of {@link TrainingOptions}): train the capstone's model
 * @param ask {@code -Dask=123+456}: ask the trained calculator a question
 * @param measure {@code -Dmeasure=12}: time kata 12's blocked matmul against the naive loop, in a JVM with the full JIT
 * @param shell {@code -Dshell=06}: a JShell session on the kata's classes and the support code
 */
public record Options(Optional<String> kata, Solutions solutions, Optional<Path> progress, Optional<Path> json,
                      Settings settings, Optional<Path> repository, boolean manifest, boolean watch,
                      Optional<String> mistake, Optional<String> hint, Optional<String> reset, boolean yes,
                      boolean forceManifest, Optional<TrainingOptions> train, Optional<String> ask,
                      Optional<String> measure, Optional<String> shell) {

    /** Every option's name, as {@code -Dname=value}. */
    public static final List<String> NAMES = Stream.of(
            List.of("kata", "solutions", "mistake", "progress", "json", "watch", "hint", "reset", "yes", "train", "ask",
                    "measure", "shell"),
            TrainingOptions.NAMES,
            List.of("timeout", "kataTimeout", "fork", "forkMemory", "repository", "manifest"))
            .flatMap(List::stream).toList();

    /** Properties of Maven's plugins and of the course's other commands that look like options but are not the grader's. */
    private static final Set<String> OTHERS = Set.of("test", "tests", "specs", "skipTests");

    /** Options whose value names something (a kata, a question): given empty, they are refused rather than ignored. */
    private static final List<String> NEEDS_A_VALUE = List.of("kata", "mistake", "hint", "reset", "train", "ask", "measure", "shell");

    /** What grading takes from these options. */
    public GradingOptions grading() {
        return new GradingOptions(solutions, settings, progress, json, watch);
    }

    /**
     * Reads the options from the system properties, refusing one that looks like a misspelt option
     * ({@code -Dkatta=01}): a property name within one edit of an option's name (two for names longer
     * than five letters), or equal to it but for case. Names with a dot (Maven's, the JVM's) or an
     * underscore ({@code QT_SEED}) are never the grader's.
     *
     * @throws IllegalArgumentException naming the option when a value makes no sense or is empty, or
     *     the option meant when a name is misspelt
     */
    public static Options from(Map<String, String> properties) {
        for (String name : new TreeSet<>(properties.keySet())) {
            misspelt(name).ifPresent(meant -> {
                throw new IllegalArgumentException("-D" + name + " is not an option: did you mean -D" + meant
                        + "? The options are " + NAMES.stream().map(n -> "-D" + n).collect(Collectors.joining(", ")));
            });
        }
        for (String name : NEEDS_A_VALUE) {
            if (properties.containsKey(name) && properties.get(name).isBlank()) {
                throw new IllegalArgumentException("-D" + name + "= is empty: " + switch (name) {
                    case "ask" -> "give the question, e.g. -Dask=123+456";
                    case "train" -> "the course trains -Dtrain=calculator";
                    case "mistake" -> "name the known mistake, e.g. -Dmistake=eps-outside-sqrt";
                    default -> "name the kata, e.g. -D" + name + "=" + ("measure".equals(name) ? "12" : "06");
                });
            }
        }
        for (String name : NAMES) {
            if (properties.containsKey(name) && properties.get(name).isBlank()) {
                throw new IllegalArgumentException("-D" + name + "= is empty: give it a value (grader/README.md lists"
                        + " what each option takes)");
            }
        }
        return from(properties::get);
    }

    /** The option {@code name} is probably a misspelling of, if any. */
    static Optional<String> misspelt(String name) {
        if (NAMES.contains(name) || OTHERS.contains(name) || name.contains(".") || name.contains("_")) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return NAMES.stream().filter(option -> {
            String known = option.toLowerCase(Locale.ROOT);
            return distance(lower, known) <= (known.length() > 5 ? 2 : 1);
        }).min(java.util.Comparator.comparingInt(option -> distance(lower, option.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from {@code a} to {@code b}. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Options from(Function<String, String> properties) {
        Optional<String> kata = value(properties, "kata");
        Solutions solutions = value(properties, "solutions").map(Options::solutions).orElse(Solutions.LEARNER);
        boolean fork = value(properties, "fork").map(v -> flag("fork", v)).orElse(false);
        Settings settings = new Settings(
                seconds(properties, "timeout", Settings.DEFAULT.specTimeoutSeconds()),
                seconds(properties, "kataTimeout", Settings.DEFAULT.kataTimeoutSeconds()),
                fork ? value(properties, "forkMemory").orElse(Settings.DEFAULT_FORK_MEMORY) : "");
        boolean watch = value(properties, "watch").map(v -> flag("watch", v)).orElse(false);
        Optional<String> manifest = value(properties, "manifest");
        if (manifest.isPresent() && !manifest.get().equals("write") && !manifest.get().equals("force")) {
            throw new IllegalArgumentException("-Dmanifest=" + manifest.get()
                    + " is not an option: maintainers use -Dmanifest=write (or -Dmanifest=force)");
        }
        boolean yes = value(properties, "yes").map(v -> flag("yes", v)).orElse(false);
        return new Options(kata, solutions, value(properties, "progress").map(Path::of),
                value(properties, "json").map(Path::of), settings, value(properties, "repository").map(Path::of),
                manifest.isPresent(), watch, mistake(properties, kata), value(properties, "hint"),
                value(properties, "reset"), yes, manifest.filter("force"::equals).isPresent(), train(properties),
                value(properties, "ask"), value(properties, "measure"), value(properties, "shell"));
    }

    /**
     * {@code -Dtrain=calculator} and the training options, which go with it alone.
     *
     * @throws IllegalArgumentException for another model, a training option without {@code -Dtrain},
     *     or {@code -Dask} with it
     */
    private static Optional<TrainingOptions> train(Function<String, String> properties) {
        Optional<String> train = value(properties, "train");
        if (train.isEmpty()) {
            TrainingOptions.NAMES.stream().filter(name -> value(properties, name).isPresent()).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("-D" + name + "=" + value(properties, name).get()
                        + " goes with -Dtrain=calculator: it says how the calculator trains");
            });
            return Optional.empty();
        }
        if (!List.of("calculator", "14", "14-calculator").contains(train.get().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("-Dtrain=" + train.get()
                    + " is not an option: the course trains one model, -Dtrain=calculator (kata 14)");
        }
        if (value(properties, "ask").isPresent()) {
            throw new IllegalArgumentException("-Dask goes without -Dtrain: train first, then ask the trained calculator");
        }
        return Optional.of(TrainingOptions.from(properties));
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
