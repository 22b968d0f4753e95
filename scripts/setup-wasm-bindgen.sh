#!/usr/bin/env bash
# Installs wasm-bindgen-cli (wasm-bindgen and wasm-bindgen-test-runner) at
# exactly the wasm-bindgen version pinned in Cargo.lock: the command-line tool
# refuses wasm built against any other version. Skipped when the installed
# tool already has that version.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# Read the pinned version: the line after `name = "wasm-bindgen"` in Cargo.lock.
version=$(awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' "$root/Cargo.lock")
if [ -z "$version" ]; then
    echo "wasm-bindgen: no wasm-bindgen package in $root/Cargo.lock" >&2
    exit 1
fi

# Skip when `wasm-bindgen --version` already prints that version.
installed=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$installed" = "$version" ] && command -v wasm-bindgen-test-runner >/dev/null; then
    echo "wasm-bindgen: cli $version present"
    exit 0
fi

# Build it from crates.io; this takes a few minutes on two cores.
echo "wasm-bindgen: installing wasm-bindgen-cli $version (found: ${installed:-none})"
cargo install wasm-bindgen-cli --version "$version" --force
