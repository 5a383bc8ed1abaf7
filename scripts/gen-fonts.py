#!/usr/bin/env python3
"""Assemble and verify the badge fonts in crates/art/assets/fonts/.

Usage: python3 scripts/gen-fonts.py DIR

DIR holds one folder per family slug, each with the extracted package
@expo-google-fonts/<slug> in it (DIR/<slug>/package/...), e.g.

    mkdir -p DIR/inter && cd DIR/inter && npm pack @expo-google-fonts/inter@0.4.2 && tar xzf *.tgz

Needs fontTools (pip install fonttools). The TTF files are copied byte-exact:
several of them carry a Reserved Font Name, so they must never be subset or
otherwise modified. The script checks each file (family name, weight class,
outlines, Latin-1 coverage) and writes OFL.txt per family, index.json and
SOURCES.md. It fails on any check that does not hold.
"""

import hashlib
import json
import os
import re
import shutil
import sys

from fontTools.ttLib import TTFont

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "crates", "art", "assets", "fonts")

# slug, family, category, Google Fonts directory (google/fonts repo), description
FAMILIES = [
    ("inter", "Inter", "sans-serif", "ofl/inter",
     "Clean, highly legible sans for companies, tech skills and small print"),
    ("montserrat", "Montserrat", "sans-serif", "ofl/montserrat",
     "Geometric sans with wide capitals for bold, modern badge titles"),
    ("oswald", "Oswald", "condensed", "ofl/oswald",
     "Condensed gothic that fits long titles; sports teams and banners"),
    ("merriweather", "Merriweather", "serif", "ofl/merriweather",
     "Sturdy, readable serif for schools, courses and academic credentials"),
    ("playfair-display", "Playfair Display", "serif", "ofl/playfairdisplay",
     "Elegant high-contrast serif for certificates and awards"),
    ("nunito", "Nunito", "rounded", "ofl/nunito",
     "Friendly rounded sans for youth groups, clubs and volunteering"),
    ("lato", "Lato", "sans-serif", "ofl/lato",
     "Warm, neutral humanist sans for organisations and everyday badges"),
    ("cinzel", "Cinzel", "display", "ofl/cinzel",
     "Classical Roman capitals (caps only) for honours and ceremonial badges"),
    ("fredoka", "Fredoka", "rounded", "ofl/fredoka",
     "Playful, chunky rounded letters for children, games and fun achievements"),
    ("raleway", "Raleway", "sans-serif", "ofl/raleway",
     "Stylish sans with elegant capitals for arts, events and headings"),
]
WEIGHTS = [(400, "400Regular", "Regular"), (700, "700Bold", "Bold")]
LATIN1 = list(range(0x20, 0x7F)) + list(range(0xC0, 0x100))
OFL_START = "This Font Software is licensed under the SIL Open Font License"


def fail(msg):
    sys.exit(f"gen-fonts: {msg}")


def name(font, name_id):
    rec = font["name"].getName(name_id, 3, 1, 0x409) or font["name"].getName(name_id, 1, 0, 0)
    return str(rec) if rec is not None else None


def check(path, family, weight):
    font = TTFont(path)
    fam = name(font, 16) or name(font, 1)
    if fam != family:
        fail(f"{path}: family name is {fam!r}, expected {family!r}")
    wc = font["OS/2"].usWeightClass
    if wc != weight:
        fail(f"{path}: usWeightClass is {wc}, expected {weight}")
    if "glyf" not in font and "CFF " not in font:
        fail(f"{path}: neither glyf nor CFF outlines")
    if "fvar" in font:
        fail(f"{path}: is a variable font, expected a static instance")
    cmap = font.getBestCmap()
    missing = [f"U+{c:04X}" for c in LATIN1 if c not in cmap]
    if missing:
        fail(f"{path}: Latin-1 coverage lacks {', '.join(missing)}")
    if font["OS/2"].fsType != 0:
        fail(f"{path}: fsType {font['OS/2'].fsType} is not installable embedding")
    copyright_ = name(font, 0)
    if not copyright_:
        fail(f"{path}: no copyright (nameID 0)")
    lic = name(font, 13) or ""
    if "Open Font License" not in lic and "Open Font License" not in copyright_:
        fail(f"{path}: licence description (nameID 13) does not name the OFL")
    return {
        "copyright": copyright_,
        "version": name(font, 5),
        "glyphs": len(font.getGlyphOrder()),
        "outlines": "glyf" if "glyf" in font else "CFF",
    }


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    if len(sys.argv) != 2:
        fail("usage: gen-fonts.py DIR")
    src = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    index, sources, total = [], [], 0
    for slug, family, category, gf_dir, description in FAMILIES:
        pkg = os.path.join(src, slug, "package")
        with open(os.path.join(pkg, "package.json")) as f:
            pj = json.load(f)
        if pj["name"] != f"@expo-google-fonts/{slug}":
            fail(f"{pkg}: package is {pj['name']}")
        if "OFL-1.1" not in pj.get("license", ""):
            fail(f"{pkg}: licence {pj.get('license')} does not include OFL-1.1")
        with open(os.path.join(pkg, "metadata.json")) as f:
            meta = json.load(f)
        stem = family.replace(" ", "")
        os.makedirs(os.path.join(OUT, slug), exist_ok=True)
        files, copyrights, infos = {}, [], []
        for weight, folder, style in WEIGHTS:
            srcfile = os.path.join(pkg, folder, f"{stem}_{folder}.ttf")
            info = check(srcfile, family, weight)
            rel = f"{slug}/{stem}-{style}.ttf"
            dst = os.path.join(OUT, rel)
            shutil.copyfile(srcfile, dst)
            if sha256(dst) != sha256(srcfile):
                fail(f"{dst}: copy differs from {srcfile}")
            files[str(weight)] = rel
            size = os.path.getsize(dst)
            total += size
            infos.append((rel, size, sha256(dst), info))
            if info["copyright"] not in copyrights:
                copyrights.append(info["copyright"])

        # OFL.txt: the fonts' own copyright lines, then the package's licence
        # file (its copyright line, where it says more, and the OFL 1.1 text).
        with open(os.path.join(pkg, "LICENSE_FONT"), encoding="utf-8") as f:
            shipped = f.read().replace("\r\n", "\n")
        at = shipped.find(OFL_START)
        if at < 0 or "SIL OPEN FONT LICENSE Version 1.1" not in shipped:
            fail(f"{pkg}/LICENSE_FONT is not the OFL 1.1")
        head = [l.strip() for l in shipped[:at].splitlines() if l.strip()]
        seen = {c.rstrip(".") for c in copyrights}
        lines = copyrights + [l for l in head if l.rstrip(".") not in seen]
        ofl = "\n".join(lines) + "\n\n" + shipped[at:].rstrip("\n") + "\n"
        with open(os.path.join(OUT, slug, "OFL.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write(ofl)

        rfn = sorted(set(re.findall(r'Reserved Font Names?\s+"([^"]+)"', "\n".join(lines))))
        index.append({
            "family": family,
            "slug": slug,
            "category": category,
            "files": files,
            "description": description,
        })
        sources.append((slug, family, pj["version"], meta.get("version"), gf_dir, lines, rfn, infos))

    with open(os.path.join(OUT, "index.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(index, f, indent=2, ensure_ascii=False)
        f.write("\n")

    md = [
        "# Badge fonts: sources",
        "",
        f"{len(FAMILIES)} families, each a static Regular (400) and Bold (700) TrueType file, "
        f"{total:,} bytes of font files in all. Every font is licensed under the "
        "SIL Open Font License 1.1 (OFL-1.1); each family's folder holds its OFL.txt "
        "(the font's copyright lines, then the licence text).",
        "",
        "The files come from the `@expo-google-fonts/<slug>` packages (licence `MIT AND OFL-1.1`: "
        "the package code is MIT, the fonts are OFL-1.1), which ship the static instances "
        "that Google Fonts serves. They are copied **byte-exact**: no subsetting, no "
        "renaming inside the font, no other change. Several carry a Reserved Font Name; "
        "a modified version of those could not keep the name, so keep every file as it is.",
        "",
        "Every file was checked with fontTools: family name (nameID 16, else 1) and "
        "OS/2 usWeightClass as listed, glyf outlines, static (no fvar), installable "
        "embedding (fsType 0) and a cmap covering U+0020–U+007E and U+00C0–U+00FF.",
        "",
        "To regenerate: for each slug, `npm pack @expo-google-fonts/<slug>@<version>` into "
        "`DIR/<slug>/` and extract it there, then `python3 scripts/gen-fonts.py DIR` "
        "(needs `pip install fonttools`).",
        "",
        "`index.json` lists the families for the designer: family, slug, category, "
        "files per weight, and a one-line description.",
        "",
    ]
    for slug, family, pkg_ver, gf_ver, gf_dir, lines, rfn, infos in sources:
        md += [
            f"## {family}",
            "",
            f"- Package: `@expo-google-fonts/{slug}` {pkg_ver}",
            f"- Upstream: Google Fonts, `google/fonts` repository, `{gf_dir}` (Google Fonts {gf_ver})",
            f"- Font version: {infos[0][3]['version']}",
            "- Licence: OFL-1.1 (`" + slug + "/OFL.txt`)",
            "- Copyright: " + " / ".join(lines),
            "- Reserved Font Name: " + (", ".join(f'"{n}"' for n in rfn) + " (do not modify these files)" if rfn else "none"),
            "",
            "| File | Bytes | SHA-256 |",
            "| --- | ---: | --- |",
        ]
        for rel, size, digest, _ in infos:
            md.append(f"| `{rel}` | {size:,} | `{digest}` |")
        md.append("")
    md += [f"Total: {total:,} bytes in {2 * len(FAMILIES)} files.", ""]
    with open(os.path.join(OUT, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(md))
    print(f"{len(FAMILIES)} families, {2 * len(FAMILIES)} files, {total} bytes")


if __name__ == "__main__":
    main()
