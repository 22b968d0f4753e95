#!/usr/bin/env bash
# Runs the WebAssembly tests (the ocr crate's, and the web app's
# components) in headless Chromium, set up by
# scripts/wasm-browser-env.sh (chromedriver, a fresh browser profile, a
# 900-second limit per test binary).
#
# Extra arguments go to cargo, e.g. `scripts/wasm-test.sh -- --nocapture`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
source "$root/scripts/wasm-browser-env.sh"

# The test files that run in the browser; each is its own wasm binary.
cargo test -p ocr --target wasm32-unknown-unknown --release --test wasm "$@"

# The web app's component tests (crates/web/src/app/browser_tests.rs and
# the message envelope), in the same browser.
cargo test -p web --target wasm32-unknown-unknown --release --lib "$@"
