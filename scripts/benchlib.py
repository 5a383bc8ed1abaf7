"""What the benchmark scripts share: the release binary and running it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class BenchError(Exception):
    """A one-sentence reason the benchmark could not run."""


def release_binary() -> Path:
    """target/release/badgesmith (under $CARGO_TARGET_DIR when set), brought up
    to date with cargo first when cargo is on PATH."""
    path = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "badgesmith"
    cargo = shutil.which("cargo")
    if cargo is None:
        if path.is_file():
            return path
        raise BenchError("no release build and cargo is not on PATH: give --binary PATH.")
    print("Bringing the release binary up to date (cargo build --release -p badgesmith) …", flush=True)
    subprocess.run([cargo, "build", "--release", "-p", "badgesmith"], cwd=ROOT, check=True)
    if not path.is_file():
        raise BenchError(f"cargo built no {path}.")
    return path


def cli(exe: Path, env: dict[str, str], *args: str | Path) -> str:
    """Runs `badgesmith args…`; its standard output, or a BenchError saying how it failed."""
    proc = subprocess.run([str(exe), *map(str, args)], env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BenchError(f"`badgesmith {' '.join(map(str, args))}` exited {proc.returncode}: {proc.stderr.strip()}")
    return proc.stdout
