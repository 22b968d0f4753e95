# Sourced (not run) by scripts/wasm-test.sh and scripts/bench.sh: prepares
# headless Chromium for wasm-bindgen-test-runner, the cargo runner for wasm32
# set in .cargo/config.toml.
#
# The runner drives Chromium through chromedriver. It reads the browser's
# capabilities from the file named by WASM_BINDGEN_TEST_WEBDRIVER_JSON, or
# else from webdriver.json in its working directory, which under
# `cargo test -p ocr` is crates/ocr. This copies crates/ocr/webdriver.json to
# a temporary file with a fresh --user-data-dir added, so no browser profile
# is shared between runs, and points the runner at it. The temporary folder
# is removed when the calling script exits (this sets its EXIT trap).
#
# Needs $root, the repository root. Exports CHROMEDRIVER,
# WASM_BINDGEN_TEST_WEBDRIVER_JSON and WASM_BINDGEN_TEST_TIMEOUT (seconds for
# a whole test binary; default 900, as the runner's 20 s is too short for OCR
# in WebAssembly).

# A fresh browser profile and capabilities file, removed on exit.
wasm_browser_scratch=$(mktemp -d -t sdr-wasm-test.XXXXXX)
trap 'rm -rf "$wasm_browser_scratch"' EXIT
mkdir "$wasm_browser_scratch/profile"
python3 - "$root/crates/ocr/webdriver.json" "$wasm_browser_scratch/webdriver.json" \
    "$wasm_browser_scratch/profile" <<'PY'
import json, sys
source, target, profile = sys.argv[1:]
capabilities = json.load(open(source))
capabilities["goog:chromeOptions"]["args"].append(f"--user-data-dir={profile}")
json.dump(capabilities, open(target, "w"), indent=2)
PY

# The driver, the capabilities and the time limit.
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$wasm_browser_scratch/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-900}"
