package grader.training;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The training problems' indices in batches: each epoch a fresh seeded shuffle, cut into batches in
 * order; the few problems left at an epoch's end wait for the next one (every batch is full).
 */
public final class Batches {

    private final int[] order;
    private final int size;
    private final SplittableRandom random;
    private int next;

    /**
     * Batches of {@code size} of the indices 0 to {@code problems - 1}, shuffled by a generator seeded with {@code seed}.
     *
     * @throws IllegalArgumentException when {@code size} is not in [1, problems]
     */
    public Batches(int problems, int size, long seed) {
        if (size < 1 || size > problems) {
            throw new IllegalArgumentException("-Dbatch=" + size + " is not between 1 and the " + problems + " training problems");
        }
        this.order = new int[problems];
        Arrays.setAll(order, i -> i);
        this.size = size;
        this.random = new SplittableRandom(seed);
        this.next = problems;
    }

    /** The next batch's indices. */
    public int[] next() {
        if (next + size > order.length) {
            shuffle();
            next = 0;
        }
        next += size;
        return Arrays.copyOfRange(order, next - size, next);
    }

    /** Fisher-Yates. */
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
