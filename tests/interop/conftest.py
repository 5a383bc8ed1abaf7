"""Fixtures for the interop tests: the `badgesmith` binary, the npm PNG chunk
script, the public test vectors, and a subprocess runner that fails the test
with the command's stderr when the command fails."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
BINARY = ROOT / "target" / "debug" / "badgesmith"
VECTORS = ROOT / "tests" / "fixtures" / "vectors"
PNG_CHUNKS = HERE / "png_chunks.mjs"


def run(args: list[str | Path], *, expect: int = 0, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """Runs a command; a different exit code fails the test, showing stderr."""
    proc = subprocess.run(
        [str(a) for a in args],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )
    if proc.returncode != expect:
        stderr = proc.stderr.decode("utf-8", "replace")
        stdout = proc.stdout.decode("utf-8", "replace")
        if len(stdout) > 2000:
            stdout = stdout[:2000] + "…"
        pytest.fail(
            f"`{' '.join(str(a) for a in args)}` exited {proc.returncode}, expected {expect}\n"
            f"--- stderr ---\n{stderr}\n--- stdout ---\n{stdout}",
            pytrace=False,
        )
    return proc


@dataclass(frozen=True)
class Badgesmith:
    """The `badgesmith` CLI under test."""

    path: Path

    def bake(self, image: Path, credential: Path, out: Path) -> None:
        run([self.path, "bake", image, credential, "-o", out])
        assert out.is_file(), f"badgesmith bake exited 0 but wrote no {out}"

    def unbake(self, image: Path) -> bytes:
        return run([self.path, "unbake", image]).stdout

    def inspect(self, file: Path) -> dict:
        out = run([self.path, "inspect", file, "--json"]).stdout
        try:
            return json.loads(out)
        except ValueError as e:
            pytest.fail(f"`badgesmith inspect --json {file}` printed invalid JSON ({e}):\n{out!r}")


@dataclass(frozen=True)
class PngChunks:
    """tests/interop/png_chunks.mjs: the npm PNG chunk libraries, run with node."""

    node: str

    def read(self, file: Path, keyword: str) -> bytes:
        return run([self.node, PNG_CHUNKS, "read", file, keyword]).stdout

    def write(self, src: Path, out: Path, keyword: str, text_file: Path) -> None:
        run([self.node, PNG_CHUNKS, "write", src, out, keyword, text_file])

    def list(self, file: Path) -> list[dict]:
        return json.loads(run([self.node, PNG_CHUNKS, "list", file]).stdout)


@pytest.fixture(scope="session")
def badgesmith() -> Badgesmith:
    if not BINARY.is_file():
        pytest.fail(
            f"{BINARY} is missing: build it first with `cargo build -p badgesmith`",
            pytrace=False,
        )
    return Badgesmith(BINARY)


@pytest.fixture(scope="session")
def png_chunks() -> PngChunks:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the npm side of the interop tests needs Node.js", pytrace=False)
    for package in ("png-chunks-extract", "png-chunks-encode", "png-itxt"):
        if not (HERE / "node_modules" / package / "package.json").is_file():
            pytest.fail(
                f"tests/interop/node_modules/{package} is missing: run `npm ci` in tests/interop",
                pytrace=False,
            )
    return PngChunks(node)


@pytest.fixture(scope="session")
def vector():
    """Returns the path of a public test vector, failing the test if it is missing."""

    def get(relative: str) -> Path:
        path = VECTORS / relative
        if not path.is_file():
            pytest.fail(f"test vector {path.relative_to(ROOT)} is missing", pytrace=False)
        return path

    return get
