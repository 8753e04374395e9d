package grader.training;

import grader.engine.GraderClassPath;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Training runs in a JVM of its own. Maven's JVM starts with {@code -XX:TieredStopAtLevel=1}
 * ({@code .mvn/jvm.config}: a quicker start for grading), which keeps the JIT at its first tier: the
 * numeric loops of training then run about 1.6 times slower and are never vectorized. The grader
 * starts itself again with the JVM's default compilers and the same options, and waits for it.
 *
 * @param main the grader's main class, started again
 * @param options the names of the grader's options, which the second JVM gets (with QuickTheories' settings)
 */
public record FullJit(Class<?> main, List<String> options) {

    /** Set in the second JVM, so that it trains instead of starting a third. */
    public static final String CHILD = "grader.fullJit";

    /** True when this JVM runs with the first JIT tier only and was not started by the grader for training. */
    public static boolean needed(Map<String, String> properties) {
        return !properties.containsKey(CHILD)
                && ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1");
    }

    /**
     * Runs the grader with {@code properties}' options in a JVM with the full JIT; its exit status.
     * When no JVM can be started, {@code here} runs them in this one.
     */
    public int run(Map<String, String> properties, ToIntFunction<Map<String, String>> here) {
        ProcessBuilder child = new ProcessBuilder(command(properties, GraderClassPath.get()))
                .directory(new File(System.getProperty("user.dir")))
                .inheritIO();
        try {
            return child.start().waitFor();
        } catch (IOException e) {
            System.out.println("grader: cannot start a JVM for training (" + e.getMessage() + "); training here instead");
            properties.put(CHILD, "true");
            return here.applyAsInt(properties);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
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
