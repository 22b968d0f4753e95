#!/usr/bin/env bash
# Installs everything the project needs to build and test, idempotently:
# Debian packages (Chromium, its WebDriver, fonts), the Rust wasm target and
# components, wasm-bindgen-cli at the version in Cargo.lock, the OCR models
# and the test resources. Each step skips what is already present, so running
# it again is quick.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Tools installed by `cargo install` live here; make sure they are found.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# One step after another; the first failure stops set-up with its name.
step() {
    local name=$1
    shift
    echo "== setup: $name"
    if ! "$@"; then
        echo "setup: step '$name' failed" >&2
        exit 1
    fi
}

step "debian packages" bash scripts/setup-apt.sh
step "rust toolchain" bash scripts/setup-rust.sh
step "wasm-bindgen-cli" bash scripts/setup-wasm-bindgen.sh
step "models" bash scripts/fetch-models.sh

# Test resources are optional until their fetch script exists.
if [ -f scripts/fetch-test-resources.sh ]; then
    step "test resources" bash scripts/fetch-test-resources.sh
else
    echo "== setup: test resources: scripts/fetch-test-resources.sh not present, skipped"
fi

echo "setup: done"
