"""Trains kata 14's calculator in PyTorch, to compare its time per step with the plain-Java training.

Run from the repository root with Debian's python3-torch (CPU, float64, two threads):

    /usr/bin/python3 katas/14-calculator/compare/train_torch.py --steps 1500 --warmup 400 --rate-factor 0.25

The model, data and training follow kata 14: vocabulary _^$+0123456789 (PAD 0, START 1, END 2);
source "%03d+%03d" (7 tokens), target START + the sum zero-padded to 4 digits, least significant
first, + END (6 tokens) for --format reversed; --format plain writes "7+45" -> "52", right-padded
with PAD to 7 and 6. Teacher forcing: the decoder reads target[:5] and is scored on target[1:].
One token table shared by encoder and decoder (N(0,1)/sqrt(d), looked up times sqrt(d)) plus
sinusoidal positions; pre-LN encoder and decoder layers (d 64, 4 heads, d_ff 256, ReLU, no
dropout), 2 + 2 of them, a final LayerNorm after each stack, an output Linear(d, 14); cross-entropy
with label smoothing 0.1 ignoring PAD; Adam (0.9, 0.98, 1e-9) at rate
rateFactor * d^-0.5 * min(step^-0.5, step * warmup^-1.5); gradients clipped to global norm 1.0;
batches of 64 drawn from 20,000 training problems; greedy decoding of 2,000 disjoint test problems,
scored by exact match. The split comes from Python's random, not the Java generator: the same
distribution, not the same problems.

It prints one line per evaluation and a final RESULT line; seconds per step is the mean over the
training steps after the first few, evaluation excluded.
"""

import argparse
import math
import random
import sys
import time

import torch
from torch import nn

sys.dont_write_bytecode = True

SYMBOLS = "_^$+0123456789"
PAD, START, END = 0, 1, 2
SOURCE_LENGTH, TARGET_LENGTH = 7, 6
D_MODEL, HEADS, D_FF, LAYERS = 64, 4, 256, 2
BATCH, TRAIN_COUNT, TEST_COUNT = 64, 20_000, 2_000
SMOOTHING, CLIP_NORM = 0.1, 1.0
WARM_STEPS = 5  # steps left out of the time per step (allocation, first-call costs)


def encode(text):
    return [SYMBOLS.index(c) for c in text]


def source_text(a, b, fmt):
    return f"{a:03d}+{b:03d}" if fmt == "reversed" else f"{a}+{b}"


def answer_text(a, b, fmt):
    return f"{a + b:04d}"[::-1] if fmt == "reversed" else str(a + b)


def padded(ids, length):
    return ids + [PAD] * (length - len(ids))


def split(seed):
    """TRAIN_COUNT + TEST_COUNT distinct problems, a and b uniform in 0..999; the last TEST_COUNT test."""
    rng = random.Random(seed)
    seen, problems = set(), []
    while len(problems) < TRAIN_COUNT + TEST_COUNT:
        p = (rng.randrange(1000), rng.randrange(1000))
        if p not in seen:
            seen.add(p)
            problems.append(p)
    return problems[:TRAIN_COUNT], problems[TRAIN_COUNT:]


def tensors(problems, fmt):
    """source (N, 7), decoder input (N, 5) and labels (N, 5) as long tensors."""
    source = [padded(encode(source_text(a, b, fmt)), SOURCE_LENGTH) for a, b in problems]
    target = [padded([START] + encode(answer_text(a, b, fmt)) + [END], TARGET_LENGTH) for a, b in problems]
    target = torch.tensor(target)
    return torch.tensor(source), target[:, :-1], target[:, 1:]


def sinusoids(length, d):
    """PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(the same)."""
    pos = torch.arange(length, dtype=torch.float64).unsqueeze(1)
    angle = pos / torch.pow(10000.0, torch.arange(0, d, 2, dtype=torch.float64) / d)
    table = torch.zeros(length, d)
    table[:, 0::2] = torch.sin(angle)
    table[:, 1::2] = torch.cos(angle)
    return table


class Calculator(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Parameter(torch.randn(len(SYMBOLS), D_MODEL) / math.sqrt(D_MODEL))
        self.register_buffer("positions", sinusoids(8, D_MODEL))
        enc = nn.TransformerEncoderLayer(D_MODEL, HEADS, D_FF, dropout=0.0, activation="relu",
                                         batch_first=True, norm_first=True)
        dec = nn.TransformerDecoderLayer(D_MODEL, HEADS, D_FF, dropout=0.0, activation="relu",
                                         batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(enc, LAYERS, norm=nn.LayerNorm(D_MODEL),
                                             enable_nested_tensor=False)
        self.decoder = nn.TransformerDecoder(dec, LAYERS, norm=nn.LayerNorm(D_MODEL))
        self.output = nn.Linear(D_MODEL, len(SYMBOLS))

    def embed(self, ids):
        return self.embedding[ids] * math.sqrt(D_MODEL) + self.positions[: ids.shape[1]]

    def encode(self, source):
        pad = source == PAD
        return self.encoder(self.embed(source), src_key_padding_mask=pad), pad

    def decode(self, memory, pad, decoder_input):
        t = decoder_input.shape[1]
        causal = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
        x = self.decoder(self.embed(decoder_input), memory, tgt_mask=causal, memory_key_padding_mask=pad)
        return self.output(x)

    def forward(self, source, decoder_input):
        memory, pad = self.encode(source)
        return self.decode(memory, pad, decoder_input)


def rate(step, warmup, factor):
    return factor * D_MODEL ** -0.5 * min(step ** -0.5, step * warmup ** -1.5)


@torch.no_grad()
def exact_match(model, source, labels):
    """Greedy decoding of every source (START, then the argmax, up to 5 tokens); the share of rows
    whose tokens up to END equal the labels up to END."""
    model.eval()
    memory, pad = model.encode(source)
    out = torch.full((source.shape[0], 1), START)
    for _ in range(TARGET_LENGTH - 1):
        nxt = model.decode(memory, pad, out)[:, -1].argmax(-1, keepdim=True)
        out = torch.cat([out, nxt], dim=1)
    model.train()
    right = 0
    for got, want in zip(out[:, 1:].tolist(), labels.tolist()):
        got = got[: got.index(END)] if END in got else got
        right += got == want[: want.index(END)]
    return right / source.shape[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--warmup", type=int, default=400)
    parser.add_argument("--rate-factor", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--format", choices=["reversed", "plain"], default="reversed")
    parser.add_argument("--eval-every", type=int, default=250)
    args = parser.parse_args()

    torch.set_num_threads(2)
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(args.seed)
    train, test = split(args.seed)
    train_source, train_input, train_labels = tensors(train, args.format)
    test_source, _, test_labels = tensors(test, args.format)
    model = Calculator()
    adam = torch.optim.Adam(model.parameters(), lr=0.0, betas=(0.9, 0.98), eps=1e-9)
    loss_fn = nn.CrossEntropyLoss(ignore_index=PAD, label_smoothing=SMOOTHING)
    batches = random.Random(args.seed + 1)
    count = sum(p.numel() for p in model.parameters())
    print(f"torch {torch.__version__} threads {torch.get_num_threads()} parameters {count} "
          f"format {args.format} warmup {args.warmup} rate-factor {args.rate_factor} seed {args.seed}",
          flush=True)

    timed, losses, exact = 0.0, [], float("nan")
    start = time.perf_counter()
    for step in range(1, args.steps + 1):
        began = time.perf_counter()
        rows = torch.tensor(batches.sample(range(TRAIN_COUNT), BATCH))
        logits = model(train_source[rows], train_input[rows])
        loss = loss_fn(logits.reshape(-1, len(SYMBOLS)), train_labels[rows].reshape(-1))
        adam.zero_grad(set_to_none=True)
        loss.backward()
        norm = nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM).item()
        adam.param_groups[0]["lr"] = rate(step, args.warmup, args.rate_factor)
        adam.step()
        losses.append(loss.item())
        if step > WARM_STEPS:
            timed += time.perf_counter() - began
        if step % args.eval_every == 0 or step == args.steps:
            exact = exact_match(model, test_source, test_labels)
            print(f"step {step} loss {sum(losses) / len(losses):.4f} rate {adam.param_groups[0]['lr']:.3g} "
                  f"norm {norm:.3f} exact {exact:.4f} elapsed {time.perf_counter() - start:.0f}s", flush=True)
            losses = []
    per_step = timed / max(1, args.steps - WARM_STEPS)
    print(f"RESULT format={args.format} warmup={args.warmup} rate_factor={args.rate_factor} "
          f"steps={args.steps} exact={exact:.4f} sec_per_step={per_step:.4f} "
          f"total={time.perf_counter() - start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
