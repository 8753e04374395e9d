#!/usr/bin/env bash
# Grader benchmark (for maintainers; not a test): the no-op Maven floor, a one-kata grade and a full
# grade, each run five times after one warm-up, reporting the median wall time. Run it from the
# repository root after `mvn verify`, on a quiet machine:
#   bash grader/benchmark.sh [kata-id]
# Targets: one kata within 2x the floor, all katas within 3x the floor.
set -euo pipefail
cd "$(dirname "$0")/.."
kata=${1:-01}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

measure() { # label, command...
  local label=$1; shift
  "$@" >/dev/null 2>&1 # warm-up (file cache, JIT of Maven itself)
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median | awk -v label="$label" '{ printf "%-34s %6.2f s\n", label, $1 / 1000 }'
}

measure "no-op Maven (floor)" mvn -q -pl grader validate
measure "grade one kata (-Dkata=$kata)" mvn -q -pl grader exec:java -Dkata="$kata"
measure "grade all katas" mvn -q -pl grader exec:java -Dprogress="$scratch/PROGRESS.md"
measure "grade all katas, forked JVMs" mvn -q -pl grader exec:java -Dfork=true -Dprogress="$scratch/PROGRESS.md"
