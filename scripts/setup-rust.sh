#!/usr/bin/env bash
# Adds what the Rust toolchain needs beyond a plain rustup install: the
# wasm32-unknown-unknown target and the rustfmt and clippy components.
# Anything already installed is skipped.
set -euo pipefail

# The WebAssembly target, for the browser build and the wasm tests.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "rust: target wasm32-unknown-unknown present"
else
    rustup target add wasm32-unknown-unknown
fi

# The formatter and the linter run by scripts/test.sh.
installed=$(rustup component list --installed)
for component in rustfmt clippy; do
    if grep -q "^$component" <<<"$installed"; then
        echo "rust: component $component present"
    else
        rustup component add "$component"
    fi
done
