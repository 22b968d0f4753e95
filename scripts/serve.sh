#!/usr/bin/env bash
# Builds the web app and serves it on http://127.0.0.1:8080: runs set-up
# (scripts/setup.sh), the web build (scripts/build-web.sh, settings in
# wasm-pack.toml), then the static server (scripts/serve.py), which sends
# the Content-Security-Policy and the cross-origin isolation headers.
# SDR_PORT changes the port.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/setup.sh
bash scripts/build-web.sh
exec python3 scripts/serve.py target/site --port "${SDR_PORT:-8080}"
