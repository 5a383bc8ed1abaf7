"""Badgesmith's baking against other implementations.

- openbadges-bakery (PyPI, the Python baker used by Badgr/Concentric Sky) for
  Open Badges 2.0 assertions in PNG and SVG, both ways.
- png-chunks-extract / png-chunks-encode / png-itxt (npm), driven by
  png_chunks.mjs, for Open Badges 3.0 credentials in PNG iTXt chunks, both ways.

Every comparison is of exact text unless a comment says otherwise.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from xml.dom import minidom

import openbadges_bakery
import pytest

OB2_NS = "http://openbadges.org"
OB3_NS = "https://purl.imsglobal.org/ob/v3p0"
BADGE_KEYWORDS = {"openbadges", "openbadgecredential"}

# openbadges-bakery checks URLs with a deprecated rfc3986 API; not our concern.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Please use rfc3986.validators.Validator instead:DeprecationWarning"
)

PNG_IMAGES = [
    "legacy-baked/mozilla-openbadges-bakery/unbaked.png",
    "legacy-baked/concentricsky-openbadges-bakery/public_domain_heart.png",
]
SVG_IMAGES = [
    "legacy-baked/mozilla-openbadges-bakery/unbaked.svg",
    "legacy-baked/concentricsky-openbadges-bakery/unbaked_example.svg",
]


def short(path: str) -> str:
    return Path(path).name


# --- credentials ------------------------------------------------------------

ASSERTION_ID = "https://chess.example.org/assertions/5c1d0e9a-2f4b-4c8e-9a51-3d7e2b6f8a10"


def ob2_assertion() -> dict:
    """A hosted OB 2.0 assertion: the JSON lives at its `id` URL."""
    salt = "a1b2c3d4e5"
    email = "ana.garcia@example.com"
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": ASSERTION_ID,
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": salt,
            "identity": "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest(),
        },
        "badge": "https://chess.example.org/badges/endgame-study.json",
        "verification": {"type": "HostedBadge"},
        "issuedOn": "2024-05-01T12:00:00+00:00",
        "evidence": {
            "id": "https://chess.example.org/games/8841",
            "narrative": "Held a rook endgame a pawn down — «Café» ♔ analysis, 42 moves.",
        },
    }


def ob2_text() -> str:
    return json.dumps(ob2_assertion(), indent=2, ensure_ascii=False) + "\n"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def ob2_jws() -> str:
    """A signed OB 2.0 assertion as a compact JWS. The signature is well formed
    but not a real RS256 signature: nothing here verifies it."""
    assertion = ob2_assertion()
    assertion["id"] = "urn:uuid:5c1d0e9a-2f4b-4c8e-9a51-3d7e2b6f8a10"
    assertion["verification"] = {
        "type": "SignedBadge",
        "creator": "https://chess.example.org/keys/1.json",
    }
    header = b64url(json.dumps({"alg": "RS256"}).encode())
    payload = b64url(json.dumps(assertion, ensure_ascii=False).encode())
    signature = b64url(hashlib.sha512(payload.encode()).digest() * 4)
    return f"{header}.{payload}.{signature}"


def ob3_credential() -> dict:
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:9b3c7f2e-1d4a-4e8b-b6c5-0a2f9e8d7c61",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": "https://chess.example.org/issuers/montreal",
            "type": ["Profile"],
            "name": "Club d'échecs de Montréal",
        },
        "validFrom": "2024-05-01T12:00:00Z",
        "name": "Café — ♔ Endgame",
        "credentialSubject": {
            "id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://chess.example.org/achievements/cafe-endgame",
                "type": ["Achievement"],
                "name": "Café — ♔ Endgame",
                "description": "Converts a won king-and-pawn endgame against the clock. 🏆",
                "criteria": {"narrative": "Win three endgames from the café table: ♔♙ vs ♚."},
            },
        },
    }


def ob3_text() -> str:
    return json.dumps(ob3_credential(), indent=2, ensure_ascii=False) + "\n"


def write_text(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


# --- openbadges-bakery -------------------------------------------------------


def bakery_unbake(image: Path) -> str | None:
    with image.open("rb") as f:
        return openbadges_bakery.unbake(f)


def bakery_bake(image: Path, text: str, out: Path) -> None:
    with image.open("rb") as src, out.open("w+b") as dst:
        openbadges_bakery.bake(src, text, dst)


def svg_badge_elements(svg: Path) -> list[tuple[str | None, str]]:
    """(namespace, local name) of every element in either Open Badges namespace."""
    doc = minidom.parse(str(svg))
    found = []
    for ns in (OB2_NS, OB3_NS):
        for el in doc.getElementsByTagNameNS(ns, "*"):
            found.append((el.namespaceURI, el.localName))
    return found


def png_text_chunk_keywords(chunks: list[dict]) -> list[str]:
    return [c["keyword"] for c in chunks if "keyword" in c]


# --- 1. our OB 2.0 PNG -> openbadges-bakery ----------------------------------


@pytest.mark.parametrize("image", PNG_IMAGES, ids=short)
def test_ob2_png_baked_by_badgesmith_unbakes_with_bakery(badgesmith, vector, tmp_path, image):
    text = ob2_text()
    out = tmp_path / "baked.png"
    badgesmith.bake(vector(image), write_text(tmp_path / "assertion.json", text), out)

    # openbadges-bakery returns the chunk's text as a str without parsing it.
    assert bakery_unbake(out) == text
    assert badgesmith.unbake(out) == text.encode("utf-8")


# --- 2. our OB 2.0 SVG -> openbadges-bakery ----------------------------------


@pytest.mark.parametrize("image", SVG_IMAGES, ids=short)
def test_ob2_svg_baked_by_badgesmith_unbakes_with_bakery(badgesmith, vector, tmp_path, image):
    text = ob2_text()
    out = tmp_path / "baked.svg"
    badgesmith.bake(vector(image), write_text(tmp_path / "assertion.json", text), out)

    # openbadges-bakery finds the element by its qualified name
    # `openbadges:assertion` and returns the `verify` attribute if there is one,
    # else the CDATA text. Badgesmith bakes JSON into CDATA without `verify`,
    # so the JSON must come back exactly.
    assert bakery_unbake(out) == text
    assert badgesmith.unbake(out) == text.encode("utf-8")
    assert svg_badge_elements(out) == [(OB2_NS, "assertion")]


@pytest.mark.parametrize("image", SVG_IMAGES, ids=short)
def test_ob2_jws_svg_baked_by_badgesmith_unbakes_with_bakery(badgesmith, vector, tmp_path, image):
    jws = ob2_jws()
    out = tmp_path / "baked.svg"
    badgesmith.bake(vector(image), write_text(tmp_path / "assertion.jws", jws), out)

    # A JWS goes into the `verify` attribute, which is what the bakery returns.
    assert bakery_unbake(out) == jws
    assert badgesmith.unbake(out) == jws.encode("ascii")


# --- 3. openbadges-bakery's OB 2.0 PNG and SVG -> Badgesmith ----------------


@pytest.mark.parametrize("image", PNG_IMAGES, ids=short)
@pytest.mark.parametrize("payload", ["json", "jws"])
def test_ob2_png_baked_by_bakery_unbakes_with_badgesmith(badgesmith, vector, tmp_path, image, payload):
    text = ob2_text() if payload == "json" else ob2_jws()
    out = tmp_path / "bakery.png"
    bakery_bake(vector(image), text, out)
    assert bakery_unbake(out) == text, "openbadges-bakery does not read back its own PNG"

    assert badgesmith.unbake(out) == text.encode("utf-8")
    report = badgesmith.inspect(out)
    assert report["version"] == "ob2", report
    assert report["keyword"] == "openbadges", report
    assert report["chunkType"] == "iTXt", report
    assert report["kind"] == payload, report
    assert report["textBytes"] == len(text.encode("utf-8")), report


@pytest.mark.parametrize("image", SVG_IMAGES, ids=short)
def test_ob2_hosted_svg_baked_by_bakery_unbakes_with_badgesmith(badgesmith, vector, tmp_path, image):
    text = ob2_text()
    out = tmp_path / "bakery.svg"
    bakery_bake(vector(image), text, out)

    # For JSON whose `id` is an http(s) URL the bakery writes that URL into the
    # `verify` attribute and the JSON into CDATA; its unbake returns the URL.
    # Badgesmith's unbake contract is the same (`verify` first), so both must
    # print the URL, and the version comes from the JSON in the body.
    assert bakery_unbake(out) == ASSERTION_ID
    assert badgesmith.unbake(out) == ASSERTION_ID.encode("ascii")
    report = badgesmith.inspect(out)
    assert report["version"] == "ob2", report
    assert report["kind"] == "url", report
    assert report["element"] in ("openbadges:assertion", "assertion"), report


@pytest.mark.parametrize("image", SVG_IMAGES, ids=short)
def test_ob2_jws_svg_baked_by_bakery_unbakes_with_badgesmith(badgesmith, vector, tmp_path, image):
    jws = ob2_jws()
    out = tmp_path / "bakery.svg"
    bakery_bake(vector(image), jws, out)
    assert bakery_unbake(out) == jws, "openbadges-bakery does not read back its own SVG"

    assert badgesmith.unbake(out) == jws.encode("ascii")
    report = badgesmith.inspect(out)
    assert report["version"] == "ob2", report
    assert report["kind"] == "jws", report


# --- 4. our OB 3.0 PNG -> npm png-chunks-extract -----------------------------


@pytest.mark.parametrize(
    "image", [*PNG_IMAGES, "1edtech-validator/ob30/simple-json.png"], ids=short
)
def test_ob3_png_baked_by_badgesmith_reads_with_npm(badgesmith, png_chunks, vector, tmp_path, image):
    src = vector(image)
    text = ob3_text()
    out = tmp_path / "baked.png"
    badgesmith.bake(src, write_text(tmp_path / "credential.json", text), out)

    assert png_chunks.read(out, "openbadgecredential") == text.encode("utf-8")

    before = png_chunks.list(src)
    after = png_chunks.list(out)
    assert png_text_chunk_keywords(after).count("openbadgecredential") == 1, after
    assert "openbadges" not in png_text_chunk_keywords(after), after
    assert after[0]["type"] == "IHDR"
    badge = after[1]
    assert (badge["type"], badge.get("keyword")) == ("iTXt", "openbadgecredential"), after
    # Everything else is the input's chunks, in order and byte for byte, less
    # any badge that was there before (the vector from the 1EdTech validator
    # is already baked; baking replaces its credential).
    kept = [c for c in before if c.get("keyword") not in BADGE_KEYWORDS]
    assert [after[0], *after[2:]] == kept


# --- 5. npm-baked OB 3.0 PNG -> Badgesmith -----------------------------------


@pytest.mark.parametrize("image", PNG_IMAGES, ids=short)
def test_ob3_png_baked_by_npm_unbakes_with_badgesmith(badgesmith, png_chunks, vector, tmp_path, image):
    text = ob3_text()
    out = tmp_path / "npm.png"
    png_chunks.write(vector(image), out, "openbadgecredential", write_text(tmp_path / "credential.json", text))
    assert png_chunks.read(out, "openbadgecredential") == text.encode("utf-8")

    assert badgesmith.unbake(out) == text.encode("utf-8")
    report = badgesmith.inspect(out)
    assert report["version"] == "ob3", report
    assert report["chunkType"] == "iTXt", report
    assert report["keyword"] == "openbadgecredential", report
    assert report["kind"] == "json", report
    assert report["textBytes"] == len(text.encode("utf-8")), report


# --- 6. re-baking: openbadges-bakery OB 2.0, then Badgesmith OB 3.0 ----------


@pytest.mark.parametrize("image", PNG_IMAGES, ids=short)
def test_rebake_bakery_ob2_png_with_badgesmith_ob3(badgesmith, png_chunks, vector, tmp_path, image):
    first = tmp_path / "bakery.png"
    bakery_bake(vector(image), ob2_text(), first)
    assert "openbadges" in png_text_chunk_keywords(png_chunks.list(first))

    text = ob3_text()
    out = tmp_path / "rebaked.png"
    badgesmith.bake(first, write_text(tmp_path / "credential.json", text), out)

    assert badgesmith.unbake(out) == text.encode("utf-8")
    assert png_chunks.read(out, "openbadgecredential") == text.encode("utf-8")
    keywords = png_text_chunk_keywords(png_chunks.list(out))
    assert "openbadges" not in keywords, keywords
    assert keywords.count("openbadgecredential") == 1, keywords
    # The bakery itself now finds no OB 2.0 badge either.
    assert bakery_unbake(out) is None
    assert badgesmith.inspect(out)["version"] == "ob3"


@pytest.mark.parametrize("image", SVG_IMAGES, ids=short)
def test_rebake_bakery_ob2_svg_with_badgesmith_ob3(badgesmith, vector, tmp_path, image):
    first = tmp_path / "bakery.svg"
    bakery_bake(vector(image), ob2_text(), first)
    assert svg_badge_elements(first) == [(OB2_NS, "assertion")]

    text = ob3_text()
    out = tmp_path / "rebaked.svg"
    badgesmith.bake(first, write_text(tmp_path / "credential.json", text), out)

    assert badgesmith.unbake(out) == text.encode("utf-8")
    assert svg_badge_elements(out) == [(OB3_NS, "credential")]
    assert badgesmith.inspect(out)["version"] == "ob3"
