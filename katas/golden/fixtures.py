"""Helpers for the katas' golden-fixture generators (katas/NN-slug/golden/generate.py).

They print PyTorch tensors as Java source: every double with repr, which reads back to the same
double, four to a line, inside a method that returns a fresh kata.support.Tensor.
"""


def numbers(t):
    """The elements of t in row-major order as Java double literals, four to a line."""
    values = [repr(v) for v in t.detach().reshape(-1).tolist()]
    lines = [", ".join(values[i:i + 4]) for i in range(0, len(values), 4)]
    return ",\n                ".join(lines)


def tensor(name, doc, t):
    """A static Java method called name, documented by doc, that returns t as a fresh Tensor."""
    shape = ", ".join(str(s) for s in t.shape)
    return (f"    /** {doc}, shape ({shape}). */\n"
            f"    static Tensor {name}() {{\n"
            f"        return Tensor.of(new int[] {{{shape}}},\n"
            f"                {numbers(t)});\n"
            f"    }}\n")


def attention_weights(mha, attribute, prefix=""):
    """The eight tensors of an nn.MultiheadAttention in the course's x W + b convention: W_Q, b_Q, W_K,
    b_K, W_V, b_V (in_proj_weight and in_proj_bias hold the three stacked, each weight written
    transposed) and W_O, b_O (out_proj), as methods called e.g. queryWeight, or selfQueryWeight with
    prefix "self". attribute names the module in the docs (self_attn, multihead_attn)."""
    w_q, w_k, w_v = mha.in_proj_weight.detach().chunk(3)
    b_q, b_k, b_v = mha.in_proj_bias.detach().chunk(3)

    def name(n):
        return prefix + n[0].upper() + n[1:] if prefix else n

    return [
        tensor(name("queryWeight"), f"W_Q (d, d): {attribute}.in_proj_weight[0:d].T", w_q.T),
        tensor(name("queryBias"), f"b_Q (d): {attribute}.in_proj_bias[0:d]", b_q),
        tensor(name("keyWeight"), f"W_K (d, d): {attribute}.in_proj_weight[d:2d].T", w_k.T),
        tensor(name("keyBias"), f"b_K (d): {attribute}.in_proj_bias[d:2d]", b_k),
        tensor(name("valueWeight"), f"W_V (d, d): {attribute}.in_proj_weight[2d:3d].T", w_v.T),
        tensor(name("valueBias"), f"b_V (d): {attribute}.in_proj_bias[2d:3d]", b_v),
        tensor(name("outputWeight"), f"W_O (d, d): {attribute}.out_proj.weight.T", mha.out_proj.weight.T),
        tensor(name("outputBias"), f"b_O (d): {attribute}.out_proj.bias", mha.out_proj.bias),
    ]


def feed_forward_and_norms(layer, norms):
    """The FFN's W1, b1, W2, b2 (linear1 and linear2, weights written transposed) and gamma and beta of
    each of the layer's norms norm1 .. norm{norms}, as methods w1, b1, w2, b2, norm1Gamma, norm1Beta..."""
    parts = [
        tensor("w1", "W1 (d, d_ff): linear1.weight.T", layer.linear1.weight.T),
        tensor("b1", "b1 (d_ff): linear1.bias", layer.linear1.bias),
        tensor("w2", "W2 (d_ff, d): linear2.weight.T", layer.linear2.weight.T),
        tensor("b2", "b2 (d): linear2.bias", layer.linear2.bias),
    ]
    for i in range(1, norms + 1):
        norm = getattr(layer, f"norm{i}")
        parts.append(tensor(f"norm{i}Gamma", f"norm{i}.weight (d)", norm.weight))
        parts.append(tensor(f"norm{i}Beta", f"norm{i}.bias (d)", norm.bias))
    return parts
