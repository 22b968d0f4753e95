#!/usr/bin/env bash
# The OCR benchmark (a command, not a test; scripts/test.sh does not run it).
#
#   bash scripts/bench.sh [DIR]
#
# Times the OCR of every page in DIR (images and PDFs), or, without DIR, of
# eight certificate-like pages it generates with the synth crate (mixed
# degradations, 200 and 300 dpi) under test-output/bench/pages. In one run:
#   1. natively: `sdr bench` (release, tract, one thread) per page and step,
#      and with --dump the exact network inputs of each page, tract's outputs
#      and tract's time on each input;
#   2. onnxruntime (Python, same ONNX files) on exactly those inputs, one
#      intra-op thread and sequential execution like tract, and two threads;
#   3. WebAssembly in headless Chromium: the same pages, compiled into
#      crates/ocr/tests/wasm_bench.rs, timed with performance.now();
# then prints a summary (scripts/bench_summary.py). docs/benchmark.md says
# what each figure means. Everything goes to test-output/bench/.
#
# Environment: RUNS, readings of each page (median kept; default 1);
# NETWORK_RUNS, runs of each dumped input in tract and onnxruntime (median
# kept; default 3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
out="$root/test-output/bench"
runs="${RUNS:-1}"
network_runs="${NETWORK_RUNS:-3}"
mkdir -p "$out"

# onnxruntime and numpy from PyPI, pinned so that figures stay comparable.
onnxruntime_version=1.32.0
numpy_version=2.4.6

# Prints a step heading.
heading() {
    echo
    echo "==== bench: $*"
}

# Writes the benchmark pages into $1 unless they are there already: the
# renderer is deterministic, so a page's name says everything about it.
generate_pages() {
    local dir=$1 spec seed dpi degradation name missing=()
    local specs=("1 300 clean" "2 200 rotated" "3 300 blurred" "4 200 jpeg"
        "5 300 fax" "6 200 photo" "7 300 low-dpi" "8 200 clean")
    mkdir -p "$dir"
    for spec in "${specs[@]}"; do
        read -r seed dpi degradation <<<"$spec"
        name=$(printf 'p%02d-%s-%sdpi' "$seed" "$degradation" "$dpi")
        [ -f "$dir/$name.png" ] || missing+=("$seed $dpi $degradation $name")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    cargo build --release -p synth --example render
    mkdir -p "$dir/.partial"
    for spec in "${missing[@]}"; do
        read -r seed dpi degradation name <<<"$spec"
        # Rendered aside and moved in whole; the ground truth goes beside
        # the page (sdr bench skips files that are not pages).
        target/release/examples/render "$seed" "$dpi" "$degradation" \
            "$dir/.partial/$name.png" >"$dir/$name.truth.jsonl"
        mv "$dir/.partial/$name.png" "$dir/$name.png"
    done
}

# Creates the Python environment for onnxruntime unless it is already right.
python_environment() {
    local venv=$1
    if "$venv/bin/python" - "$onnxruntime_version" "$numpy_version" 2>/dev/null <<'PY'
import sys, numpy, onnxruntime
sys.exit(0 if [onnxruntime.__version__, numpy.__version__] == sys.argv[1:] else 1)
PY
    then
        return 0
    fi
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        "onnxruntime==$onnxruntime_version" "numpy==$numpy_version"
}

# Writes the Rust list of pages compiled into the WebAssembly benchmark:
# the files sdr bench read, in its order, from its JSON report.
wasm_pages() {
    python3 - "$1" "$2" "$runs" >"$out/wasm-pages.rs" <<'PY'
import json, os, sys
native, pages, runs = sys.argv[1:]
files = []
for page in json.load(open(native))["pages"]:
    if page["file"] not in files:
        files.append(page["file"])
print("// Written by scripts/bench.sh: the pages crates/ocr/tests/wasm_bench.rs times.")
print(f"const RUNS: usize = {int(runs)};")
print("const PAGES: &[(&str, &[u8])] = &[")
for name in files:
    path = os.path.join(pages, name)
    print(f"    ({json.dumps(name)}, include_bytes!({json.dumps(path, ensure_ascii=False)})),")
print("];")
PY
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

heading "set-up"
bash scripts/setup.sh
python_environment "$out/venv"

heading "pages"
if [ $# -ge 1 ]; then
    pages=$(cd "$1" && pwd)
else
    pages="$out/pages"
    generate_pages "$pages"
fi
echo "pages from $pages"

heading "native (tract), with the network inputs dumped"
cargo build --release -p sdr
rm -rf "$out/dump"
target/release/sdr bench "$pages" --json --dump "$out/dump" \
    --runs "$runs" --network-runs "$network_runs" >"$out/native.json"
echo "wrote $out/native.json and $out/dump/"

heading "onnxruntime on the same inputs"
"$out/venv/bin/python" scripts/bench_onnxruntime.py "$out/dump" \
    --runs "$network_runs" --threads 1 2 --json "$out/onnxruntime.json"

heading "WebAssembly in headless Chromium"
wasm_pages "$out/native.json" "$pages"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-3600}"
source "$root/scripts/wasm-browser-env.sh"
cargo test -p ocr --target wasm32-unknown-unknown --release --features bench-wasm \
    --test wasm_bench -- --nocapture 2>&1 | tee "$out/wasm.log"

heading "summary"
python3 scripts/bench_summary.py "$out/native.json" "$out/onnxruntime.json" "$out/wasm.log" \
    --load-before "$load_before" --load-after "$(cut -d' ' -f1-3 /proc/loadavg)" \
    --json "$out/summary.json" | tee "$out/summary.txt"
