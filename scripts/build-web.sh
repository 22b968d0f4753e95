#!/usr/bin/env bash
# Builds the web app and assembles the served folder, following wasm-pack.toml:
#   1. the two WebAssembly binaries of crates/web (page and worker), release,
#      SIMD;
#   2. wasm-bindgen (at the Cargo.lock version, scripts/setup-wasm-bindgen.sh)
#      on each, as ES modules;
#   3. wasm-opt from the npm package binaryen (installed into node_modules/
#      by `npm ci` when missing);
#   4. the site folder: web/'s page files, the generated modules, the data
#      (rules, templates, registers) with data-index.json listing them, the
#      tiny models checked against models/manifest.json, the generator's
#      fonts (training kiosk), and the service
#      worker stamped with the build's version and file list.
# Needs the models (scripts/fetch-models.sh). Usage: scripts/build-web.sh
# (SDR_SKIP_WASM_OPT=1 skips step 3).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Reads one setting of wasm-pack.toml: `setting build.profile`.
setting() {
    python3 - "$1" <<'PY'
import sys, tomllib
value = tomllib.load(open("wasm-pack.toml", "rb"))
for key in sys.argv[1].split("."):
    value = value[key]
print(" ".join(value) if isinstance(value, list) else value)
PY
}

package=$(setting crate.package)
binaries=$(setting crate.binaries)
target=$(setting build.target)
profile=$(setting build.profile)
rustflags=$(setting build.rustflags)
bindgen_target=$(setting bindgen.target)
site=$(setting site.dir)
pkg="$site/$(setting site.pkg)"

# 1. Compile. The rustflags go through the target's variable, which the
# fingerprint treats like those of .cargo/config.toml.
echo "== build-web: cargo build -p $package --target $target --profile $profile"
bin_args=()
for b in $binaries; do bin_args+=(--bin "$b"); done
target_var="CARGO_TARGET_$(echo "$target" | tr 'a-z-' 'A-Z_')_RUSTFLAGS"
env "$target_var=$rustflags" nice -n 19 cargo build -p "$package" --target "$target" \
    --profile "$profile" "${bin_args[@]}"
# Cargo's output folder: CARGO_TARGET_DIR when set (a shared build cache).
out_dir="${CARGO_TARGET_DIR:-target}/$target/$profile"

# 2. Bindings. A fresh site folder each time.
rm -rf "$site"
mkdir -p "$pkg"
for b in $binaries; do
    echo "== build-web: wasm-bindgen $b"
    wasm-bindgen --target "$bindgen_target" --no-typescript --out-dir "$pkg" "$out_dir/$b.wasm"
done

# 3. wasm-opt, from node_modules (npm ci installs the locked binaryen).
# SDR_SKIP_WASM_OPT=1 skips it (the npm build of wasm-opt runs in Node and
# takes minutes on the worker's 25 MB).
if [ "$(setting wasm-opt.enabled)" = "True" ] && [ "${SDR_SKIP_WASM_OPT:-0}" != "1" ]; then
    if [ ! -x node_modules/.bin/wasm-opt ]; then
        echo "== build-web: npm ci (binaryen for wasm-opt)"
        npm ci --no-audit --no-fund
    fi
    read -r -a opt_flags <<<"$(setting wasm-opt.flags)"
    # Optimised outputs are kept by the hash of their input and flags, so a
    # rebuild that changed nothing skips the slow part.
    cache=target/wasm-opt-cache
    mkdir -p "$cache"
    for b in $binaries; do
        wasm="$pkg/${b}_bg.wasm"
        key=$( (sha256sum "$wasm" | cut -d' ' -f1; echo "${opt_flags[*]}") | sha256sum | cut -c1-32)
        if [ -f "$cache/$key.wasm" ]; then
            echo "== build-web: wasm-opt $b: unchanged input, cached output"
        else
            echo "== build-web: wasm-opt $wasm ($(stat -c %s "$wasm") bytes; minutes for the worker)"
            nice -n 19 node_modules/.bin/wasm-opt "${opt_flags[@]}" "$wasm" -o "$cache/$key.tmp"
            mv "$cache/$key.tmp" "$cache/$key.wasm"
        fi
        cp "$cache/$key.wasm" "$wasm"
        echo "   -> $(stat -c %s "$wasm") bytes"
    done
fi

# 4. The site: page files, data with its index, models, service worker.
echo "== build-web: assembling $site"
python3 - "$site" <<'PY'
import hashlib, json, os, shutil, sys, tomllib

site = sys.argv[1]
config = tomllib.load(open("wasm-pack.toml", "rb"))["site"]

for name in config["static"]:
    shutil.copy2(os.path.join("web", name), os.path.join(site, name))

# Data: single files, or the .json files of a folder (no schemas).
index = []
for source, dest in config["data"]:
    if os.path.isdir(source):
        os.makedirs(os.path.join(site, dest), exist_ok=True)
        for name in sorted(os.listdir(source)):
            if name.endswith(".json") and not name.endswith(".schema.json"):
                shutil.copy2(os.path.join(source, name), os.path.join(site, dest, name))
                index.append(f"{dest}/{name}")
    else:
        shutil.copy2(source, os.path.join(site, dest))
        index.append(dest)
json.dump(index, open(os.path.join(site, "data-index.json"), "w"), indent=1)

# Models: each checked against the manifest, then hard-linked (or copied).
manifest = json.load(open("models/manifest.json"))
sums = {m["file"]: m["sha256"] for m in manifest["models"]}
os.makedirs(os.path.join(site, "models"))
for name in config["models"]:
    path = os.path.join("models", name)
    if not os.path.exists(path):
        sys.exit(f"build-web: {path} missing; run scripts/fetch-models.sh")
    if name in sums:
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if digest != sums[name]:
            sys.exit(f"build-web: {path}: sha256 {digest}, manifest says {sums[name]}")
    target = os.path.join(site, "models", name)
    try:
        os.link(path, target)
    except OSError:
        shutil.copy2(path, target)

# Fonts of the training kiosk's generator (Debian packages, see setup-apt.sh).
os.makedirs(os.path.join(site, "fonts"))
for path in config.get("fonts", []):
    if not os.path.exists(path):
        sys.exit(f"build-web: {path} missing; run scripts/setup-apt.sh")
    target = os.path.join(site, "fonts", os.path.basename(path))
    try:
        os.link(path, target)
    except OSError:
        shutil.copy2(path, target)

# The service worker: every file of the site, and a version from their contents.
files, digest = [], hashlib.sha256()
for folder, _, names in sorted(os.walk(site)):
    for name in sorted(names):
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, site).replace(os.sep, "/")
        if rel == "sw.js":
            continue
        files.append(rel)
        digest.update(rel.encode())
        digest.update(open(path, "rb").read())
files.insert(0, "./")
sw = os.path.join(site, "sw.js")
text = open(sw).read()
text = text.replace("__SDR_VERSION__", digest.hexdigest()[:16])
text = text.replace("__SDR_FILES__", json.dumps(files))
open(sw, "w").write(text)
print(f"build-web: {len(files)} files, {len(index)} data files, version {digest.hexdigest()[:16]}")
PY
echo "build-web: done; serve with scripts/serve.sh (or python3 scripts/serve.py $site)"
