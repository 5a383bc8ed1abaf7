#!/usr/bin/env python3
"""Times issuing 10,000 badges from a CSV to baked PNGs with a release build,
against the target of 1,000 badges per second.

    python3 scripts/bench-issue.py [--binary PATH] [--runs 3] [--count 10000]

Without --binary it uses target/release/badgesmith (under $CARGO_TARGET_DIR
when set), brought up to date with `cargo build --release -p badgesmith`
first. In a temporary home it creates an issuer (with a status-list
URL, so every badge is revocable) and an achievement from the gold-award
template, writes a CSV of distinct recipients (e-mail and name; every fifth
with an evidence URL), then runs `badgesmith issue --csv … --json` --runs
times, each into a fresh output folder (a new batch each time). Each run's
wall time includes starting the process, checking the CSV and unlocking the
key; the batch's own time, as the CLI reports it, is shown beside it. Output
folders are deleted after each run and the home at the end. Exits 1 when a
run fails, 2 on other errors.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import BenchError, cli, release_binary

TARGET_RATE = 1000.0  # badges per second
TEMPLATE = "gold-award"
PASSPHRASE = "bench passphrase, not a secret"


def write_csv(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["email", "name", "evidence_url"])
        for i in range(count):
            evidence = f"https://bench.example.org/evidence/{i}" if i % 5 == 0 else ""
            writer.writerow([f"recipient{i:05d}@bench.example.org", f"Recipient {i:05d}", evidence])


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) of the PNGs in a folder."""
    sizes = [p.stat().st_size for p in path.iterdir() if p.suffix == ".png"]
    return sum(sizes), len(sizes)


def human(size: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path, help="the badgesmith binary (default: the release build)")
    parser.add_argument("--runs", type=int, default=3, help="how many batches to time (default 3)")
    parser.add_argument("--count", type=int, default=10_000, help="recipients in the CSV (default 10000)")
    args = parser.parse_args()
    if args.runs < 1 or args.count < 1:
        print("--runs and --count must be at least 1.", file=sys.stderr)
        return 2
    try:
        exe = args.binary.resolve() if args.binary else release_binary()
        if not exe.is_file():
            raise BenchError(f"{exe} does not exist.")
    except (BenchError, subprocess.CalledProcessError) as e:
        print(e, file=sys.stderr)
        return 2

    home = Path(tempfile.mkdtemp(prefix="badgesmith-bench-"))
    env = {**os.environ, "BADGESMITH_HOME": str(home / "home"), "BADGESMITH_PASSPHRASE": PASSPHRASE}
    rows = []
    try:
        issuer = json.loads(cli(
            exe, env, "issuer", "new", "--name", "Bench Institute",
            "--status-list-url", "https://bench.example.org/status/1", "--json",
        ))
        achievement = json.loads(cli(
            exe, env, "achievement", "new", "--issuer", issuer["id"], "--name", "Bench Award",
            "--description", "Issued by the benchmark.", "--criteria", "Be in the CSV.",
            "--design", f"template:{TEMPLATE}", "--json",
        ))
        recipients = home / "recipients.csv"
        write_csv(recipients, args.count)
        print(f"badgesmith {exe}")
        print(f"{os.cpu_count()} cores; {args.count} recipients; PNG 512 px, eddsa-rdfc-2022, template {TEMPLATE}\n")
        print(f"{'run':>3} {'wall':>9} {'badges/s':>9} {'batch':>9} {'badges/s':>9} {'folder':>10} {'per file':>9}")
        for run in range(1, args.runs + 1):
            out = home / f"out-{run}"
            start = time.perf_counter()
            outcome = json.loads(cli(
                exe, env, "issue", "--achievement", achievement["id"], "--csv", recipients, "-o", out, "--json",
            ))
            wall = time.perf_counter() - start
            if outcome["issued"] != args.count or outcome["cancelled"]:
                raise BenchError(f"run {run} issued {outcome['issued']} of {args.count} badges.")
            size, files = folder_size(out)
            if files != args.count:
                raise BenchError(f"run {run} wrote {files} PNG files, not {args.count}.")
            shutil.rmtree(out)
            rows.append((wall, outcome["seconds"], size))
            print(
                f"{run:>3} {wall:>7.2f} s {args.count / wall:>9.0f} {outcome['seconds']:>7.2f} s "
                f"{args.count / outcome['seconds']:>9.0f} {human(size):>10} {human(size / files):>9}",
                flush=True,
            )
    except BenchError as e:
        print(e, file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(home, ignore_errors=True)

    wall = statistics.median(r[0] for r in rows)
    batch = statistics.median(r[1] for r in rows)
    rate = args.count / wall
    print(
        f"\nmedian of {len(rows)}: {wall:.2f} s wall, {rate:.0f} badges/s "
        f"({rate / TARGET_RATE:.2f}x the target of {TARGET_RATE:.0f}/s); "
        f"batch alone {batch:.2f} s, {args.count / batch:.0f} badges/s ({args.count / batch / TARGET_RATE:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
