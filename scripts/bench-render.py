#!/usr/bin/env python3
"""Compares badge rendering speed: Badgesmith (criterion results of the
`render` bench: design → PNG bytes at 512 px) against cairosvg rendering
Badgesmith's own SVG of the same template (text as outlines) to PNG at 512 px.

    target/pyenv/bin/python scripts/bench-render.py [--cargo-bench] [--iterations N]

--cargo-bench runs `cargo bench -p badgesmith-art --bench render` first;
otherwise the latest results under target/criterion/ are read. Needs a built
`badgesmith` (target/release or target/debug) and cairosvg (tests/requirements.txt).
Prints one row per template with both medians and the ratio, then the overall
medians. Exits 1 when results are missing, 2 on other errors.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted((ROOT / "crates" / "art" / "templates").glob("*.badgedesign.json"))
SIZE = 512


class BenchError(Exception):
    """A one-sentence reason the comparison could not be made."""


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def binary() -> Path:
    for profile in ("release", "debug"):
        path = target_dir() / profile / "badgesmith"
        if path.is_file():
            return path
    raise BenchError("badgesmith is not built: run `cargo build --release -p badgesmith` first.")


def median_ms(group: str, template: str) -> float | None:
    path = target_dir() / "criterion" / group / template / "new" / "estimates.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text())["median"]["point_estimate"] / 1e6


def cairosvg_ms(svg: bytes, iterations: int) -> float:
    import cairosvg

    cairosvg.svg2png(bytestring=svg)  # warm up
    times = []
    for _ in range(iterations):
        start = time.perf_counter()
        cairosvg.svg2png(bytestring=svg)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cargo-bench", action="store_true", help="run the Rust benchmarks first")
    parser.add_argument("--iterations", type=int, default=30, help="cairosvg renders per template")
    args = parser.parse_args()
    try:
        import cairosvg  # noqa: F401
    except ImportError:
        print("cairosvg is not installed: target/pyenv/bin/pip install -r tests/requirements.txt", file=sys.stderr)
        return 2
    if args.cargo_bench:
        cargo = shutil.which("cargo")
        if cargo is None:
            print("cargo is not on PATH.", file=sys.stderr)
            return 2
        subprocess.run([cargo, "bench", "-p", "badgesmith-art", "--bench", "render"], cwd=ROOT, check=True)
    try:
        exe = binary()
    except BenchError as e:
        print(e, file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for template in TEMPLATES:
            tid = template.name.removesuffix(".badgedesign.json")
            ours = median_ms("template-512", tid)
            preview = median_ms("preview-512-no-shadow", tid)
            if ours is None or preview is None:
                print(f"No criterion results for {tid}: run with --cargo-bench.", file=sys.stderr)
                return 1
            svg = Path(tmp) / f"{tid}.svg"
            subprocess.run([exe, "render", template, "-o", svg, "--size", str(SIZE)], check=True)
            theirs = cairosvg_ms(svg.read_bytes(), args.iterations)
            rows.append((tid, ours, preview, theirs))
    print(f"{'template':<24} {'badgesmith':>11} {'no shadow':>10} {'cairosvg':>10} {'ratio':>7}")
    for tid, ours, preview, theirs in rows:
        print(f"{tid:<24} {ours:>8.2f} ms {preview:>7.2f} ms {theirs:>7.2f} ms {theirs / ours:>6.1f}x")
    ours_all = statistics.median(r[1] for r in rows)
    preview_all = statistics.median(r[2] for r in rows)
    theirs_all = statistics.median(r[3] for r in rows)
    worst = min(r[3] / r[1] for r in rows)
    print(
        f"\nmedian over {len(rows)} templates: badgesmith {ours_all:.2f} ms, preview without shadow "
        f"{preview_all:.2f} ms (slowest {max(r[2] for r in rows):.2f} ms), cairosvg {theirs_all:.2f} ms; "
        f"ratio of medians {theirs_all / ours_all:.1f}x, lowest per-template ratio {worst:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
