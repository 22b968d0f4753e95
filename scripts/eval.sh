#!/usr/bin/env bash
# The review evaluation (a benchmark, not a test; scripts/test.sh runs only
# a small seeded set through crates/sdr/tests/review.rs).
#
#   bash scripts/eval.sh [COUNT] [SEED]
#
# Generates COUNT certificates (default 300) over every template with
# `sdr synth --template all --faults random --degraded 0.5` from SEED
# (default 4242) into test-output/eval/<seed>/, then reviews them all with
# `sdr eval` (two engines in parallel) and prints template identification,
# field exact match (clean and degraded), per-rule fault recall and false
# alarms, verdict accuracy and the median review time per page. The scores
# also go to test-output/eval/<seed>/scores.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
count="${1:-300}"
seed="${2:-4242}"
out="$root/test-output/eval/$seed"

# Models and fonts, then the release build of the tool.
bash scripts/setup.sh
cargo build --release -p sdr
sdr="$root/target/release/sdr"

# A fresh corpus.
rm -rf "$out"
mkdir -p "$out"
echo "==== eval: generating $count certificates (seed $seed) into $out"
time "$sdr" synth --template all --count "$count" --seed "$seed" \
    --faults random --degraded 0.5 --out "$out/corpus"

# Review and score.
echo "==== eval: reviewing"
time "$sdr" eval --threads 2 --save-json "$out/scores.json" "$out/corpus" | tee "$out/scores.txt"
