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
