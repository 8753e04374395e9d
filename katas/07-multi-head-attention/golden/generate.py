"""Writes src/test/java/kata/multihead/GoldenMultiHead.java: PyTorch's nn.MultiheadAttention in
float64 with given weights, its per-head attention weights (need_weights=True,
average_attn_weights=False) and its output, for self-attention under a causal mask and for
cross-attention.

Rerun from the repository root with Debian's python3-torch:
    /usr/bin/python3 katas/07-multi-head-attention/golden/generate.py
Every double is printed with repr, which round-trips exactly. The course's linear layers compute
x W + b with W of shape (d_in, d_out); PyTorch stores the transpose, so this script writes weight.T.
"""
import pathlib

import torch

torch.manual_seed(7)
dtype = torch.float64
d_model, num_heads = 6, 3
t_q, t_k = 4, 5

attention = torch.nn.MultiheadAttention(d_model, num_heads, bias=True, dtype=dtype)
with torch.no_grad():
    # PyTorch starts its biases at 0; random ones make the fixture check that every bias is added.
    attention.in_proj_bias.copy_(torch.randn(3 * d_model, dtype=dtype) * 0.5)
    attention.out_proj.bias.copy_(torch.randn(d_model, dtype=dtype) * 0.5)
attention.eval()

x = torch.randn(t_q, d_model, dtype=dtype)
memory = torch.randn(t_k, d_model, dtype=dtype)
causal = torch.triu(torch.ones(t_q, t_q, dtype=torch.bool), diagonal=1)  # True = masked
cross_masked = torch.tensor([[False, False, True, False, True],
                             [True, False, False, False, False],
                             [False, False, False, False, False],
                             [True, True, True, False, True]])

with torch.no_grad():
    self_output, self_weights = attention(x, x, x, attn_mask=causal, need_weights=True,
                                          average_attn_weights=False)
    cross_output, cross_weights = attention(x, memory, memory, attn_mask=cross_masked, need_weights=True,
                                            average_attn_weights=False)

w_q, w_k, w_v = attention.in_proj_weight.detach().chunk(3)
b_q, b_k, b_v = attention.in_proj_bias.detach().chunk(3)


def java(x):
    return repr(float(x))


def matrix(name, comment, t):
    rows = ",\n".join("        {" + ", ".join(java(x) for x in row) + "}" for row in t.tolist())
    return f"    /** {comment} */\n    static final double[][] {name} = {{\n{rows}\n    }};\n"


def vector(name, comment, t):
    return f"    /** {comment} */\n    static final double[] {name} = {{{', '.join(java(x) for x in t.tolist())}}};\n"


def cube(name, comment, t):
    blocks = ",\n".join(
        "        {\n" + ",\n".join("            {" + ", ".join(java(x) for x in row) + "}" for row in block)
        + "\n        }" for block in t.tolist())
    return f"    /** {comment} */\n    static final double[][][] {name} = {{\n{blocks}\n    }};\n"


def booleans(name, comment, t):
    rows = ",\n".join("        {" + ", ".join("true" if x else "false" for x in row) + "}" for row in t.tolist())
    return f"    /** {comment} */\n    static final boolean[][] {name} = {{\n{rows}\n    }};\n"


parts = [
    f"    /** d_model. */\n    static final int D_MODEL = {d_model};\n",
    f"    /** The number of heads h: d_k = d_model / h = {d_model // num_heads}. */\n    static final int NUM_HEADS = {num_heads};\n",
    matrix("W_Q", "Query weights (d, d), x W + b convention: in_proj_weight[0:d].T.", w_q.T),
    vector("B_Q", "Query bias (d): in_proj_bias[0:d].", b_q),
    matrix("W_K", "Key weights (d, d): in_proj_weight[d:2d].T.", w_k.T),
    vector("B_K", "Key bias (d): in_proj_bias[d:2d].", b_k),
    matrix("W_V", "Value weights (d, d): in_proj_weight[2d:3d].T.", w_v.T),
    vector("B_V", "Value bias (d): in_proj_bias[2d:3d].", b_v),
    matrix("W_O", "Output weights (d, d): out_proj.weight.T.", attention.out_proj.weight.detach().T),
    vector("B_O", "Output bias (d): out_proj.bias.", attention.out_proj.bias.detach()),
    matrix("X", "A sequence, (T_q, d) = (4, 6).", x),
    matrix("MEMORY", "Another sequence for cross-attention, (T_k, d) = (5, 6).", memory),
    booleans("CAUSAL", "The causal mask of 4 positions, true = masked (above the diagonal).", causal),
    matrix("SELF_OUTPUT", "attention(X, X, X, attn_mask=CAUSAL) output, (4, 6).", self_output),
    cube("SELF_WEIGHTS", "Its per-head weights, (h, T_q, T_q) = (3, 4, 4).", self_weights),
    booleans("CROSS_MASKED", "A cross-attention mask, (T_q, T_k) = (4, 5), true = masked.", cross_masked),
    matrix("CROSS_OUTPUT", "attention(X, MEMORY, MEMORY, attn_mask=CROSS_MASKED) output, (4, 6).", cross_output),
    cube("CROSS_WEIGHTS", "Its per-head weights, (h, T_q, T_k) = (3, 4, 5).", cross_weights),
]

source = (
    "package kata.multihead;\n\n"
    "/**\n"
    " * Golden values of multi-head attention: PyTorch " + torch.__version__ + "'s nn.MultiheadAttention(6, 3) in\n"
    " * float64, torch.manual_seed(7), its biases set to random values, called with need_weights=True and\n"
    " * average_attn_weights=False. Weights are written in this course's x W + b convention (PyTorch's\n"
    " * transposes). Generated by katas/07-multi-head-attention/golden/generate.py; do not edit. To\n"
    " * regenerate, from the repository root: /usr/bin/python3 katas/07-multi-head-attention/golden/generate.py\n"
    " */\n"
    "final class GoldenMultiHead {\n\n"
    + "\n".join(parts)
    + "\n    private GoldenMultiHead() {\n    }\n}\n"
)
out = pathlib.Path(__file__).resolve().parent.parent / "src/test/java/kata/multihead/GoldenMultiHead.java"
out.write_text(source)
