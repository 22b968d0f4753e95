#!/usr/bin/env bash
# Builds the web app and serves it on http://127.0.0.1:8080.
#
# The web app is not part of the project yet (this phase is the OCR engine),
# so for now this only says so and fails.
set -euo pipefail
echo "serve: the web app is not written yet; nothing to build or serve." >&2
echo "serve: run 'bash scripts/test.sh' for the test suite, or see README.md for 'sdr ocr FILE'." >&2
exit 1
