package grader.modes;

import grader.course.Kata;
import grader.course.Repository;
import grader.engine.Engine;
import grader.engine.Engine.Solutions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code -Dmeasure=12}: kata 12's measured exercise, its {@code MatmulBenchmark} (the naive loop against
 * the learner's blocked matmul, in GFLOP/s), run with the learner's classes (or the reference's) as the
 * grader compiles them. {@link grader.Main} starts it in a JVM with the full JIT, as training is: Maven's
 * JVM stops at the first tier ({@code .mvn/jvm.config}), which measured the blocked product 5 to 10 times
 * too slow. The benchmark first runs untimed for a while, so that the JIT has compiled both products
 * before anything is measured, and is then run {@link #MEASURED} times, keeping each size's best.
 *
 * @param out where the table and the notes go
 */
public record MeasureMode(Repository repository, GradingOptions options, Kata kata, PrintStream out) implements Mode {

    /** The benchmark of kata 12, among its test sources. */
    static final String BENCHMARK = "kata.compute.MatmulBenchmark";
    /** Warm-up: at least this many untimed passes over every size... */
    static final int WARM_UP_PASSES = 3;
    /** ...and at least this long. */
    static final double WARM_UP_SECONDS = 3.0;
    /** Timed passes after the warm-up; each size keeps its best figure of all of them. */
    static final int MEASURED = 5;

    private static final String DRIVER = "kata.training.MeasureDriver";
    private static final String DRIVER_SOURCE = """
            package kata.training;

            /** Runs kata 12's benchmark, which writes its table to the file args[0]. */
            public final class MeasureDriver implements java.util.function.Consumer<String[]> {
                @Override
                public void accept(String[] arguments) {
                    try {
                        kata.compute.MatmulBenchmark.main(arguments);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            """;

    @Override
    public int run() {
        Path benchmark = kata.testSources().resolve(BENCHMARK.replace('.', '/') + ".java");
        if (!Files.isRegularFile(benchmark)) {
            throw new IllegalArgumentException("-Dmeasure=" + kata.id() + ": kata " + kata.id() + " " + kata.name()
                    + " has nothing to measure; kata 12's blocked matmul has (-Dmeasure=12)");
        }
        try (Engine engine = new Engine(repository, options.settings())) {
            PrintStream terminal = engine.terminal();
            boolean reference = options.solutions() == Solutions.REFERENCE;
            Optional<String> error = engine.compileOnly(kata, reference ? engine.referenceSources(kata)
                    : engine.learnerSources(kata));
            if (error.isPresent()) {
                terminal.println("measuring needs kata " + kata.id() + " to compile first: " + error.get()
                        + "; run -Dkata=" + kata.id());
                return 0;
            }
            @SuppressWarnings("unchecked")
            Consumer<String[]> run = (Consumer<String[]>) engine.loadWith(kata, DRIVER, DRIVER_SOURCE)
                    .getConstructor().newInstance();
            return measure(run, terminal, reference);
        } catch (ReflectiveOperationException | IllegalStateException e) {
            throw new IllegalArgumentException("the grader cannot run kata " + kata.id() + "'s benchmark: " + e, e);
        }
    }

    private int measure(Consumer<String[]> run, PrintStream terminal, boolean reference) {
        Path target = kata.folder().resolve("measurements/matmul.txt");
        Path scratch;
        try {
            scratch = Files.createTempFile("kata-measure-", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch file for the warm-up", e);
        }
        try {
            terminal.println("Measuring " + (reference ? "the reference's" : "your") + " blocked matmul against the naive loop"
                    + " (kata " + kata.id() + ", a JVM with the full JIT)");
            terminal.print("  warming up the JIT ...");
            terminal.flush();
            long start = System.nanoTime();
            int passes = 0;
            while (passes < WARM_UP_PASSES || (System.nanoTime() - start) / 1e9 < WARM_UP_SECONDS) {
                run.accept(new String[] {scratch.toString()});
                passes++;
            }
            terminal.printf(Locale.ROOT, " %d untimed passes, %.1f s%n", passes, (System.nanoTime() - start) / 1e9);
            List<String> tables = new ArrayList<>();
            for (int pass = 0; pass < MEASURED; pass++) {
                run.accept(new String[] {scratch.toString()});
                tables.add(Files.readString(scratch, StandardCharsets.UTF_8));
            }
            String table = best(tables);
            Files.createDirectories(target.getParent());
            Files.writeString(target, table, StandardCharsets.UTF_8);
            terminal.println();
            terminal.print(table);
            terminal.println();
            terminal.println("Each figure is the best of " + MEASURED + " timed passes after the warm-up. Wrote "
                    + repository.relative(target) + " (git ignores that folder).");
            return 0;
        } catch (IOException e) {
            terminal.println();
            terminal.println("grader: could not write the measurements: " + e.getMessage());
            return 2;
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError || e instanceof StackOverflowError)) {
                throw e;
            }
            terminal.println();
            terminal.println("measuring stopped in your code: " + Engine.explain(e));
            return 0;
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                // a temporary file: the system cleans its folder
            }
        }
    }

    /**
     * The benchmark's tables merged into one: its header, then for each size the largest figure of
     * each column (GFLOP/s: the fastest run). A table that cannot be read so comes back as the last one.
     */
    static String best(List<String> tables) {
        String header = null;
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> lines = table.lines().toList();
            if (lines.isEmpty()) {
                return tables.get(tables.size() - 1);
            }
            header = lines.get(0);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.trim().split("\\s+");
                if (cells.length != 3) {
                    return tables.get(tables.size() - 1);
                }
                try {
                    double[] figures = {Double.parseDouble(cells[1]), Double.parseDouble(cells[2])};
                    rows.merge(cells[0], figures, (a, b) -> new double[] {Math.max(a[0], b[0]), Math.max(a[1], b[1])});
                } catch (NumberFormatException e) {
                    return tables.get(tables.size() - 1);
                }
            }
        }
        StringBuilder merged = new StringBuilder(header).append('\n');
        rows.forEach((n, figures) -> merged.append(String.format(Locale.ROOT, "%6s %14.3f %20.3f%n", n, figures[0], figures[1])));
        return merged.toString();
    }
}
