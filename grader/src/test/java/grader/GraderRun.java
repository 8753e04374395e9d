package grader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the grader's main logic as {@code mvn -pl grader exec:java -D...} would, capturing the terminal. */
final class GraderRun {

    private final Map<String, String> properties = new HashMap<>();

    static GraderRun on(Path repository) {
        GraderRun run = new GraderRun();
        run.properties.put("repository", repository.toString());
        return run;
    }

    GraderRun with(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** Runs with {@code name, value} pairs of options. */
    static Outcome run(Path repository, String... options) {
        GraderRun run = on(repository);
        for (int i = 0; i < options.length; i += 2) {
            run.with(options[i], options[i + 1]);
        }
        return run.run();
    }

    /** The exit status and everything printed. */
    record Outcome(int status, String terminal) {
    }

    Outcome run() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        PrintStream originalOut = System.out;
        System.setOut(out);
        try {
            int status = Main.run(properties, out);
            return new Outcome(status, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
        }
    }
}
