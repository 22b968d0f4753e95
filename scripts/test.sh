#!/usr/bin/env bash
# The whole test suite: set-up, formatting, lints, native tests, WebAssembly
# tests in headless Chromium. Every step runs even when an earlier one failed
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

# Sums the "N passed; M failed" counts of every test result line in the logs.
count_tests() {
    cat "$logs/native-tests.log" "$logs/wasm-tests.log" 2>/dev/null |
        sed -n 's/^test result: [A-Za-z]*\. \([0-9]*\) passed; \([0-9]*\) failed;.*/\1 \2/p' |
        awk '{ p += $1; f += $2 } END { printf "%d %d\n", p, f }'
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

summary
[ "$failed_steps" -eq 0 ]
