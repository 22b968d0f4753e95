#!/usr/bin/env bash
# Runs the ocr crate's WebAssembly tests in headless Chromium.
#
# wasm-bindgen-test-runner (the cargo runner for wasm32 set in
# .cargo/config.toml) drives Chromium through chromedriver. It reads the
# browser's capabilities from the file named by WASM_BINDGEN_TEST_WEBDRIVER_JSON,
# or else from webdriver.json in its working directory, which under
# `cargo test -p ocr` is crates/ocr. This script copies crates/ocr/webdriver.json
# to a temporary file with a fresh --user-data-dir added, so no browser profile
# is shared between runs, and points the runner at it.
#
# Extra arguments go to cargo, e.g. `scripts/wasm-test.sh -- --nocapture`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# A fresh browser profile and capabilities file, removed on exit.
scratch=$(mktemp -d -t sdr-wasm-test.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/profile"
python3 - "$root/crates/ocr/webdriver.json" "$scratch/webdriver.json" "$scratch/profile" <<'PY'
import json, sys
source, target, profile = sys.argv[1:]
capabilities = json.load(open(source))
capabilities["goog:chromeOptions"]["args"].append(f"--user-data-dir={profile}")
json.dump(capabilities, open(target, "w"), indent=2)
PY

# The driver, the capabilities and a time limit for the whole test binary:
# the runner's default of 20 s is too short for OCR in WebAssembly.
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$scratch/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-900}"

# The test files that run in the browser; each is its own wasm binary.
cargo test -p ocr --target wasm32-unknown-unknown --release --test wasm "$@"
