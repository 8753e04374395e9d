// A 2x3 matrix: sum over the last axis adds up each row.
Tensor x = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

// Try: Reduction.sum(x, -1, false)   (shape [2] [6, 15])
