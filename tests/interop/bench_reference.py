#!/usr/bin/env python3
"""Compares eddsa-rdfc-2022 signing and verification speed: Badgesmith's Rust
crate (criterion results of the `credential` bench) against the reference npm
stack (`node reference.mjs bench`), on the 1EdTech OB 3.0 test vector.

    python3 tests/interop/bench_reference.py [--iterations N] [--cargo-bench]

--cargo-bench runs `cargo bench -p badgesmith-credential --bench credential --
eddsa-rdfc-2022` first; otherwise the latest criterion results under
target/criterion/ are read. Prints a table of medians, rates and the ratio.
Exits 1 if the criterion results are missing, 2 on other errors.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference.mjs"
CREDENTIAL = ROOT / "tests" / "fixtures" / "vectors" / "1edtech-ob-spec" / "ldp-testvector-obv3p0" / "unsigned.json"
GROUP = "eddsa-rdfc-2022"
OPERATIONS = ("sign", "verify")


class BenchError(Exception):
    """A one-sentence reason the comparison could not be made."""


def criterion_dir() -> Path:
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "criterion"


def run_cargo_bench() -> None:
    cargo = shutil.which("cargo")
    if cargo is None:
        raise BenchError("cargo is not on PATH, so --cargo-bench cannot run the Rust benchmarks.")
    proc = subprocess.run(
        [cargo, "bench", "-p", "badgesmith-credential", "--bench", "credential", "--", GROUP],
        cwd=ROOT,
        check=False,
    )
    if proc.returncode != 0:
        raise BenchError(f"`cargo bench` exited {proc.returncode}.")


def reference_medians(iterations: int) -> dict:
    node = shutil.which("node")
    if node is None:
        raise BenchError("node is not on PATH, so the reference benchmark cannot run.")
    proc = subprocess.run(
        [node, REFERENCE, "bench", "--iterations", str(iterations), CREDENTIAL],
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip() or f"exit {proc.returncode}"
        raise BenchError(f"the reference benchmark failed: {message}")
    try:
        result = json.loads(proc.stdout)
        return {"sign": float(result["sign_ms_median"]), "verify": float(result["verify_ms_median"])}
    except (ValueError, KeyError, TypeError) as e:
        raise BenchError(f"the reference benchmark printed no medians ({e}).") from e


def rust_median_ms(operation: str) -> float | None:
    """The criterion median point estimate, in ms, or None if there is none."""
    path = criterion_dir() / GROUP / operation / "new" / "estimates.json"
    if not path.is_file():
        return None
    try:
        estimates = json.loads(path.read_text("utf-8"))
        return float(estimates["median"]["point_estimate"]) / 1e6
    except (ValueError, KeyError, TypeError) as e:
        raise BenchError(f"{path} holds no median estimate ({e}).") from e


def rate(ms: float | None) -> str:
    return "—" if ms is None or ms <= 0 else f"{1000 / ms:,.0f}/s"


def ms_text(ms: float | None) -> str:
    return "—" if ms is None else f"{ms:.3f} ms"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=200, help="timed iterations of the reference (default 200)")
    parser.add_argument("--cargo-bench", action="store_true", help="run the Rust criterion benchmarks first")
    args = parser.parse_args(argv)
    if args.iterations < 1:
        parser.error("--iterations must be a positive whole number")

    try:
        if args.cargo_bench:
            run_cargo_bench()
        js = reference_medians(args.iterations)
        rust = {op: rust_median_ms(op) for op in OPERATIONS}
    except BenchError as e:
        print(f"bench_reference.py: {e}", file=sys.stderr)
        return 2

    print(f"eddsa-rdfc-2022 on {CREDENTIAL.relative_to(ROOT)} (medians; node {args.iterations} iterations)")
    header = ("operation", "badgesmith (Rust)", "rate", "reference (node)", "rate", "node / Rust")
    rows = []
    for op in OPERATIONS:
        ratio = "—" if rust[op] is None or rust[op] <= 0 else f"{js[op] / rust[op]:.1f}×"
        rows.append((op, ms_text(rust[op]), rate(rust[op]), ms_text(js[op]), rate(js[op]), ratio))
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    for row in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())

    missing = [op for op in OPERATIONS if rust[op] is None]
    if missing:
        where = criterion_dir() / GROUP
        print(
            f"bench_reference.py: no criterion results for {', '.join(f'{GROUP}/{op}' for op in missing)} "
            f"under {where}; run with --cargo-bench.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
