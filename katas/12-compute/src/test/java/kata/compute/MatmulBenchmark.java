package kata.compute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import kata.support.Seeds;
import kata.support.Tensor;

/**
 * Times the naive triple loop (one dot product per output, below) and your {@link BlockedMatmul} on the same
 * square matrices and writes their GFLOP/s side by side. Not a spec (no timing is ever asserted):
 * run it with {@code mvn -q -pl grader exec:java -Dmeasure=12}, which writes
 * {@code katas/12-compute/measurements/matmul.txt} (git ignores that folder). The FLOP count per
 * product is your own {@link Flops#matmul}.
 */
public final class MatmulBenchmark {

    private static final int[] SIZES = {64, 128, 256};
    private static final int BLOCK = 32;
    private static final int RUNS = 3;

    private MatmulBenchmark() {
    }

    /** Writes the measurements to the file {@code args[0]}, creating its folder. */
    public static void main(String[] args) throws IOException {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%6s %14s %20s%n", "n",
                "naive GFLOP/s", "blocked(" + BLOCK + ") GFLOP/s"));
        for (int n : SIZES) {
            Tensor a = Tensor.uniform(Seeds.random(n), n, n);
            Tensor b = Tensor.uniform(Seeds.random(n + 1), n, n);
            double gflop = Flops.matmul(n, n, n) / 1e9;
            double naive = gflop / bestSeconds(() -> naive(a, b));
            double blocked = gflop / bestSeconds(() -> BlockedMatmul.multiply(a, b, BLOCK));
            out.append(String.format(Locale.ROOT, "%6d %14.3f %20.3f%n", n, naive, blocked));
        }
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.writeString(target, out.toString());
    }

    /** The fastest of a few runs, in seconds (the first runs also warm up the JIT). */
    private static double bestSeconds(Runnable product) {
        double best = Double.POSITIVE_INFINITY;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            product.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    /** The textbook loop: for every output, walk a row of a and a column of b. */
    private static Tensor naive(Tensor a, Tensor b) {
        int n = a.size(0);
        Tensor product = Tensor.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int k = 0; k < n; k++) {
                    sum += a.get(i, k) * b.get(k, j);
                }
                product.set(sum, i, j);
            }
        }
        return product;
    }
}
