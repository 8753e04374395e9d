package kata.calculator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import kata.support.Seeds;

/**
 * Seeded disjoint problem sets, and the ids of sources and targets for teacher forcing.
 *
 * <p>Mistakes learners make here: {@code reference/known-wrong/14-calculator/}.
 */
public final class Dataset {

    /** Every a+b with a, b in 0..999. */
    private static final int PROBLEMS = 1_000_000;

    private Dataset() {
    }

    /** Distinct problems from one seeded stream: the first trainCount to train, the next testCount to test. */
    public static Split split(long seed, int trainCount, int testCount) {
        checkCount("trainCount", trainCount);
        checkCount("testCount", testCount);
        if ((long) trainCount + testCount > PROBLEMS) {
            throw new IllegalArgumentException("trainCount + testCount = " + ((long) trainCount + testCount)
                    + " is more than the 1,000,000 distinct problems");
        }
        RandomGenerator random = Seeds.random(seed);
        Set<Problem> drawn = new HashSet<>();           // one set for both lists: disjoint and distinct
        return new Split(draw(random, drawn, trainCount), draw(random, drawn, testCount));
    }

    /** The encoded source, padded to 7. */
    public static int[] source(Problem problem, Format format) {
        return padded(Vocabulary.encode(format.source(problem)), format.sourceLength());
    }

    /** START, the encoded answer, END, padded to 6. */
    public static int[] target(Problem problem, Format format) {
        int[] answer = Vocabulary.encode(format.answer(problem));
        int[] target = new int[answer.length + 2];
        target[0] = Vocabulary.start();
        System.arraycopy(answer, 0, target, 1, answer.length);
        target[answer.length + 1] = Vocabulary.end();
        return padded(target, format.targetLength());
    }

    /** Teacher forcing: the decoder reads target[0..5) and is taught target[1..6), the next token at every position. */
    public static Batch batch(List<Problem> problems, Format format) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems is empty: a batch needs at least one problem");
        }
        int count = problems.size();
        int[][] source = new int[count][];
        int[][] decoderInput = new int[count][];
        int[][] labels = new int[count][];
        for (int i = 0; i < count; i++) {
            int[] target = target(problems.get(i), format);                  // (6)
            source[i] = source(problems.get(i), format);                     // (7)
            decoderInput[i] = Arrays.copyOfRange(target, 0, target.length - 1);   // (5), START first
            labels[i] = Arrays.copyOfRange(target, 1, target.length);            // (5), shifted by one
        }
        return new Batch(source, decoderInput, labels);
    }

    private static List<Problem> draw(RandomGenerator random, Set<Problem> drawn, int count) {
        List<Problem> problems = new ArrayList<>(count);
        while (problems.size() < count) {
            Problem problem = new Problem(random.nextInt(1000), random.nextInt(1000));
            if (drawn.add(problem)) {
                problems.add(problem);
            }
        }
        return problems;
    }

    private static int[] padded(int[] ids, int length) {
        int[] result = new int[length];
        Arrays.fill(result, Vocabulary.pad());
        System.arraycopy(ids, 0, result, 0, ids.length);
        return result;
    }

    private static void checkCount(String name, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " = " + count + " is negative");
        }
    }
}
