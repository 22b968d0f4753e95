#!/usr/bin/env bash
# The whole test suite: set-up, formatting, lints, native tests, WebAssembly
# tests in headless Chromium, the web app's build and its browser tests
# (playwright-core driving Debian's Chromium). Every step runs even when an earlier one failed
# (except set-up, which the rest need); the run ends with a summary and exits
# non-zero if any step failed. Logs go to test-output/logs/.
#
# Everything native builds with the release profile only, so each crate is
# compiled once for the tests (clippy shares its build scripts and proc macros).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
logs="$root/test-output/logs"
mkdir -p "$logs"

names=()
results=()
seconds=()
failed_steps=0

# Runs one named step, logging its output and recording its result and time.
step() {
    local name=$1
    shift
    local log="$logs/$name.log"
    local start=$SECONDS
    echo
    echo "==== $name: $*"
    "$@" 2>&1 | tee "$log"
    local status=${PIPESTATUS[0]}
    names+=("$name")
    seconds+=($((SECONDS - start)))
    if [ "$status" -eq 0 ]; then
        results+=("ok")
    else
        results+=("FAILED (exit $status)")
        failed_steps=$((failed_steps + 1))
    fi
    return "$status"
}

# Sums the "N passed; M failed" counts of every cargo test result line and
# the "# pass N" / "# fail M" totals of node's TAP reporter in the logs.
count_tests() {
    {
        cat "$logs/native-tests.log" "$logs/wasm-tests.log" 2>/dev/null |
            sed -n 's/^test result: [A-Za-z]*\. \([0-9]*\) passed; \([0-9]*\) failed;.*/\1 \2/p'
        sed -n 's/^# pass \([0-9]*\)$/\1 0/p; s/^# fail \([0-9]*\)$/0 \1/p' \
            "$logs/browser-tests.log" 2>/dev/null
    } | awk '{ p += $1; f += $2 } END { printf "%d %d\n", p, f }'
}

# True when node_modules/ holds exactly what package-lock.json locks: npm ci
# writes its own copy of the lock (node_modules/.package-lock.json), whose
# packages must equal the lock's (the root entry aside).
node_modules_current() {
    [ -f node_modules/.package-lock.json ] || return 1
    node -e '
        const fs = require("fs");
        const pick = (f) => {
            const p = JSON.parse(fs.readFileSync(f, "utf8")).packages || {};
            delete p[""];
            return JSON.stringify(Object.keys(p).sort().map((k) => [k, p[k].version, p[k].integrity]));
        };
        process.exit(pick("package-lock.json") === pick("node_modules/.package-lock.json") ? 0 : 1);
    '
}

# The browser tests: npm ci when node_modules/ is not what the lock says,
# the `sdr` binary the tests generate certificates with, then node's test
# runner over tests/browser/, one file at a time (each drives its own
# Chromium on the 2 cores), with the TAP reporter (counted in the summary).
browser_tests() {
    if node_modules_current; then
        echo "npm ci: node_modules matches package-lock.json, skipped"
    else
        npm ci --no-audit --no-fund || return 1
    fi
    cargo build --release -p sdr || return 1
    node --test --test-concurrency=1 --test-reporter=tap tests/browser/
}

# Prints every step with its result and time, then the test totals.
summary() {
    echo
    echo "==== summary"
    local i
    for i in "${!names[@]}"; do
        printf '  %-14s %-20s %5ss\n' "${names[$i]}" "${results[$i]}" "${seconds[$i]}"
    done
    read -r passed failed < <(count_tests)
    if [ "$failed_steps" -eq 0 ]; then
        echo "all steps passed"
    else
        echo "$failed_steps step(s) FAILED; see $logs/"
    fi
    echo "tests: $passed passed, $failed failed"
}

# Set-up installs what the other steps need; without it they cannot run.
if ! step setup bash scripts/setup.sh; then
    summary
    exit 1
fi

# Formatting and lints.
step fmt cargo fmt --all -- --check
step clippy cargo clippy --workspace --all-targets --release -- -D warnings

# Native tests, then the same code as WebAssembly in headless Chromium.
step native-tests cargo test --workspace --release --no-fail-fast
step wasm-tests bash scripts/wasm-test.sh --no-fail-fast

# The web app (release, wasm-opt on; it reuses the wasm dependencies built
# for the tests above), then the browser tests against the built site.
if step web-build bash scripts/build-web.sh; then
    step browser-tests browser_tests
fi

summary
[ "$failed_steps" -eq 0 ]
