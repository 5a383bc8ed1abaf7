"""Badgesmith's credential signing and verification against other implementations.

The reference is Digital Bazaar's VC stack (@digitalbazaar/vc, data-integrity,
eddsa-rdfc-2022 / eddsa-jcs-2022 cryptosuites, ed25519-signature-2020) and
jose for VC-JWT, driven by reference.mjs under node, fully offline.

- Credentials signed by the reference (fixtures.mjs) verify with
  `badgesmith verify --json --offline`.
- Credentials signed by our Rust example (`--example sign`) verify with the
  reference, and carry the same Data Integrity signature as the reference's
  over the same input.
- Tampering with one signed field breaks the proof, both ways.
- Re-signing the W3C and 1EdTech test vectors with their published seeds gives
  their exact proofValue, with the reference (a check on the reference itself)
  and with ours.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest

W3C_SEED = "c96ef9ea10c5e414c471723aff9de72c35fa5b70fae97e8832ecac7d2e2b8ed6"
OB_SPEC_SEED = "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4"

# Must match fixtures.mjs.
FIXTURE_SEED = "b6d1689087459d4e7e6db470fd68a83de532d184c807e18396ae654929dd1dca"
FIXTURE_CREATED = "2024-05-01T12:00:00Z"
FIXTURE_FILES = [
    "ob3-minimal.eddsa-rdfc-2022.json",
    "ob3-minimal.eddsa-jcs-2022.json",
    "ob3-minimal.jwt",
    "ob3-full.eddsa-rdfc-2022.json",
    "ob3-full.eddsa-jcs-2022.json",
    "ob3-unicode.eddsa-rdfc-2022.json",
    "ob3-unicode.eddsa-jcs-2022.json",
    "ob3-vcdm11.Ed25519Signature2020.json",
    "ob3-vcdm11.eddsa-rdfc-2022.json",
    "ob3-vcdm11.eddsa-jcs-2022.json",
    "ob3-vcdm11.jwt",
]
OUR_SUITES = ["eddsa-rdfc-2022", "eddsa-jcs-2022", "jwt"]
OUR_CREDENTIALS = ["ob3-minimal", "ob3-full"]

# The published vectors: (signed file, unsigned file, proof configuration, seed).
W3C = "w3c-vc-di-eddsa"
OB_SPEC = "1edtech-ob-spec/ldp-testvector-obv3p0"
VECTOR_CASES = {
    "w3c-eddsa-rdfc-2022": (f"{W3C}/eddsa-rdfc-2022/signedDataInt.json", f"{W3C}/unsigned.json", W3C_SEED),
    "w3c-eddsa-jcs-2022": (f"{W3C}/eddsa-jcs-2022/signedJCS.json", f"{W3C}/unsigned.json", W3C_SEED),
    "w3c-Ed25519Signature2020": (f"{W3C}/Ed25519Signature2020/signedEdSig.json", f"{W3C}/unsigned.json", W3C_SEED),
    "1edtech-eddsa-rdfc-2022": (f"{OB_SPEC}/signed.json", f"{OB_SPEC}/unsigned.json", OB_SPEC_SEED),
}
OUR_VECTOR_CASES = ["w3c-eddsa-rdfc-2022", "w3c-eddsa-jcs-2022", "1edtech-eddsa-rdfc-2022"]


# --- helpers -------------------------------------------------------------------


def check(report: dict, check_id: str) -> dict:
    found = [c for c in report["checks"] if c.get("id") == check_id]
    assert len(found) == 1, f"expected one `{check_id}` check in {report['checks']}"
    return found[0]


def suite_of(proof: dict) -> str:
    return proof.get("cryptosuite") or proof["type"]


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwt_parts(token: str) -> tuple[dict, dict]:
    header, payload, _signature = token.strip().split(".")
    return json.loads(b64url_decode(header)), json.loads(b64url_decode(payload))


def jwt_credential(payload: dict) -> dict:
    """The credential in a VC-JWT payload: the payload itself (VCDM 2.0) or its `vc` claim."""
    return payload["vc"] if "vc" in payload else payload


def write_json(path: Path, value: dict) -> Path:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# Tampering: each takes a credential (or proof) and changes one signed value.


def set_achievement_name(vc: dict) -> None:
    vc["credentialSubject"]["achievement"]["name"] += " (edited)"


def set_issuer_name(vc: dict) -> None:
    vc["issuer"]["name"] = "Mallory Institute"


def set_valid_from(vc: dict) -> None:
    # Earlier than signed, so only the signature can tell.
    key = "validFrom" if "validFrom" in vc else "issuanceDate"
    assert vc[key] == "2024-05-01T00:00:00Z", vc[key]
    vc[key] = "2024-04-30T00:00:00Z"


def set_evidence_narrative(vc: dict) -> None:
    vc["evidence"][0]["narrative"] = "# Final Project Report \n This project was written by someone else."


def set_proof_created(vc: dict) -> None:
    proofs = vc["proof"] if isinstance(vc["proof"], list) else [vc["proof"]]
    proofs[0]["created"] = "2024-05-02T12:00:00Z"


TAMPERINGS: dict[str, Callable[[dict], None]] = {
    "achievement-name": set_achievement_name,
    "issuer-name": set_issuer_name,
    "valid-from": set_valid_from,
    "evidence-narrative": set_evidence_narrative,
    "proof-created": set_proof_created,
}
JSON_TAMPER_CASES = [
    *[("ob3-full", suite, t) for suite in ("eddsa-rdfc-2022", "eddsa-jcs-2022") for t in TAMPERINGS],
    *[("ob3-vcdm11", "Ed25519Signature2020", t) for t in TAMPERINGS if t != "evidence-narrative"],
]
JWT_TAMPERINGS = ["achievement-name", "issuer-name", "valid-from"]


def tamper_json(text: str, tampering: str) -> dict:
    original = json.loads(text)
    vc = copy.deepcopy(original)
    TAMPERINGS[tampering](vc)
    assert vc != original, f"{tampering} changed nothing"
    return vc


def tamper_jwt(token: str, tampering: str) -> str:
    """The JWT with one credential field changed and the signature kept."""
    header, payload, signature = token.strip().split(".")
    claims = json.loads(b64url_decode(payload))
    TAMPERINGS[tampering](jwt_credential(claims))
    tampered = b64url_encode(json.dumps(claims, ensure_ascii=False).encode("utf-8"))
    assert tampered != payload, f"{tampering} changed nothing"
    return f"{header}.{tampered}.{signature}"


def fixture_file(reference_fixtures, name: str) -> Path:
    directory, _manifest = reference_fixtures
    path = directory / name
    assert path.is_file(), f"fixtures.mjs wrote no {name}"
    return path


def proof_config(signed: dict) -> tuple[str, str]:
    proof = signed["proof"]
    return proof["created"], proof["verificationMethod"]


# --- the reference itself ----------------------------------------------------


@pytest.mark.parametrize("case", VECTOR_CASES)
def test_reference_verifies_published_vectors(reference, vector, case):
    signed, _unsigned, _seed = VECTOR_CASES[case]
    result = reference.verify(vector(signed))
    assert result["verified"] is True, result


@pytest.mark.parametrize("case", VECTOR_CASES)
def test_reference_reproduces_published_vectors(reference, vector, case):
    signed_path, unsigned, seed = VECTOR_CASES[case]
    signed = json.loads(vector(signed_path).read_text("utf-8"))
    created, vm = proof_config(signed)
    ours = json.loads(reference.sign(vector(unsigned), suite=suite_of(signed["proof"]), seed=seed, created=created, vm=vm))
    assert ours["proof"]["proofValue"] == signed["proof"]["proofValue"]
    assert ours == signed


@pytest.mark.parametrize(
    "signed",
    [
        "1edtech-validator/ob30/simple-err-proof-value.json",
        "dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json",
    ],
    ids=lambda p: Path(p).stem,
)
def test_reference_rejects_published_bad_signatures(reference, vector, signed):
    result = reference.verify(vector(signed))
    assert result["verified"] is False, result
    assert "Invalid signature" in result["error"], result


def test_reference_never_fetches(reference, vector):
    # Signed over a context that is not bundled: the reference must fail to
    # load it rather than go to the network.
    result = reference.verify(vector(f"{W3C}/eddsa-rdfc-2022/employ/signedDataInt.json"))
    assert result["verified"] is False, result
    assert "is not bundled" in result["error"], result


def test_reference_checks_every_proof_of_a_proof_set(reference, vector):
    # Two proofs: one of an unknown type, one valid eddsa-rdfc-2022 proof.
    result = reference.verify(vector("1edtech-validator/ob30/simple-multiple-proofs.json"))
    assert result["verified"] is False, result
    assert [p["verified"] for p in result["proofs"]] == [False, True], result


def test_reference_fixtures_are_the_expected_set(reference_fixtures):
    directory, manifest = reference_fixtures
    assert [f["file"] for f in manifest["files"]] == FIXTURE_FILES
    assert manifest["seed"] == FIXTURE_SEED
    assert manifest["created"] == FIXTURE_CREATED
    assert manifest["issuer"].startswith("did:key:z6Mk"), manifest["issuer"]
    for entry in manifest["files"]:
        assert (directory / entry["unsigned"]).is_file(), entry


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_reference_fixture_is_issued_by_its_did_key(reference, reference_fixtures, name):
    _directory, manifest = reference_fixtures
    path = fixture_file(reference_fixtures, name)
    did = manifest["issuer"]
    text = path.read_text("utf-8")
    if name.endswith(".jwt"):
        header, payload = jwt_parts(text)
        assert header["alg"] == "EdDSA", header
        assert header["kid"] == f"{did}#{did.removeprefix('did:key:')}", header
        credential = jwt_credential(payload)
        if "vc" in payload:
            assert payload["iss"] == did, payload
    else:
        credential = json.loads(text)
        assert credential["proof"]["verificationMethod"] == f"{did}#{did.removeprefix('did:key:')}"
        assert credential["proof"]["created"] == FIXTURE_CREATED
    assert credential["issuer"]["id"] == did
    assert reference.verify(path)["verified"] is True


# --- reference-signed -> badgesmith verify ------------------------------------


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_reference_signed_verifies_with_badgesmith(badgesmith, reference_fixtures, name):
    _directory, manifest = reference_fixtures
    path = fixture_file(reference_fixtures, name)
    report = badgesmith.verify(path, expect=0)

    assert report["valid"] is True, report
    assert report["format"] == ("ob3-jwt" if name.endswith(".jwt") else "ob3-json"), report
    assert check(report, "proof")["status"] == "pass", report
    assert check(report, "issuer-key")["status"] == "pass", report
    unsigned = json.loads((path.parent / "unsigned" / f"{name.split('.')[0]}.json").read_text("utf-8"))
    assert report["issuer"]["id"] == manifest["issuer"], report
    assert report["issuer"]["name"] == unsigned["issuer"]["name"], report
    assert report["achievement"]["name"] == unsigned["credentialSubject"]["achievement"]["name"], report


@pytest.mark.parametrize(("credential", "suite", "tampering"), JSON_TAMPER_CASES)
def test_tampered_reference_signed_fails_badgesmith_proof(badgesmith, reference_fixtures, tmp_path, credential, suite, tampering):
    path = fixture_file(reference_fixtures, f"{credential}.{suite}.json")
    tampered = write_json(tmp_path / "tampered.json", tamper_json(path.read_text("utf-8"), tampering))

    report = badgesmith.verify(tampered, expect=1)
    assert report["valid"] is False, report
    assert check(report, "proof")["status"] == "fail", report


@pytest.mark.parametrize("tampering", JWT_TAMPERINGS)
@pytest.mark.parametrize("credential", ["ob3-minimal", "ob3-vcdm11"])
def test_tampered_reference_signed_jwt_fails_badgesmith_proof(badgesmith, reference_fixtures, tmp_path, credential, tampering):
    token = fixture_file(reference_fixtures, f"{credential}.jwt").read_text("utf-8")
    tampered = tmp_path / "tampered.jwt"
    tampered.write_text(tamper_jwt(token, tampering) + "\n", encoding="ascii")

    report = badgesmith.verify(tampered, expect=1)
    assert report["valid"] is False, report
    assert check(report, "proof")["status"] == "fail", report


# --- badgesmith-signed -> reference verify ---------------------------------


def sign_with_rust(rust_signer, reference_fixtures, credential: str, suite: str, tmp_path: Path) -> Path:
    directory, _manifest = reference_fixtures
    unsigned = directory / "unsigned" / f"{credential}.json"
    signed = rust_signer.sign(unsigned, suite=suite, seed=FIXTURE_SEED, created=FIXTURE_CREATED)
    out = tmp_path / (f"{credential}.jwt" if suite == "jwt" else f"{credential}.{suite}.json")
    out.write_text(signed, encoding="utf-8")
    return out


@pytest.mark.parametrize("suite", OUR_SUITES)
@pytest.mark.parametrize("credential", OUR_CREDENTIALS)
def test_badgesmith_signed_verifies_with_reference(rust_signer, reference, reference_fixtures, tmp_path, credential, suite):
    directory, manifest = reference_fixtures
    out = sign_with_rust(rust_signer, reference_fixtures, credential, suite, tmp_path)
    unsigned = json.loads((directory / "unsigned" / f"{credential}.json").read_text("utf-8"))
    did = manifest["issuer"]
    vm = f"{did}#{did.removeprefix('did:key:')}"

    if suite == "jwt":
        header, payload = jwt_parts(out.read_text("utf-8"))
        assert header["alg"] == "EdDSA", header
        assert header["kid"] == vm, header
        credential = jwt_credential(payload)
        # A VCDM 2.0 payload may carry JWT claims beside the credential's own.
        assert {k: credential.get(k) for k in unsigned} == unsigned
    else:
        signed = json.loads(out.read_text("utf-8"))
        assert {k: v for k, v in signed.items() if k != "proof"} == unsigned
        assert signed["proof"]["type"] == "DataIntegrityProof", signed["proof"]
        assert signed["proof"]["cryptosuite"] == suite, signed["proof"]
        assert signed["proof"]["verificationMethod"] == vm, signed["proof"]
        assert signed["proof"]["created"] == FIXTURE_CREATED, signed["proof"]

    result = reference.verify(out)
    assert result["verified"] is True, result


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
@pytest.mark.parametrize("credential", OUR_CREDENTIALS)
def test_badgesmith_signature_equals_reference_signature(rust_signer, reference_fixtures, tmp_path, credential, suite):
    # Same input, key, proof options and deterministic Ed25519: same proofValue.
    out = sign_with_rust(rust_signer, reference_fixtures, credential, suite, tmp_path)
    ours = json.loads(out.read_text("utf-8"))["proof"]
    theirs = json.loads(fixture_file(reference_fixtures, f"{credential}.{suite}.json").read_text("utf-8"))["proof"]
    assert ours == theirs


@pytest.mark.parametrize("tampering", list(TAMPERINGS))
@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-jcs-2022"])
def test_tampered_badgesmith_signed_fails_reference(rust_signer, reference, reference_fixtures, tmp_path, suite, tampering):
    out = sign_with_rust(rust_signer, reference_fixtures, "ob3-full", suite, tmp_path)
    assert reference.verify(out)["verified"] is True
    tampered = write_json(tmp_path / "tampered.json", tamper_json(out.read_text("utf-8"), tampering))

    result = reference.verify(tampered)
    assert result["verified"] is False, result


@pytest.mark.parametrize("tampering", JWT_TAMPERINGS)
def test_tampered_badgesmith_signed_jwt_fails_reference(rust_signer, reference, reference_fixtures, tmp_path, tampering):
    out = sign_with_rust(rust_signer, reference_fixtures, "ob3-minimal", "jwt", tmp_path)
    assert reference.verify(out)["verified"] is True
    tampered = tmp_path / "tampered.jwt"
    tampered.write_text(tamper_jwt(out.read_text("utf-8"), tampering) + "\n", encoding="ascii")

    result = reference.verify(tampered)
    assert result["verified"] is False, result
    assert result["error"] == "Invalid signature.", result


# --- published vectors re-signed by badgesmith --------------------------------


@pytest.mark.parametrize("case", OUR_VECTOR_CASES)
def test_badgesmith_reproduces_published_vectors(rust_signer, vector, case):
    signed_path, unsigned, seed = VECTOR_CASES[case]
    signed = json.loads(vector(signed_path).read_text("utf-8"))
    created, vm = proof_config(signed)
    ours = json.loads(rust_signer.sign(vector(unsigned), suite=suite_of(signed["proof"]), seed=seed, created=created, vm=vm))

    assert ours["proof"]["proofValue"] == signed["proof"]["proofValue"]
    assert ours == signed
