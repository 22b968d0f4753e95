#!/usr/bin/env bash
# The browser benchmark (not part of the test command): serves the built
# site (scripts/build-web.sh) on a free port of 127.0.0.1, drives Debian's
# Chromium headless with a fresh profile and prints the first load time,
# the model initialisation time, drop to verdict per certificate and per
# page over a generated set, and the peak memory, with their ratios to the
# targets (5 s first load, 3 s per one-page certificate once loaded).
# Usage: scripts/bench-web.sh [COUNT] [SEED]   (default 10 certificates, seed 11)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if [ ! -f target/site/index.html ]; then
    echo "bench-web: target/site missing; building it (scripts/build-web.sh)"
    bash scripts/build-web.sh
fi
if [ ! -d node_modules/playwright-core ]; then
    npm ci --no-audit --no-fund
fi
# The generator the set is drawn with.
nice -n 19 cargo build --release -p sdr
exec node scripts/bench-web.mjs "$@"
