package kata.calculator;

import java.util.List;

/**
 * A training set and a test set of problems that share no problem.
 *
 * @param train the problems to train on, all distinct
 * @param test  the problems to measure on, all distinct, none of them in {@code train}
 */
public record Split(List<Problem> train, List<Problem> test) {
}
