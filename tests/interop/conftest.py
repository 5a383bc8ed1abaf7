"""Fixtures for the interop tests: the `badgesmith` binary, the npm PNG chunk
script, the npm credential reference (`reference.mjs`, `fixtures.mjs`), our
Rust signing example, the public test vectors, and a subprocess runner that
fails the test with the command's stderr when the command fails."""

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
REFERENCE = HERE / "reference.mjs"
REFERENCE_FIXTURES = HERE / "fixtures.mjs"
SIGN_EXAMPLE = ROOT / "target" / "debug" / "examples" / "sign"
REFERENCE_PACKAGES = (
    "@digitalbazaar/vc",
    "@digitalbazaar/data-integrity",
    "@digitalbazaar/eddsa-rdfc-2022-cryptosuite",
    "@digitalbazaar/eddsa-jcs-2022-cryptosuite",
    "@digitalbazaar/ed25519-multikey",
    "@digitalbazaar/ed25519-signature-2020",
    "jose",
    "jsonld-signatures",
)


def run(
    args: list[str | Path],
    *,
    expect: int | tuple[int, ...] = 0,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess:
    """Runs a command (in `env` when given, else this process's environment);
    an exit code other than `expect` (one code or several) fails the test,
    showing stderr."""
    proc = subprocess.run(
        [str(a) for a in args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
        check=False,
    )
    allowed = expect if isinstance(expect, tuple) else (expect,)
    if proc.returncode not in allowed:
        stderr = proc.stderr.decode("utf-8", "replace")
        stdout = proc.stdout.decode("utf-8", "replace")
        if len(stdout) > 2000:
            stdout = stdout[:2000] + "…"
        pytest.fail(
            f"`{' '.join(str(a) for a in args)}` exited {proc.returncode}, expected {' or '.join(map(str, allowed))}\n"
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

    def verify(self, file: Path, *, expect: int) -> dict:
        """`badgesmith verify --json --offline FILE`: its report, after checking
        the exit code (0 valid, 1 invalid)."""
        out = run([self.path, "verify", file, "--json", "--offline"], expect=expect).stdout
        try:
            report = json.loads(out)
        except ValueError as e:
            pytest.fail(f"`badgesmith verify --json --offline {file}` printed invalid JSON ({e}):\n{out!r}")
        if not isinstance(report, dict) or not isinstance(report.get("checks"), list):
            pytest.fail(f"`badgesmith verify --json` printed no report with checks:\n{out!r}")
        return report


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


def json_out(proc: subprocess.CompletedProcess, what: str) -> dict:
    try:
        return json.loads(proc.stdout)
    except ValueError as e:
        pytest.fail(f"{what} printed invalid JSON ({e}):\n{proc.stdout!r}", pytrace=False)


@dataclass(frozen=True)
class Reference:
    """tests/interop/reference.mjs: Digital Bazaar's VC libraries and jose, run with node."""

    node: str

    def sign(self, credential: Path, *, suite: str, seed: str, created: str | None = None, vm: str | None = None) -> str:
        args: list[str | Path] = [self.node, REFERENCE, "sign", "--suite", suite, "--seed", seed]
        if created is not None:
            args += ["--created", created]
        if vm is not None:
            args += ["--vm", vm]
        return run([*args, credential]).stdout.decode("utf-8")

    def verify(self, file: Path) -> dict:
        """{"verified": bool, "error": str | None, "proofs": [...]}; exit 0 or 1 must match `verified`."""
        proc = run([self.node, REFERENCE, "verify", file], expect=(0, 1))
        result = json_out(proc, f"`reference.mjs verify {file}`")
        assert result.get("verified") is (proc.returncode == 0), f"exit {proc.returncode} but {result}"
        return result

    def generate(self, out_dir: Path) -> dict:
        run([self.node, REFERENCE_FIXTURES, out_dir])
        return json.loads((out_dir / "manifest.json").read_text("utf-8"))


@dataclass(frozen=True)
class RustSigner:
    """Our signer: `cargo run -p badgesmith-credential --example sign`, built once."""

    path: Path

    def sign(self, credential: Path, *, suite: str, seed: str, created: str | None = None, vm: str | None = None) -> str:
        args: list[str | Path] = [self.path, "--seed", seed, "--suite", suite]
        if created is not None:
            args += ["--created", created]
        if vm is not None:
            args += ["--vm", vm]
        return run(args, stdin=credential.read_bytes()).stdout.decode("utf-8")


@pytest.fixture(scope="session")
def commands():
    """`run` and `json_out`, for test modules (which must not import this file:
    the end-to-end tests' conftest has the same module name)."""
    import types

    return types.SimpleNamespace(run=run, json_out=json_out)


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
def reference() -> Reference:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the npm side of the interop tests needs Node.js", pytrace=False)
    for package in REFERENCE_PACKAGES:
        if not (HERE / "node_modules" / package / "package.json").is_file():
            pytest.fail(
                f"tests/interop/node_modules/{package} is missing: run `npm ci` in tests/interop",
                pytrace=False,
            )
    return Reference(node)


@pytest.fixture(scope="session")
def reference_fixtures(reference, tmp_path_factory) -> tuple[Path, dict]:
    """The credentials fixtures.mjs signs with the reference stack: their
    directory and its manifest.json."""
    out = tmp_path_factory.mktemp("reference-signed")
    return out, reference.generate(out)


@pytest.fixture(scope="session")
def rust_signer() -> RustSigner:
    cargo = shutil.which("cargo")
    if cargo is None:
        pytest.fail("cargo is not on PATH: building the signing example needs it", pytrace=False)
    run([cargo, "build", "-q", "-p", "badgesmith-credential", "--example", "sign"], cwd=ROOT, timeout=3600)
    if not SIGN_EXAMPLE.is_file():
        pytest.fail(f"cargo built no {SIGN_EXAMPLE}", pytrace=False)
    return RustSigner(SIGN_EXAMPLE)


@pytest.fixture(scope="session")
def vector():
    """Returns the path of a public test vector, failing the test if it is missing."""

    def get(relative: str) -> Path:
        path = VECTORS / relative
        if not path.is_file():
            pytest.fail(f"test vector {path.relative_to(ROOT)} is missing", pytrace=False)
        return path

    return get
