#!/usr/bin/env bash
# Installs the Debian packages the project needs: Chromium and its WebDriver
# for the WebAssembly and browser tests, Node.js and npm, and the fonts the
# page generator and the test pages are drawn with. Packages already installed are skipped, and the
# package lists are refreshed only when something has to be installed.
set -euo pipefail

packages=(chromium chromium-driver fonts-dejavu-core fonts-liberation fonts-noto-cjk)
# Node.js and npm (wasm-opt from npm's binaryen, the browser tests), from
# Debian unless a node is already on the PATH (e.g. NodeSource's, which
# bundles npm and conflicts with Debian's npm package).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
fi

# Find what is missing: dpkg prints "install ok installed" for a present package.
missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    if [ "$status" != "install ok installed" ]; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "apt: all present (${packages[*]})"
    exit 0
fi

# Install them, as root, without questions.
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
echo "apt: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
