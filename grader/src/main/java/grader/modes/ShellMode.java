package grader.modes;

import grader.course.Kata;
import grader.course.Repository;
import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import grader.engine.SourceSet;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code -Dshell=06}: a JShell session on the kata's classes. The kata (with the katas it builds on)
 * is compiled as grading compiles it, the learner's sources or, with {@code -Dsolutions=reference},
 * the reference's; its classes, its specs' fixtures and the support code are on the class path; the
 * kata's packages and {@code kata.support} are imported; {@code show(x)} prints a tensor as a grid
 * ({@code kata.support.TensorFormat}'s numbers); and the kata's ready examples
 * ({@code grader/shell/NN.jsh}, e.g. the note's golden inputs) are defined and printed first.
 */
public record ShellMode(Repository repository, GradingOptions options, Kata kata, PrintStream out) implements Mode {

    /** What the session starts with: its class path, then snippets (imports, helpers, the examples). */
    public record Setup(List<Path> classPath, List<String> imports, List<String> helpers, List<String> examples) {

        /** Every snippet, in the order the session evaluates them. */
        public List<String> snippets() {
            List<String> all = new ArrayList<>(imports);
            all.addAll(helpers);
            all.addAll(examples);
            return all;
        }

        String classPathText() {
            return classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
    }

    /** {@code show(x)}: a tensor as a grid, a row a line; anything else as its text. */
    static final String SHOW = """
            void show(Object x) {
                if (x instanceof kata.support.Tensor t && t.rank() == 2) {
                    System.out.println("shape " + java.util.Arrays.toString(t.shape()));
                    int width = 1;
                    for (int i = 0; i < t.size(0); i++)
                        for (int j = 0; j < t.size(1); j++)
                            width = Math.max(width, kata.support.TensorFormat.number(t.get(i, j)).length());
                    for (int i = 0; i < t.size(0); i++) {
                        StringBuilder row = new StringBuilder(" ");
                        for (int j = 0; j < t.size(1); j++) {
                            row.append(String.format("%" + (width + 2) + "s", kata.support.TensorFormat.number(t.get(i, j))));
                        }
                        System.out.println(row);
                    }
                } else if (x instanceof kata.support.Tensor t) {
                    System.out.println(kata.support.TensorFormat.describe(t));
                } else if (x instanceof boolean[][] rows) {
                    for (boolean[] row : rows) System.out.println(java.util.Arrays.toString(row));
                } else if (x instanceof double[] values) {
                    System.out.println(java.util.Arrays.toString(values));
                } else {
                    System.out.println(x);
                }
            }
            """;

    @Override
    public int run() {
        try (Engine engine = new Engine(repository, options.settings())) {
            PrintStream terminal = engine.terminal();
            Optional<Setup> setup = setup(engine, terminal);
            if (setup.isEmpty()) {
                return 0;
            }
            return session(setup.get(), terminal);
        }
    }

    /**
     * Compiles the kata and the katas it builds on; the session's setup, or empty, having said on
     * {@code terminal} which kata does not compile.
     */
    public Optional<Setup> setup(Engine engine, PrintStream terminal) {
        List<Kata> needed = needed();
        for (Kata each : needed) {
            Optional<String> error = engine.compileOnly(each, options.solutions() == Solutions.REFERENCE
                    ? engine.referenceSources(each) : engine.learnerSources(each));
            if (error.isPresent()) {
                terminal.println("the shell needs kata " + each.id() + " to compile first: " + error.get()
                        + "; run -Dkata=" + each.id());
                return Optional.empty();
            }
        }
        TreeSet<String> packages = new TreeSet<>();
        needed.forEach(each -> SourceSet.of(each.mainSources()).packageFolders()
                .forEach(folder -> packages.add(folder.replace('/', '.'))));
        List<String> imports = new ArrayList<>(List.of("import kata.support.*;"));
        packages.forEach(name -> imports.add("import " + name + ".*;"));
        return Optional.of(new Setup(engine.classFolders(kata), imports, List.of(SHOW), examples()));
    }

    private int session(Setup setup, PrintStream terminal) {
        Path startup;
        try {
            startup = Files.createTempFile("kata-shell-", ".jsh");
            Files.writeString(startup, String.join("\n", setup.snippets()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shell's start-up file", e);
        }
        try {
            terminal.println("JShell on kata " + kata.id() + " " + kata.name() + " ("
                    + (options.solutions() == Solutions.REFERENCE ? "the reference's classes" : "your classes")
                    + ", as last saved), with the support code.");
            terminal.println("Imported: " + setup.imports().stream().map(line -> line.substring(7, line.length() - 1))
                    .collect(Collectors.joining(", ")) + ". show(x) prints a tensor as a grid.");
            if (!setup.examples().isEmpty()) {
                terminal.println("Ready to use:");
                setup.examples().forEach(snippet -> snippet.lines().forEach(line -> terminal.println("  " + line)));
            }
            terminal.println("Type /exit to leave, /vars to list the variables. Saved edits need a new session.");
            terminal.println();
            jdk.jshell.tool.JavaShellToolBuilder.builder()
                    .in(System.in, null)
                    .out(terminal)
                    .err(terminal)
                    .start("--class-path", setup.classPathText(), "--startup", "DEFAULT", "--startup", startup.toString());
            return 0;
        } catch (Exception e) {
            terminal.println("grader: the shell could not start: " + e);
            return 2;
        } finally {
            try {
                Files.deleteIfExists(startup);
            } catch (IOException e) {
                // a temporary file
            }
        }
    }

    /** The kata's ready examples, {@code grader/shell/NN.jsh} among the grader's resources: snippets separated by blank lines (comments, such as what to try, are shown as written). */
    List<String> examples() {
        try (InputStream in = ShellMode.class.getResourceAsStream("/grader/shell/" + kata.id() + ".jsh")) {
            if (in == null) {
                return List.of();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            List<String> snippets = new ArrayList<>();
            for (String block : text.split("\n\\s*\n")) {
                String snippet = block.strip();
                if (!snippet.isEmpty()) {
                    snippets.add(snippet);
                }
            }
            return snippets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shell's examples of kata " + kata.id(), e);
        }
    }

    /** The kata and every kata it builds on, in kata order. */
    private List<Kata> needed() {
        List<Kata> needed = new ArrayList<>();
        collect(kata, needed);
        needed.sort(Comparator.comparing(Kata::id));
        return needed;
    }

    private void collect(Kata each, List<Kata> into) {
        for (String id : each.prerequisites()) {
            repository.katas().stream().filter(k -> k.id().equals(id)).findFirst().ifPresent(k -> collect(k, into));
        }
        if (!into.contains(each)) {
            into.add(each);
        }
    }
}
