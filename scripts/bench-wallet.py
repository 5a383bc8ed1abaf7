#!/usr/bin/env python3
"""Times importing 10,000 baked badges into an empty wallet with a release
build, against the target of 20 seconds.

    python3 scripts/bench-wallet.py [--binary PATH] [--runs 3] [--count 10000] [--ob2-share 0.2]

Without --binary it uses target/release/badgesmith (under $CARGO_TARGET_DIR
when set), brought up to date with cargo first. It makes the badges first:
in a temporary home it creates an issuer and an achievement from the
gold-award template and issues signed Open Badges 3.0 PNGs (512 px,
eddsa-rdfc-2022) to a CSV of distinct recipients; the rest (--ob2-share, 20 %
by default) are Open Badges 2.0 assertions, each distinct, baked into a copy
of a PNG from the bundled test vectors. Then it runs `badgesmith wallet import
FOLDER --json` --runs times, each into a fresh, empty home, and checks that
every badge was added. Each run's wall time includes starting the process,
walking the folder, reading, unbaking, verifying (offline), describing,
drawing a thumbnail of and storing every badge. Everything is deleted at the
end. Exits 1 when a run fails, 2 on other errors.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from benchlib import ROOT, BenchError, cli, release_binary

TARGET_SECONDS = 20.0
TEMPLATE = "gold-award"
PASSPHRASE = "bench passphrase, not a secret"
OB2_IMAGE = ROOT / "tests/fixtures/vectors/1edtech-validator/ob20/simple-badge.png"


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bake_ob2(image: bytes, assertion: str) -> bytes:
    """The image with an uncompressed iTXt chunk `openbadges` right after IHDR
    (and any badge chunk it had removed)."""
    out = bytearray(image[:8])
    pos = 8
    while pos < len(image):
        (length,) = struct.unpack(">I", image[pos:pos + 4])
        kind = image[pos + 4:pos + 8]
        end = pos + 12 + length
        data = image[pos + 8:pos + 8 + length]
        if not (kind in (b"iTXt", b"tEXt", b"zTXt") and data.split(b"\0", 1)[0] == b"openbadges"):
            out += image[pos:end]
        if kind == b"IHDR":
            out += png_chunk(b"iTXt", b"openbadges\0\0\0\0\0" + assertion.encode())
        pos = end
    return bytes(out)


def make_corpus(exe: Path, env: dict[str, str], folder: Path, ob3: int, ob2: int) -> None:
    issuer = json.loads(cli(exe, env, "issuer", "new", "--name", "Bench Institute", "--json"))
    achievement = json.loads(cli(
        exe, env, "achievement", "new", "--issuer", issuer["id"], "--name", "Bench Award",
        "--description", "Issued by the benchmark.", "--criteria", "Be in the CSV.",
        "--design", f"template:{TEMPLATE}", "--json",
    ))
    recipients = folder.parent / "recipients.csv"
    with recipients.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["email", "name"])
        for i in range(ob3):
            writer.writerow([f"learner{i:05d}@bench.example.org", f"Learner {i:05d}"])
    cli(exe, env, "issue", "--achievement", achievement["id"], "--csv", recipients, "-o", folder / "ob3", "--json")
    (folder / "ob3" / "manifest.csv").unlink()
    image = OB2_IMAGE.read_bytes()
    ob2_dir = folder / "ob2"
    ob2_dir.mkdir()
    for i in range(ob2):
        assertion = json.dumps({
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Assertion",
            "id": f"https://bench.example.org/assertions/{i}",
            "recipient": {"type": "email", "hashed": False, "identity": f"learner{i:05d}@bench.example.org"},
            "badge": {
                "type": "BadgeClass", "id": f"https://bench.example.org/badges/{i % 40}",
                "name": f"Bench Skill {i % 40}", "description": "A badge class of the benchmark.",
                "image": "https://bench.example.org/badge.png",
                "criteria": {"narrative": "Take part."},
                "issuer": {"type": "Profile", "id": "https://bench.example.org/issuer",
                           "name": "Bench Academy", "url": "https://bench.example.org"},
            },
            "verification": {"type": "hosted"},
            "issuedOn": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00Z",
        })
        (ob2_dir / f"ob2-{i:05d}.png").write_bytes(bake_ob2(image, assertion))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path, help="the badgesmith binary (default: the release build)")
    parser.add_argument("--runs", type=int, default=3, help="how many imports to time (default 3)")
    parser.add_argument("--count", type=int, default=10_000, help="badges to import (default 10000)")
    parser.add_argument("--ob2-share", type=float, default=0.2, help="the share of OB 2.0 badges (default 0.2)")
    args = parser.parse_args()
    if args.runs < 1 or args.count < 1 or not 0 <= args.ob2_share <= 1:
        print("--runs and --count must be at least 1, --ob2-share between 0 and 1.", file=sys.stderr)
        return 2
    try:
        exe = args.binary.resolve() if args.binary else release_binary()
        if not exe.is_file():
            raise BenchError(f"{exe} does not exist.")
    except (BenchError, subprocess.CalledProcessError) as e:
        print(e, file=sys.stderr)
        return 2

    work = Path(tempfile.mkdtemp(prefix="badgesmith-bench-"))
    env = {**os.environ, "BADGESMITH_HOME": str(work / "issuer-home"), "BADGESMITH_PASSPHRASE": PASSPHRASE}
    ob2 = round(args.count * args.ob2_share)
    ob3 = args.count - ob2
    folder = work / "badges"
    folder.mkdir()
    times = []
    try:
        print(f"Making {ob3} signed OB 3.0 PNGs and {ob2} OB 2.0 PNGs …", flush=True)
        make_corpus(exe, env, folder, ob3, ob2)
        size = sum(p.stat().st_size for p in folder.rglob("*.png"))
        print(f"badgesmith {exe}")
        print(f"{os.cpu_count()} cores; {args.count} files, {size / 2**20:.0f} MiB\n")
        print(f"{'run':>3} {'wall':>9} {'badges/s':>9} {'database':>10}")
        for run in range(1, args.runs + 1):
            home = work / f"wallet-{run}"
            run_env = {**os.environ, "BADGESMITH_HOME": str(home)}
            start = time.perf_counter()
            report = json.loads(cli(exe, run_env, "wallet", "import", folder, "--json"))
            wall = time.perf_counter() - start
            if report["added"] != args.count:
                raise BenchError(f"run {run} added {report['added']} of {args.count} badges.")
            db = sum(p.stat().st_size for p in home.glob("badgesmith.db*"))
            shutil.rmtree(home)
            times.append(wall)
            print(f"{run:>3} {wall:>7.2f} s {args.count / wall:>9.0f} {db / 2**20:>6.0f} MiB", flush=True)
    except BenchError as e:
        print(e, file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)

    wall = statistics.median(times)
    print(
        f"\nmedian of {len(times)}: {wall:.2f} s for {args.count} badges, {args.count / wall:.0f} badges/s "
        f"({TARGET_SECONDS / wall:.1f}x under the target of {TARGET_SECONDS:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
