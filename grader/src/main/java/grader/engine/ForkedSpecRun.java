package grader.engine;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one kata's specs in a JVM of its own, with a capped heap: for classroom machines, where a
 * learner's runaway allocation or a thread that will not stop must not touch anything else.
 * The parent compiles (that is safe) and starts the child on the compiled folders; the child runs
 * the specs exactly as in-process grading does and writes a {@link ResultFile}; the parent kills it
 * if it outlives the kata's budget.
 */
final class ForkedSpecRun {

    /** Seconds a child JVM gets on top of the kata's budget to start and to report. */
    private static final long START_SLACK_SECONDS = 15;

    private final Settings settings;
    private final String maxHeap;

    ForkedSpecRun(Settings settings, String maxHeap) {
        this.settings = settings;
        this.maxHeap = maxHeap;
    }

    ResultFile.Read run(List<Path> classFolders, Set<String> specClasses, String kataId, Path scratch) {
        Path results = scratch.resolve("kata-" + kataId + "-results.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(quickTheoriesSettings());
        command.addAll(List.of(
                "-cp", GraderClassPath.get(),
                ForkedSpecRun.class.getName(),
                results.toString(), Long.toString(settings.specTimeoutSeconds()), Long.toString(settings.kataTimeoutSeconds()),
                kataId, join(classFolders), String.join(",", specClasses)));
        try {
            Files.deleteIfExists(results);
            Process child = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean ended = child.waitFor(settings.kataTimeoutSeconds() + START_SLACK_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor();
            }
            if (Files.isRegularFile(results)) {
                return ResultFile.read(results);
            }
            String why = ended
                    ? "the JVM running the specs ended with status " + child.exitValue() + " before reporting "
                            + "(does the code end the JVM, or crash it?)"
                    : "the kata did not finish within " + settings.kataTimeoutSeconds() + " s in total";
            return new ResultFile.Read(new SpecRun.Result(List.of(), why), OutputCapture.Printed.NOTHING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for the specs of kata " + kataId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ResultFile.Read(new SpecRun.Result(List.of(), "grading was interrupted"), OutputCapture.Printed.NOTHING);
        }
    }

    /** The child's entry point: {@code results specTimeout kataTimeout kataId folders specClasses}. */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Settings settings = new Settings(Long.parseLong(args[1]), Long.parseLong(args[2]), "");
        List<Path> folders = Arrays.stream(args[4].split(File.pathSeparator)).map(Path::of).toList();
        Set<String> specClasses = new LinkedHashSet<>(Arrays.asList(args[5].split(",")));
        KataClassLoader loader = new KataClassLoader("kata-" + args[3], folders, ForkedSpecRun.class.getClassLoader());
        SpecRun.afterTimeOut = "and its JVM was stopped";
        SpecRun.Report outcome = new SpecRun(settings, OutputCapture.install()).run(loader, specClasses, args[3]);
        ResultFile.write(results, outcome.result(), outcome.printed());
        Runtime.getRuntime().halt(0);
    }

    /** {@code -DQT_SEED=...} and the other QuickTheories settings given to the grader, passed on. */
    private static List<String> quickTheoriesSettings() {
        List<String> properties = new ArrayList<>();
        for (String name : List.of("QT_SEED", "QT_EXAMPLES", "QT_SHRINKS")) {
            String value = System.getProperty(name);
            if (value != null) {
                properties.add("-D" + name + "=" + value);
            }
        }
        return properties;
    }

    private static String join(List<Path> folders) {
        return String.join(File.pathSeparator, folders.stream().map(Path::toString).toList());
    }
}
