// The note's four words (the golden example of AttentionSpec), one word a row, and their projections.
Tensor words = Tensor.matrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}});

Tensor q = Matrices.matmul(words, Tensor.matrix(new double[][] {{2, 0, 2}, {2, 0, 0}, {2, 1, 2}}));

Tensor k = Matrices.matmul(words, Tensor.matrix(new double[][] {{2, 2, 2}, {0, 2, 1}, {0, 1, 1}}));

Tensor v = Matrices.matmul(words, Tensor.matrix(new double[][] {{1, 1, 0}, {0, 1, 1}, {0, 0, 0}}));

// Try: show(ScaledDotProductAttention.attend(q, k, v).weights())   (row 1 is 0.4548, 0.0452, 0.4548, 0.0452)
