#!/bin/sh
# Trains a vocabulary of 1,000 on the course's own notes and encodes 1 MB of them with the
# reference tokenizer, next to plain baselines (see Benchmark.java). Not part of any build.
# Run from anywhere: katas/15-tokenizer/benchmark/run.sh
set -e
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat "$root"/katas/*/README.md > "$work/notes.txt"
javac -d "$work/classes" "$root"/reference/src/main/java/kata/tokenizer/*.java "$(dirname "$0")/Benchmark.java"
java -cp "$work/classes" Benchmark "$work/notes.txt"
