package grader.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

/**
 * Stopping the grader stops the training JVM it started: a parent JVM runs {@link FullJit} on a
 * child that spins forever (as a learner's endless loop would), and is then ended as an IDE's Stop
 * button ({@code SIGTERM}) or {@code kill -9} ends it.
 */
@DisplayName("Stopping the grader stops its training JVM")
class StopWithParentTest {

    @ParameterizedTest(name = "ended forcibly: {0}")
    @ValueSource(booleans = {false, true})
    void theChildEndsWithItsParent(boolean forcibly) throws Exception {
        Path folder = Files.createTempDirectory("stop-with-parent-");
        Path pidFile = folder.resolve("child.pid");
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Parent.class.getName(), pidFile.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
                assertThat(System.nanoTime()).as("the child started").isLessThan(deadline);
                Thread.sleep(100);
            }
            Thread.sleep(200);
            ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip()))
                    .orElseThrow();
            assertThat(child.isAlive()).isTrue();

            if (forcibly) {
                parent.destroyForcibly();
            } else {
                parent.destroy();
            }
            parent.waitFor(20, TimeUnit.SECONDS);

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (child.isAlive() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            boolean orphaned = child.isAlive();
            child.destroyForcibly();
            assertThat(orphaned).as("the training JVM still runs after its parent ended").isFalse();
        } finally {
            parent.destroyForcibly();
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /** Stands for the grader in Maven's JVM: starts the spinning child as the grader starts its training JVM. */
    public static final class Parent {
        public static void main(String[] args) {
            Map<String, String> properties = new HashMap<>(Map.of("pidFile", args[0]));
            new FullJit(Spinner.class, List.of("pidFile")).run(properties, here -> 0);
        }
    }

    /** Stands for the training JVM: does what the grader does in it, then spins forever. */
    public static final class Spinner {
        public static void main(String[] args) throws Exception {
            FullJit.stopWithParent();
            Files.writeString(Path.of(System.getProperty("pidFile")), Long.toString(ProcessHandle.current().pid()));
            long spins = 0;
            while (true) {
                spins++;
                if (spins == Long.MAX_VALUE) {
                    System.out.println(spins);
                }
            }
        }
    }
}
