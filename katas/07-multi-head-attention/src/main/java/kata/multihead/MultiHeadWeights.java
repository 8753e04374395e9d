package kata.multihead;

import kata.support.Tensor;

/**
 * The parameters of multi-head attention as plain tensors, in the course's convention
 * {@code y = x W + b} with {@code W} of shape {@code (d_in, d_out)} (PyTorch's {@code nn.Linear}
 * stores the transpose). A trainer reads them, computes their gradients and replaces them.
 *
 * @param queryWeight  W_Q, shape {@code (d, d)}: column block {@code i d_k .. (i + 1) d_k - 1} makes head {@code i}'s queries
 * @param queryBias    b_Q, shape {@code (d)}
 * @param keyWeight    W_K, shape {@code (d, d)}
 * @param keyBias      b_K, shape {@code (d)}
 * @param valueWeight  W_V, shape {@code (d, d)}
 * @param valueBias    b_V, shape {@code (d)}
 * @param outputWeight W_O, shape {@code (d, d)}: row block {@code i d_k .. (i + 1) d_k - 1} reads head {@code i}'s output
 * @param outputBias   b_O, shape {@code (d)}
 */
public record MultiHeadWeights(Tensor queryWeight, Tensor queryBias, Tensor keyWeight, Tensor keyBias,
                               Tensor valueWeight, Tensor valueBias, Tensor outputWeight, Tensor outputBias) {
}
