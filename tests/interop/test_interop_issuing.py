"""Badges issued by the `badgesmith` CLI, checked by other implementations.

One issuer (with a status-list URL) and one achievement drawn from the
`gold-award` template are created with the CLI in a temporary home; then
badges are issued: a CSV of five recipients as PNG with the default Data
Integrity proof (`eddsa-rdfc-2022`), and single badges with `--proof jwt`,
with `--format svg`, and with both. One badge of the batch is revoked.

For every baked file:

- `badgesmith unbake` gives the credential, and an independent reader gives
  the same text: the npm PNG chunk libraries (`png_chunks.mjs`) for PNG, the
  standard library's XML parser for SVG;
- the reference JS stack (`reference.mjs verify`: Digital Bazaar's VC
  libraries, jose for VC-JWT) verifies the credential's proof;
- the credential names the issuer's did:key, the achievement and the status
  list as they were created.

The signed status lists (`issuer status-list`, `issued revoke -o`) verify with
the reference as `BitstringStatusListCredential`s, and their bits, decoded here,
are set exactly for the revoked badge. Changing one signed value (the
achievement's name, or the list's bits) makes the reference reject it.
"""

from __future__ import annotations

import base64
import copy
import csv
import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from xml.dom import minidom

import pytest


PASSPHRASE = "correct horse battery staple, but longer"
STATUS_LIST_URL = "https://kestrel.example.org/badges/status/1"
ISSUER_NAME = "Kestrel Field Academy"
ACHIEVEMENT_NAME = "Gold Award — Field Ornithology"
OB3_NS = "https://purl.imsglobal.org/ob/v3p0"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
LIST_BITS = 131_072

# email, name, evidence_url, evidence_narrative, valid_from, valid_until
RECIPIENTS = [
    ("ana.garcia@example.com", "Ana García", "https://kestrel.example.org/logs/1041", "", "", ""),
    ("bjorn.ostberg@example.se", "Björn Östberg", "", "Counted 212 waders at the estuary, with sketches.", "", ""),
    ("chen.jing@example.cn", "陈静", "", "", "2024-09-01", "2029-08-31"),
    ("dara.okafor@example.ng", "Dara Okafor", "https://kestrel.example.org/logs/1077", "Ringed 40 sand martins.", "", ""),
    ("zoe@example.org", "Zoë \u00c5ngstr\u00f6m 🎓", "", "", "", ""),
]
SINGLE_RECIPIENT = "eve.martin@example.fr"
DID_RECIPIENT = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
REVOKED_ROW = 1  # Björn's badge is revoked


@dataclass(frozen=True)
class Baked:
    """One issued badge: its file, the text `badgesmith unbake` gives, its proof
    format and its recipient."""

    path: Path
    text: str
    proof: str  # "di" or "jwt"
    recipient: str

    @property
    def format(self) -> str:
        return self.path.suffix.removeprefix(".")


@dataclass(frozen=True)
class Issued:
    """Everything the CLI made: its JSON answers, the badges and the status lists."""

    issuer: dict
    achievement: dict
    batch: dict
    badges: dict[str, Baked]  # by a short case name
    revoked_id: str
    status_list_before: Path  # `issuer status-list` before revoking
    status_list_after: Path  # written by `issued revoke -o`
    status_list_now: Path  # `issuer status-list` after revoking


# --- helpers -------------------------------------------------------------------


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwt_parts(token: str) -> tuple[dict, dict]:
    header, payload, _signature = token.strip().split(".")
    return json.loads(b64url_decode(header)), json.loads(b64url_decode(payload))


def credential_of(badge: Baked) -> dict:
    """The credential itself: the JSON, or a VC-JWT's payload (VCDM 2.0)."""
    if badge.proof == "jwt":
        return jwt_parts(badge.text)[1]
    return json.loads(badge.text)


def revoked_bits(status_list: dict) -> set[int]:
    """The set bits of a BitstringStatusList's `encodedList` (multibase
    base64url of gzip; bit 0 is the first byte's most significant bit)."""
    encoded = status_list["credentialSubject"]["encodedList"]
    assert encoded.startswith("u"), encoded[:10]
    bits = gzip.decompress(b64url_decode(encoded[1:]))
    assert len(bits) * 8 == LIST_BITS, len(bits)
    return {i * 8 + b for i, byte in enumerate(bits) if byte for b in range(8) if byte & (0x80 >> b)}


def encoded_list(indexes: set[int]) -> str:
    bits = bytearray(LIST_BITS // 8)
    for i in indexes:
        bits[i // 8] |= 0x80 >> (i % 8)
    return "u" + b64url_encode(gzip.compress(bytes(bits)))


def svg_credential_text(svg: Path) -> str:
    """The credential in the one `<openbadges:credential>` element, read by
    minidom: a VC-JWT in its `verify` attribute (then the element is empty),
    else the JSON in its text (OB 3.0, "Baking": SVG)."""
    doc = minidom.parse(str(svg))
    elements = doc.getElementsByTagNameNS(OB3_NS, "credential")
    assert len(elements) == 1, f"{len(elements)} credential elements in {svg.name}"
    element = elements[0]
    text = "".join(n.data for n in element.childNodes if n.nodeType in (n.TEXT_NODE, n.CDATA_SECTION_NODE))
    if element.hasAttribute("verify"):
        assert text.strip() == "", f"{svg.name}: a credential element with both `verify` and text"
        return element.getAttribute("verify")
    return text


def write_json(path: Path, value: dict) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


# --- issuing with the CLI ------------------------------------------------------


@pytest.fixture(scope="module")
def issued(badgesmith, commands, tmp_path_factory) -> Issued:
    run, json_out = commands.run, commands.json_out
    work = tmp_path_factory.mktemp("issuing")
    env = {**os.environ, "BADGESMITH_HOME": str(work / "home"), "BADGESMITH_PASSPHRASE": PASSPHRASE}

    def cli(*args, what: str) -> dict:
        return json_out(run([badgesmith.path, *args], env=env), what)

    issuer = cli(
        "issuer", "new", "--name", ISSUER_NAME, "--url", "https://kestrel.example.org",
        "--email", "badges@kestrel.example.org", "--status-list-url", STATUS_LIST_URL, "--json",
        what="issuer new",
    )
    achievement = cli(
        "achievement", "new", "--name", ACHIEVEMENT_NAME,
        "--description", "Awarded for a season of careful field observation.",
        "--criteria", "Log 200 sightings, ring 20 birds and present one survey.",
        "--design", "template:gold-award", "--tag", "ornithology", "--tag", "fieldwork",
        "--alignment", "Bird ringing|https://kestrel.example.org/skills/ringing",
        "--result", "Survey grade|LetterGrade", "--json",
        what="achievement new",
    )

    recipients = work / "recipients.csv"
    with recipients.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["email", "name", "evidence_url", "evidence_narrative", "valid_from", "valid_until"])
        writer.writerows(RECIPIENTS)
    batch = cli(
        "issue", "--achievement", achievement["id"], "--csv", recipients, "-o", work / "batch", "--json",
        what="issue --csv",
    )

    singles = {
        "jwt-png": (SINGLE_RECIPIENT, ["--proof", "jwt"]),
        "di-svg": (DID_RECIPIENT, ["--format", "svg"]),
        "jwt-svg": (SINGLE_RECIPIENT, ["--format", "svg", "--proof", "jwt"]),
    }
    single_logs = {}
    for case, (recipient, options) in singles.items():
        single_logs[case] = cli(
            "issue", "--achievement", achievement["id"], "--recipient", recipient, "--name", "Eve Martin",
            *options, "-o", work / case, "--json",
            what=f"issue {case}",
        )

    log = json_out(run([badgesmith.path, "issued", "list", "--json", "--limit", "100"], env=env), "issued list")
    by_recipient = {b["recipient"]: b for b in log["items"] if b["proof"] == "di" and b["format"] == "png"}

    badges: dict[str, Baked] = {}
    for i, row in enumerate(RECIPIENTS):
        entry = by_recipient[row[0]]
        path = work / "batch" / entry["fileName"]
        badges[f"batch-{i}"] = Baked(path, badgesmith.unbake(path).decode("utf-8"), "di", row[0])
    for case, entry in single_logs.items():
        path = work / case / entry["fileName"]
        proof = "jwt" if case.startswith("jwt") else "di"
        badges[case] = Baked(path, badgesmith.unbake(path).decode("utf-8"), proof, entry["recipient"])

    before = work / "status-before.json"
    run([badgesmith.path, "issuer", "status-list", issuer["id"], "-o", before], env=env)
    revoked_id = by_recipient[RECIPIENTS[REVOKED_ROW][0]]["id"]
    after = work / "status-after.json"
    run([badgesmith.path, "issued", "revoke", revoked_id, "--reason", "issued by mistake", "-o", after], env=env)
    now = work / "status-now.json"
    run([badgesmith.path, "issuer", "status-list", issuer["id"], "-o", now], env=env)

    return Issued(issuer, achievement, batch, badges, revoked_id, before, after, now)


BADGES = [f"batch-{i}" for i in range(len(RECIPIENTS))] + ["jwt-png", "di-svg", "jwt-svg"]


def test_issuer_and_batch(issued):
    assert issued.issuer["did"].startswith("did:key:z6Mk"), issued.issuer
    assert issued.issuer["statusListUrl"] == STATUS_LIST_URL, issued.issuer
    batch = issued.batch
    assert (batch["issued"], batch["alreadyIssued"], batch["total"], batch["cancelled"]) == (5, 0, 5, False), batch
    files = sorted(p.name for p in Path(batch["outputDir"]).iterdir() if p.suffix == ".png")
    assert files == sorted(issued.badges[f"batch-{i}"].path.name for i in range(len(RECIPIENTS)))
    assert len(set(files)) == len(RECIPIENTS)


# --- every baked file -----------------------------------------------------------


@pytest.mark.parametrize("case", BADGES)
def test_baked_text_read_independently(issued, png_chunks, case):
    badge = issued.badges[case]
    if badge.format == "png":
        assert png_chunks.read(badge.path, "openbadgecredential").decode("utf-8") == badge.text
        chunks = png_chunks.list(badge.path)
        assert chunks[0]["type"] == "IHDR", chunks
        assert chunks[1].get("keyword") == "openbadgecredential", chunks
        assert [c.get("keyword") for c in chunks].count("openbadgecredential") == 1, chunks
        assert chunks[-1]["type"] == "IEND", chunks
    else:
        assert svg_credential_text(badge.path) == badge.text


@pytest.mark.parametrize("case", BADGES)
def test_issued_credential_verifies_with_reference(issued, reference, tmp_path, case):
    badge = issued.badges[case]
    did = issued.issuer["did"]
    vm = f"{did}#{did.removeprefix('did:key:')}"
    credential = credential_of(badge)

    if badge.proof == "jwt":
        header, _payload = jwt_parts(badge.text)
        assert header["alg"] == "EdDSA", header
        assert header["kid"] == vm, header
        assert "proof" not in credential
        unbaked = tmp_path / "credential.jwt"
    else:
        proof = credential["proof"]
        assert proof["type"] == "DataIntegrityProof", proof
        assert proof["cryptosuite"] == "eddsa-rdfc-2022", proof
        assert proof["verificationMethod"] == vm, proof
        assert proof["proofPurpose"] == "assertionMethod", proof
        unbaked = tmp_path / "credential.json"
    unbaked.write_text(badge.text, encoding="utf-8")

    assert credential["@context"] == [VC_V2, OB_CONTEXT], credential["@context"]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"], credential["type"]
    assert credential["issuer"]["id"] == did, credential["issuer"]
    assert credential["issuer"]["name"] == ISSUER_NAME, credential["issuer"]
    assert credential["credentialSubject"]["achievement"]["name"] == ACHIEVEMENT_NAME
    status = credential["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry", status
    assert status["statusPurpose"] == "revocation", status
    assert status["statusListCredential"] == STATUS_LIST_URL, status
    assert 0 <= int(status["statusListIndex"]) < LIST_BITS, status

    result = reference.verify(unbaked)
    assert result["verified"] is True, result
    assert len(result["proofs"]) == 1 and result["proofs"][0]["verified"] is True, result


def test_status_indexes_are_distinct(issued):
    indexes = [int(credential_of(b)["credentialStatus"]["statusListIndex"]) for b in issued.badges.values()]
    assert len(set(indexes)) == len(indexes), indexes


def test_recipients_as_issued(issued):
    for i, (email, name, evidence_url, narrative, valid_from, valid_until) in enumerate(RECIPIENTS):
        credential = credential_of(issued.badges[f"batch-{i}"])
        identifiers = credential["credentialSubject"]["identifier"]
        assert "id" not in credential["credentialSubject"]
        # The e-mail address only hashed, as OB 3.0 says: sha256$ + hex(SHA-256(identity + salt)).
        assert email not in json.dumps(credential, ensure_ascii=False)
        hashed = [x for x in identifiers if x["identityType"] == "emailAddress"]
        assert len(hashed) == 1 and hashed[0]["hashed"] is True, identifiers
        digest = hashlib.sha256((email + hashed[0]["salt"]).encode("utf-8")).hexdigest()
        assert hashed[0]["identityHash"] == f"sha256${digest}", hashed
        names = [x for x in identifiers if x["identityType"] == "name"]
        assert len(names) == 1 and names[0]["identityHash"] == name and names[0]["hashed"] is False, identifiers

        evidence = credential.get("evidence", [{}])
        assert len(evidence) == 1, evidence
        assert evidence[0].get("id", "") == evidence_url, evidence
        assert evidence[0].get("narrative", "") == narrative, evidence
        if valid_from:
            assert credential["validFrom"] == f"{valid_from}T00:00:00Z", credential["validFrom"]
        if valid_until:
            assert credential["validUntil"] == f"{valid_until}T00:00:00Z", credential["validUntil"]
        else:
            assert "validUntil" not in credential
    assert credential_of(issued.badges["di-svg"])["credentialSubject"]["id"] == DID_RECIPIENT


def test_batch_manifest_matches_files(issued):
    # manifest.csv: recipient, name, file, credential_id, sha256 of the baked file.
    manifest = Path(issued.batch["manifest"])
    with manifest.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["recipient"], r["name"]) for r in rows] == [(r[0], r[1]) for r in RECIPIENTS]
    for i, row in enumerate(rows):
        badge = issued.badges[f"batch-{i}"]
        assert row["file"] == badge.path.name, row
        assert row["credential_id"] == credential_of(badge)["id"], row
        assert row["sha256"] == hashlib.sha256(badge.path.read_bytes()).hexdigest(), row


# --- tampering -----------------------------------------------------------------


@pytest.mark.parametrize("case", ["batch-0", "di-svg"])
def test_tampered_achievement_name_fails_reference(issued, reference, tmp_path, case):
    credential = credential_of(issued.badges[case])
    tampered = copy.deepcopy(credential)
    tampered["credentialSubject"]["achievement"]["name"] += " (edited)"

    result = reference.verify(write_json(tmp_path / "tampered.json", tampered))
    assert result["verified"] is False, result
    assert result["error"] == "Invalid signature.", result


@pytest.mark.parametrize("case", ["jwt-png", "jwt-svg"])
def test_tampered_jwt_achievement_name_fails_reference(issued, reference, tmp_path, case):
    header, payload, signature = issued.badges[case].text.strip().split(".")
    claims = json.loads(b64url_decode(payload))
    claims["credentialSubject"]["achievement"]["name"] += " (edited)"
    tampered = tmp_path / "tampered.jwt"
    tampered.write_text(f"{header}.{b64url_encode(json.dumps(claims, ensure_ascii=False).encode())}.{signature}\n")

    result = reference.verify(tampered)
    assert result["verified"] is False, result
    assert result["error"] == "Invalid signature.", result


# --- the status list -----------------------------------------------------------


@pytest.mark.parametrize("which", ["before", "after", "now"])
def test_status_list_verifies_with_reference(issued, reference, which):
    path = {"before": issued.status_list_before, "after": issued.status_list_after, "now": issued.status_list_now}[which]
    status_list = json.loads(path.read_text("utf-8"))
    did = issued.issuer["did"]

    assert status_list["@context"] == [VC_V2], status_list["@context"]
    assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"], status_list["type"]
    assert status_list["id"] == STATUS_LIST_URL, status_list
    assert status_list["issuer"]["id"] == did, status_list["issuer"]
    subject = status_list["credentialSubject"]
    assert subject["type"] == "BitstringStatusList", subject
    assert subject["statusPurpose"] == "revocation", subject
    proof = status_list["proof"]
    assert proof["cryptosuite"] == "eddsa-rdfc-2022", proof
    assert proof["verificationMethod"] == f"{did}#{did.removeprefix('did:key:')}", proof

    result = reference.verify(path)
    assert result["verified"] is True, result
    assert len(result["proofs"]) == 1 and result["proofs"][0]["verified"] is True, result


def test_status_list_bits(issued):
    revoked = next(b for b in issued.badges.values() if credential_of(b)["id"] == issued.revoked_id)
    index = int(credential_of(revoked)["credentialStatus"]["statusListIndex"])
    before = json.loads(issued.status_list_before.read_text("utf-8"))
    after = json.loads(issued.status_list_after.read_text("utf-8"))
    now = json.loads(issued.status_list_now.read_text("utf-8"))

    assert revoked_bits(before) == set()
    assert revoked_bits(after) == {index}
    assert revoked_bits(now) == {index}


def test_tampered_status_list_fails_reference(issued, reference, tmp_path):
    # Un-revoking by clearing the bit, keeping the signature.
    status_list = json.loads(issued.status_list_after.read_text("utf-8"))
    assert revoked_bits(status_list)
    status_list["credentialSubject"]["encodedList"] = encoded_list(set())

    result = reference.verify(write_json(tmp_path / "tampered.json", status_list))
    assert result["verified"] is False, result
    assert result["error"] == "Invalid signature.", result
