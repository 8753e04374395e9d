package grader.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The kata repository on disk: where its parts are and which katas it holds. */
public final class Repository {

    private static final Pattern KATA_FOLDER = Pattern.compile("(\\d\\d)-[a-z0-9-]+");
    private static final Pattern TITLE = Pattern.compile("^#\\s+(.+?)\\s*(\\(.*\\))?\\s*$", Pattern.MULTILINE);
    private static final Pattern DEPENDENCIES = Pattern.compile("<dependencies>(.*?)</dependencies>", Pattern.DOTALL);
    private static final Pattern OFF_LIMITS = Pattern.compile("<grader\\.offLimits>([^<]*)</grader\\.offLimits>");
    private static final Pattern KATA_ARTIFACT = Pattern.compile("<artifactId>\\s*kata-(\\d\\d)-");

    private final Path root;

    private Repository(Path root) {
        this.root = root;
    }

    /**
     * The repository at {@code root}.
     *
     * @throws IllegalArgumentException when {@code root} does not hold {@code katas/} and {@code grader/}
     */
    public static Repository at(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!looksLikeRoot(absolute)) {
            throw new IllegalArgumentException(absolute + " is not the kata repository (no katas/ and grader/ folders)");
        }
        return new Repository(absolute);
    }

    /** The repository containing {@code start} or one of its parents. */
    public static Optional<Repository> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (looksLikeRoot(dir)) {
                return Optional.of(new Repository(dir));
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeRoot(Path dir) {
        return Files.isDirectory(dir.resolve("katas")) && Files.isDirectory(dir.resolve("grader"))
                && Files.isRegularFile(dir.resolve("pom.xml"));
    }

    public Path root() {
        return root;
    }

    public Path supportSources() {
        return root.resolve("katas/support/src/main/java");
    }

    public Path referenceSources() {
        return root.resolve("reference/src/main/java");
    }

    public Path knownWrong() {
        return root.resolve("reference/known-wrong");
    }

    public Path progressFile() {
        return root.resolve("PROGRESS.md");
    }

    public Path manifest() {
        return root.resolve("grader/spec-manifest.txt");
    }

    /**
     * Every kata folder {@code katas/NN-slug}, in kata order: those with sources, and those whose
     * sources were moved away (a {@code pom.xml} but no {@code src}), which keep their row.
     */
    public List<Kata> katas() {
        List<Kata> katas = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root.resolve("katas"))) {
            for (Path folder : folders.sorted().toList()) {
                Matcher name = KATA_FOLDER.matcher(folder.getFileName().toString());
                if (name.matches() && Files.isDirectory(folder) && (Files.isDirectory(folder.resolve("src"))
                        || Files.isRegularFile(folder.resolve("pom.xml")))) {
                    katas.add(read(folder, name.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root.resolve("katas"), e);
        }
        return katas;
    }

    /**
     * The kata {@code selector} names (an id like {@code 1} or {@code 01}, or a slug).
     *
     * @throws IllegalArgumentException naming the option and listing the katas when none matches
     */
    public Kata kata(String selector, String option) {
        List<Kata> all = katas();
        return all.stream().filter(k -> k.matches(selector)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no kata matches -D" + option + "=" + selector + "; katas: " + String.join(", ", all.stream().map(Kata::slug).toList())));
    }

    /** Where the grader keeps what it remembers for the learner (hints read, backups): ignored by git. */
    public Path graderState() {
        Path state = root.resolve(".grader");
        if (Files.exists(state) && !Files.isDirectory(state)) {
            throw new IllegalArgumentException(relative(state) + " is a file, but the grader keeps what it remembers"
                    + " (hints read, backups, the trained model) in a folder of that name: move the file away");
        }
        return state;
    }

    /** The path as a learner would type it from the repository root, with forward slashes. */
    public String relative(Path path) {
        Path relative = path.isAbsolute() ? root.relativize(path) : path;
        return relative.toString().replace('\\', '/');
    }

    private Kata read(Path folder, String id) {
        String slug = folder.getFileName().toString();
        return new Kata(id, slug, title(folder, slug), folder, prerequisites(folder, id), offLimits(folder));
    }

    private static String title(Path folder, String slug) {
        Optional<String> note = readIfPresent(folder.resolve("README.md"));
        if (note.isPresent()) {
            Matcher title = TITLE.matcher(note.get());
            if (title.find()) {
                return title.group(1).replaceFirst("^\\d\\d[ .:-]+", "").trim();
            }
        }
        String words = slug.substring(3).replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The katas named as Maven dependencies in the kata's pom (their real classes are used). */
    private static List<String> prerequisites(Path folder, String id) {
        List<String> ids = new ArrayList<>();
        readIfPresent(folder.resolve("pom.xml")).ifPresent(pom -> {
            Matcher section = DEPENDENCIES.matcher(pom);
            while (section.find()) {
                Matcher artifact = KATA_ARTIFACT.matcher(section.group(1));
                while (artifact.find()) {
                    if (!artifact.group(1).equals(id) && !ids.contains(artifact.group(1))) {
                        ids.add(artifact.group(1));
                    }
                }
            }
        });
        return List.copyOf(ids);
    }

    /** The support methods the kata's pom declares off limits to its solution (property {@code grader.offLimits}). */
    private static List<String> offLimits(Path folder) {
        return readIfPresent(folder.resolve("pom.xml")).map(OFF_LIMITS::matcher).filter(Matcher::find)
                .map(found -> Stream.of(found.group(1).split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList())
                .orElse(List.of());
    }

    private static Optional<String> readIfPresent(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
