package grader.training;

import java.util.List;

/**
 * The cross-attention of the last decoder layer, averaged over heads, for one problem.
 *
 * @param question the problem, {@code 17+805}
 * @param outputs the token each row produced (its row attends while the model writes it)
 * @param sources the source's characters, one per column ({@code _} for padding)
 * @param weights (T, S): row t, column s is how much output t looks at source character s
 */
public record Attention(String question, List<String> outputs, List<String> sources, double[][] weights) {

}
