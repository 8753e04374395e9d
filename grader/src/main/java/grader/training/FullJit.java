package grader.training;

import grader.engine.GraderClassPath;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Training runs in a JVM of its own. Maven's JVM starts with {@code -XX:TieredStopAtLevel=1}
 * ({@code .mvn/jvm.config}: a quicker start for grading), which keeps the JIT at its first tier: the
 * numeric loops of training then run about 1.6 times slower and are never vectorized. The grader
 * starts itself again with the JVM's default compilers and the same options, and waits for it.
 *
 * <p>The second JVM lives only as long as the first: it reads its standard input, a pipe from the
 * first that nobody writes to, and ends when the pipe closes, which happens however the first JVM
 * ends (Ctrl+C, an IDE's Stop button, {@code kill -9}); the first also ends it on the way out. It
 * tells the first that it finished by its exit status ({@link #finished}), so that code that ends it
 * early ({@code System.exit} through reflection, {@code Runtime.halt}) is reported, not taken for a
 * finished run; and it keeps its scratch files in a folder the first deletes afterwards.
 *
 * @param main the grader's main class, started again
 * @param options the names of the grader's options, which the second JVM gets (with QuickTheories' settings)
 */
public record FullJit(Class<?> main, List<String> options) {

    /** Set in the second JVM, so that it trains instead of starting a third. */
    public static final String CHILD = "grader.fullJit";

    /** Added to the second JVM's exit status when it finished: anything else means it was ended early. */
    private static final int FINISHED = 100;

    /** True when this JVM runs with the first JIT tier only and was not started by the grader for training. */
    public static boolean needed(Map<String, String> properties) {
        return !isChild(properties)
                && ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1");
    }

    /** True in the second JVM. */
    public static boolean isChild(Map<String, String> properties) {
        return properties.containsKey(CHILD);
    }

    /** The second JVM's exit status for a run that ended with {@code status}. */
    public static int finished(int status) {
        return FINISHED + status;
    }

    /** In the second JVM: ends it as soon as its standard input closes, i.e. when the first JVM is gone. */
    public static void stopWithParent() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // the first JVM writes nothing; read until the pipe closes
                }
            } catch (IOException e) {
                // closed as well
            }
            Runtime.getRuntime().halt(FINISHED - 1);
        }, "grader-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * Runs the grader with {@code properties}' options in a JVM with the full JIT; its exit status.
     * When no JVM can be started, {@code here} runs them in this one.
     */
    public int run(Map<String, String> properties, ToIntFunction<Map<String, String>> here) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("kata-grader-training-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for training", e);
        }
        List<String> command = command(properties, GraderClassPath.get());
        command.add(1, "-Djava.io.tmpdir=" + scratch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(new File(System.getProperty("user.dir")))
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            delete(scratch);
            System.out.println("grader: cannot start a JVM for training (" + e.getMessage() + "); training here instead");
            properties.put(CHILD, "true");
            return here.applyAsInt(properties);
        }
        Thread stopChild = new Thread(() -> stop(child, scratch), "grader-training-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            int status = child.waitFor();
            if (status >= FINISHED && status <= FINISHED + 2) {
                return status - FINISHED;
            }
            System.out.println();
            System.out.println("training stopped: its JVM ended with status " + status + " before the run finished"
                    + " (does your code call System.exit or Runtime.halt, through reflection, or crash the JVM?)."
                    + " Nothing more was saved; the model of before, if any, is kept.");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        } finally {
            stop(child, scratch);
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /** Ends the second JVM (and anything it started) if it still runs, and deletes its scratch folder. */
    private static void stop(Process child, Path scratch) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delete(scratch);
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            folder.toFile().deleteOnExit();
        }
    }

    /** {@code java -cp <grader> -D<option>=<value>... grader.Main}: the grader's options only, none of Maven's. */
    List<String> command(Map<String, String> properties, String classPath) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classPath));
        properties.forEach((name, value) -> {
            if (options.contains(name) || name.startsWith("QT_")) {
                command.add("-D" + name + "=" + value);
            }
        });
        command.add("-D" + CHILD + "=true");
        command.add(main.getName());
        return command;
    }
}
