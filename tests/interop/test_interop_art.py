"""Our exported SVG, drawn by another renderer (cairosvg), looks like our PNG.

`badgesmith render T.badgedesign.json -o T.svg` writes text as outlines and
embeds nothing but paths, gradients and filters, so any SVG renderer should
draw what `badgesmith render -o T.png` draws. cairosvg does not implement
feDropShadow, so shadows are left out of the comparison by comparing designs
without them.
"""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

cairosvg = pytest.importorskip("cairosvg")
from PIL import Image, ImageChops, ImageStat  # noqa: E402  (cairosvg brings Pillow)

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "crates" / "art" / "templates").glob("*.badgedesign.json"))
SIZE = 256


def run(args: list) -> None:
    proc = subprocess.run([str(a) for a in args], capture_output=True, timeout=120)
    assert proc.returncode == 0, f"{args} exited {proc.returncode}: {proc.stderr.decode(errors='replace')}"


def without_shadows(src: Path, dst: Path) -> Path:
    design = json.loads(src.read_text(encoding="utf-8"))
    for layer in design["layers"]:
        layer.pop("shadow", None)
    dst.write_text(json.dumps(design), encoding="utf-8")
    return dst


def test_there_are_templates_to_compare():
    assert len(TEMPLATES) >= 12


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name.removesuffix(".badgedesign.json"))
def test_cairosvg_draws_our_svg_like_our_png(badgesmith, tmp_path, template):
    design = without_shadows(template, tmp_path / "design.badgedesign.json")
    svg = tmp_path / "badge.svg"
    png = tmp_path / "badge.png"
    run([badgesmith.path, "render", design, "-o", svg, "--size", str(SIZE)])
    run([badgesmith.path, "render", design, "-o", png, "--size", str(SIZE)])

    theirs = Image.open(io.BytesIO(cairosvg.svg2png(bytestring=svg.read_bytes()))).convert("RGBA")
    ours = Image.open(png).convert("RGBA")
    assert theirs.size == ours.size == (SIZE, SIZE)

    # Where the badge is: the alpha masks agree almost everywhere.
    a_ours = ours.getchannel("A").point(lambda v: 255 if v > 127 else 0)
    a_theirs = theirs.getchannel("A").point(lambda v: 255 if v > 127 else 0)
    differing = sum(ImageChops.difference(a_ours, a_theirs).histogram()[255:])
    covered = sum(a_ours.histogram()[255:])
    assert covered > SIZE * SIZE // 10, "the badge covers a good part of the image"
    assert differing / covered < 0.02, f"{differing} of {covered} pixels differ in coverage"

    # What is drawn there: colours agree on average (edges are antialiased differently).
    diff = ImageChops.difference(ours.convert("RGB"), theirs.convert("RGB"))
    mean = sum(ImageStat.Stat(diff, mask=a_ours).mean) / 3
    assert mean < 6.0, f"mean colour difference {mean:.2f} of 255"
