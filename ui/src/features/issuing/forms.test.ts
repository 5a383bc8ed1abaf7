import { describe, expect, it } from "vitest";
import type { IssuedBadge } from "../../lib/ipc/gen/IssuedBadge";
import {
  addTags,
  fieldError,
  issuedStatus,
  passphraseProblem,
  passphraseStrength,
  recipientProblem,
  RESULT_TYPES,
  shortDid,
  toLocalInput,
  toRfc3339,
  urlProblem,
} from "./forms";

function badge(overrides: Partial<IssuedBadge> = {}): IssuedBadge {
  return {
    id: "urn:uuid:1",
    recipient: "ana@example.org",
    recipientName: null,
    achievementId: "a",
    achievementName: "A",
    issuerName: "I",
    issuedAt: "2026-03-01T09:00:00Z",
    validFrom: "2026-03-01T09:00:00Z",
    validUntil: null,
    fileName: "a.png",
    format: "png",
    proof: "di",
    sha256: "0".repeat(64),
    revocable: true,
    revokedAt: null,
    revokedReason: null,
    ...overrides,
  };
}

describe("issuing form rules", () => {
  it("asks for at least 8 characters, counted as characters, and for the same passphrase twice", () => {
    expect(passphraseProblem("short", "short")).toEqual({ field: "passphrase", message: "Use at least 8 characters." });
    // Seven emoji are seven characters, not fourteen UTF-16 units.
    expect(passphraseProblem("🔑🔑🔑🔑🔑🔑🔑", "🔑🔑🔑🔑🔑🔑🔑")?.field).toBe("passphrase");
    expect(passphraseProblem("long enough", "long enougH")).toEqual({ field: "confirm", message: "The two passphrases are not the same." });
    expect(passphraseProblem("long enough", "long enough")).toBeNull();
  });

  it("grades passphrases mostly by length", () => {
    expect(passphraseStrength("").level).toBe(0);
    expect(passphraseStrength("abc").label).toBe("Too short: 5 more");
    expect(passphraseStrength("aaaaaaaaaaaa").level).toBe(1);
    expect(passphraseStrength("abcdefgh").level).toBe(1);
    expect(passphraseStrength("Tr0ub4dor&3x").level).toBe(3);
    expect(passphraseStrength("correct horse battery staple").level).toBe(3);
  });

  it("turns local date-times into RFC 3339 in UTC with a Z, and back", () => {
    const local = "2026-03-01T09:30";
    const expected = new Date(2026, 2, 1, 9, 30).toISOString().replace(/\.\d{3}Z$/, "Z");
    expect(toRfc3339(local)).toBe(expected);
    expect(toRfc3339(local)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(toRfc3339("")).toBeNull();
    expect(toRfc3339("not a date")).toBeNull();
    expect(toLocalInput(new Date(2026, 0, 5, 7, 4))).toBe("2026-01-05T07:04");
  });

  it("finds the field an invalid-request names, and only for that code", () => {
    expect(fieldError({ code: "invalid-request", message: "url: `x` is not an https:// address" })).toEqual({
      field: "url",
      message: "`x` is not an https:// address",
    });
    expect(fieldError({ code: "invalid-request", message: "alignments[1].targetUrl: not a web address" }).field).toBe(
      "alignments[1].targetUrl",
    );
    expect(fieldError({ code: "io", message: "disk: full" })).toEqual({ field: null, message: "disk: full" });
    expect(fieldError({ code: "invalid-request", message: "Nothing names a field here" }).field).toBeNull();
  });

  it("accepts e-mail addresses and DIDs as recipients, and https addresses where asked", () => {
    expect(recipientProblem("ana@example.org")).toBeNull();
    expect(recipientProblem("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")).toBeNull();
    expect(recipientProblem("  ")).toMatch(/e-mail address or DID/);
    expect(recipientProblem("ana@@example")).toMatch(/neither/);
    expect(urlProblem("http://example.org", true)).toMatch(/https:\/\//);
    expect(urlProblem("http://example.org", false)).toBeNull();
    expect(urlProblem("", true)).toBeNull();
    expect(urlProblem("example.org", false)).not.toBeNull();
  });

  it("says whether a badge is active, revoked or expired (revoked wins)", () => {
    const now = new Date("2026-06-01T00:00:00Z");
    expect(issuedStatus(badge(), now)).toBe("active");
    expect(issuedStatus(badge({ validUntil: "2026-05-01T00:00:00Z" }), now)).toBe("expired");
    expect(issuedStatus(badge({ validUntil: "2027-05-01T00:00:00Z" }), now)).toBe("active");
    expect(issuedStatus(badge({ validUntil: "2026-05-01T00:00:00Z", revokedAt: "2026-04-01T00:00:00Z" }), now)).toBe("revoked");
  });

  it("adds tags without duplicates, and offers the OB 3.0 result types", () => {
    expect(addTags(["Safety"], "health, safety; first aid ,")).toEqual(["Safety", "health", "first aid"]);
    const types = RESULT_TYPES.map((t) => t.value);
    for (const t of ["Status", "LetterGrade", "Percent", "RawScore", "RubricCriterionLevel"]) expect(types).toContain(t);
    expect(shortDid("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")).toBe("did:key:z6MkhaXgBZ…ta2doK");
  });
});
