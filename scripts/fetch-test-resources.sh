#!/usr/bin/env bash
# Fills tests/resources/ocrmypdf/ with the test files of OCRmyPDF (PDFs and
# images: rotated, skewed, CMYK, palette, alpha, invalid...) taken from its
# source distribution on PyPI, after checking the archive's sha256. Does
# nothing when the files are already there. Never commit them: the folder is
# gitignored.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exec python3 "$root/scripts/fetch_test_resources.py" "$root/tests/resources/ocrmypdf"
