// Sample files for the in-memory fake backend: what the Rust core would
// return for a handful of typical inputs. Used by the UI tests and by the
// browser preview (`npm run dev` outside Tauri).

import type { BadgeContent } from "./gen/BadgeContent";
import type { IpcError } from "./gen/IpcError";
import type { OpenedFile } from "./gen/OpenedFile";
import type { OpenOutcome } from "./gen/OpenOutcome";
import type { Verification } from "./gen/Verification";
import type { VerificationCheck } from "./gen/VerificationCheck";

// ---------------------------------------------------------------- helpers

const encoder = new TextEncoder();

/** Length of `text` in UTF-8 bytes, as the Rust core counts it. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Base64url without padding, as in a compact JWS. */
export function base64url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Deterministic pseudo-random bytes, so samples are the same on every run. */
function pseudoRandomBytes(count: number, seed: number): Uint8Array {
  const out = new Uint8Array(count);
  let x = seed >>> 0;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

function base58(count: number, seed: number): string {
  const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  return Array.from(pseudoRandomBytes(count, seed), (b) => alphabet[b % 58] ?? "1").join("");
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64(encoder.encode(svg))}`;
}

// ---------------------------------------------------------------- artwork
// Small drawings standing in for the badge images.

const TEAMWORK_ART = svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5b5bd6"/><stop offset="1" stop-color="#33308f"/></linearGradient></defs>
<path d="M120 10 L215 65 L215 175 L120 230 L25 175 L25 65 Z" fill="url(#g)" stroke="#f3c64e" stroke-width="10" stroke-linejoin="round"/>
<circle cx="120" cy="92" r="22" fill="#fff"/><circle cx="72" cy="108" r="17" fill="#d9dcff"/><circle cx="168" cy="108" r="17" fill="#d9dcff"/>
<path d="M80 170 Q120 112 160 170 Z" fill="#fff"/><path d="M40 172 Q72 126 100 160 L96 172 Z" fill="#d9dcff"/><path d="M200 172 Q168 126 140 160 L144 172 Z" fill="#d9dcff"/>
</svg>`);

const CHESS_ART = svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240">
<circle cx="120" cy="120" r="110" fill="#1f2a37"/><circle cx="120" cy="120" r="96" fill="none" stroke="#e9c46a" stroke-width="6" stroke-dasharray="10 8"/>
<path d="M92 176 L148 176 L142 156 L134 150 L138 110 L150 96 L150 72 L138 72 L138 82 L128 82 L128 72 L112 72 L112 82 L102 82 L102 72 L90 72 L90 96 L102 110 L106 150 L98 156 Z" fill="#f4f1e8"/>
<rect x="82" y="176" width="76" height="14" rx="4" fill="#f4f1e8"/>
</svg>`);

const ROBOTICS_ART = svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240">
<circle cx="120" cy="120" r="112" fill="#e76f51"/><circle cx="120" cy="120" r="92" fill="#fff4ec"/>
<rect x="72" y="86" width="96" height="76" rx="18" fill="#264653"/><rect x="114" y="60" width="12" height="26" fill="#264653"/><circle cx="120" cy="56" r="9" fill="#e76f51"/>
<circle cx="98" cy="118" r="11" fill="#8ecae6"/><circle cx="142" cy="118" r="11" fill="#8ecae6"/><rect x="96" y="142" width="48" height="8" rx="4" fill="#8ecae6"/>
<rect x="58" y="108" width="14" height="30" rx="6" fill="#264653"/><rect x="168" y="108" width="14" height="30" rx="6" fill="#264653"/>
</svg>`);

const FIRST_AID_ART = svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240">
<path d="M120 12 L208 44 L208 120 C208 172 170 206 120 228 C70 206 32 172 32 120 L32 44 Z" fill="#ffffff" stroke="#2a9d8f" stroke-width="12" stroke-linejoin="round"/>
<path d="M102 70 H138 V104 H172 V140 H138 V174 H102 V140 H68 V104 H102 Z" fill="#d62839"/>
</svg>`);

const PHOTO_ART = svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8ec5e8"/><stop offset="1" stop-color="#f6d8b8"/></linearGradient></defs>
<rect width="300" height="200" fill="url(#s)"/><circle cx="220" cy="62" r="24" fill="#ffd27a"/>
<path d="M0 150 L70 88 L120 130 L180 70 L300 160 L300 200 L0 200 Z" fill="#4f7a6a"/><path d="M0 170 Q150 140 300 176 L300 200 L0 200 Z" fill="#2f5548"/>
</svg>`);

// ---------------------------------------------------------------- OB 3.0 JSON

const TEAMWORK = {
  "@context": [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  ],
  id: "http://example.com/credentials/3527",
  type: ["VerifiableCredential", "OpenBadgeCredential"],
  issuer: {
    id: "https://example.com/issuers/876543",
    type: ["Profile"],
    name: "Example Corp",
  },
  validFrom: "2024-03-01T09:00:00Z",
  name: "Teamwork Badge",
  credentialSubject: {
    id: "did:example:ebfeb1f712ebc6f1c276e12ec21",
    type: ["AchievementSubject"],
    achievement: {
      id: "https://example.com/achievements/21st-century-skills/teamwork",
      type: ["Achievement"],
      name: "Teamwork",
      description:
        "Recognises people who help a group work well together: sharing tasks, listening to others and keeping the team moving towards its goal.",
      criteria: {
        narrative:
          "Colleagues nominate team members who have shown these habits over a whole project. Example Corp managers review each nomination before the badge is awarded.",
      },
      image: { id: TEAMWORK_ART, type: "Image" },
    },
  },
  proof: [
    {
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      created: "2024-03-01T09:00:04Z",
      verificationMethod: "https://example.com/issuers/876543#key-1",
      proofPurpose: "assertionMethod",
      proofValue: `z${base58(87, 3527)}`,
    },
  ],
};

/** The exact text baked into `teamwork-badge.png`. */
export const TEAMWORK_TEXT = JSON.stringify(TEAMWORK, null, 2);

function teamworkContent(): BadgeContent {
  return {
    slot: "credential",
    keyword: "openbadgecredential",
    chunkType: "iTXt",
    chunkIndex: 1,
    compressed: false,
    element: null,
    svgSource: null,
    kind: "json",
    version: "ob3",
    versionLabel: "Open Badges 3.0",
    byteSize: utf8Length(TEAMWORK_TEXT),
    text: TEAMWORK_TEXT,
    body: null,
    json: JSON.parse(TEAMWORK_TEXT) as unknown,
    jws: null,
    summary: {
      name: "Teamwork Badge",
      issuer: "Example Corp",
      issued: "2024-03-01T09:00:00Z",
      expires: null,
    },
  };
}

// ---------------------------------------------------------------- OB 3.0 JWS

const CHESS_KEY = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

const CHESS_HEADER = { alg: "EdDSA", typ: "JWT", kid: `${CHESS_KEY}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK` };

const CHESS_PAYLOAD = {
  iss: CHESS_KEY,
  jti: "urn:uuid:6f0d3c52-9c1e-4b8f-a7d2-2f4e1b8c9a01",
  sub: "did:example:student-4127",
  nbf: 1768471200,
  vc: {
    "@context": [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ],
    id: "urn:uuid:6f0d3c52-9c1e-4b8f-a7d2-2f4e1b8c9a01",
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: {
      id: CHESS_KEY,
      type: ["Profile"],
      name: "Riverside School Chess Club",
    },
    validFrom: "2026-01-15T10:00:00Z",
    name: "Checkmate in Three",
    credentialSubject: {
      id: "did:example:student-4127",
      type: ["AchievementSubject"],
      achievement: {
        id: "https://chess.riverside-school.example/badges/checkmate-in-three",
        type: ["Achievement"],
        name: "Checkmate in Three",
        description: "Solves mate-in-three puzzles reliably and explains the winning line to the club.",
        criteria: {
          narrative: "Solve eight of ten club puzzles within the time limit, then walk a younger member through one solution.",
        },
      },
    },
  },
};

const CHESS_JWS = [
  base64url(encoder.encode(JSON.stringify(CHESS_HEADER))),
  base64url(encoder.encode(JSON.stringify(CHESS_PAYLOAD))),
  base64url(pseudoRandomBytes(64, 4127)),
].join(".");

/** The compact JWS baked into `chess-club.svg`. */
export const CHESS_TEXT = CHESS_JWS;

function chessContent(): BadgeContent {
  return {
    slot: "credential",
    keyword: null,
    chunkType: null,
    chunkIndex: null,
    compressed: false,
    element: "openbadges:credential",
    svgSource: "verify-attribute",
    kind: "jws",
    version: "ob3",
    versionLabel: "Open Badges 3.0",
    byteSize: utf8Length(CHESS_JWS),
    text: CHESS_JWS,
    body: null,
    json: null,
    jws: {
      header: structuredClone(CHESS_HEADER),
      payload: structuredClone(CHESS_PAYLOAD),
      payloadText: null,
      signatureBytes: 64,
    },
    summary: {
      name: "Checkmate in Three",
      issuer: "Riverside School Chess Club",
      issued: "2026-01-15T10:00:00Z",
      expires: null,
    },
  };
}

// ---------------------------------------------------------------- OB 2.0 JSON

const ROBOTICS = {
  "@context": "https://w3id.org/openbadges/v2",
  type: "Assertion",
  id: "https://badges.northfield-makers.example/assertions/robotics-2016-017",
  recipient: {
    type: "email",
    hashed: true,
    salt: "c7e1a90b",
    identity: "sha256$5b2a1e0f9d4c87aa6f1e3c0b7d9a8f21e4c6b0d3a95f7e18c2d4b6a0f3e9c1d7",
  },
  badge: {
    type: "BadgeClass",
    id: "https://badges.northfield-makers.example/badges/robotics-workshop",
    name: "Robotics Workshop",
    description: "Built and programmed a line-following robot during the winter workshop series.",
    image: "https://badges.northfield-makers.example/badges/robotics-workshop.png",
    criteria: {
      narrative: "Attend all four evening sessions and demonstrate a robot that follows the course without help.",
    },
    issuer: {
      type: "Profile",
      id: "https://badges.northfield-makers.example/issuer",
      name: "Northfield Makerspace",
      url: "https://northfield-makers.example",
      email: "badges@northfield-makers.example",
    },
  },
  issuedOn: "2016-12-31T18:30:00Z",
  verification: { type: "hosted" },
};

const ROBOTICS_TEXT = JSON.stringify(ROBOTICS);

function roboticsContent(): BadgeContent {
  return {
    slot: "assertion",
    keyword: "openbadges",
    chunkType: "iTXt",
    chunkIndex: 2,
    compressed: true,
    element: null,
    svgSource: null,
    kind: "json",
    version: "ob2",
    versionLabel: "Open Badges 2.0",
    byteSize: utf8Length(ROBOTICS_TEXT),
    text: ROBOTICS_TEXT,
    body: null,
    json: JSON.parse(ROBOTICS_TEXT) as unknown,
    jws: null,
    summary: {
      name: "Robotics Workshop",
      issuer: "Northfield Makerspace",
      issued: "2016-12-31T18:30:00Z",
      expires: null,
    },
  };
}

// ---------------------------------------------------------------- OB 1.x hosted URL with body

const FIRST_AID_URL = "https://volunteers.example.net/assertions/first-aid-2014-0042.json";

const FIRST_AID_BODY = JSON.stringify(
  {
    uid: "first-aid-2014-0042",
    recipient: {
      type: "email",
      hashed: true,
      identity: "sha256$e3b8c1f07a2d4c5b9e6f1a0d8c7b2e4f6a9d1c3b5e7f0a2c4d6b8e1f3a5c7d9b",
    },
    badge: "https://volunteers.example.net/badges/first-aid.json",
    verify: { type: "hosted", url: FIRST_AID_URL },
    issuedOn: 1404172800,
  },
  null,
  2,
);

function firstAidContent(): BadgeContent {
  return {
    slot: "assertion",
    keyword: null,
    chunkType: null,
    chunkIndex: null,
    compressed: false,
    element: "openbadges:assertion",
    svgSource: "verify-attribute",
    kind: "url",
    version: "ob1",
    versionLabel: "Open Badges 1.x",
    byteSize: utf8Length(FIRST_AID_URL),
    text: FIRST_AID_URL,
    body: FIRST_AID_BODY,
    json: null,
    jws: null,
    summary: { name: null, issuer: null, issued: null, expires: null },
  };
}

// ---------------------------------------------------------------- the catalogue

/** The sample files, by short name. */
export const SAMPLE_NAMES = ["teamwork", "chess", "robotics", "first-aid", "photo", "broken"] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

export function isSampleName(name: string): name is SampleName {
  return (SAMPLE_NAMES as readonly string[]).includes(name);
}

/** The failure reported for `broken.png`. */
export const BROKEN_ERROR: IpcError = {
  code: "invalid-image",
  message: "broken.png: bad CRC in chunk 3 (IDAT)",
};

/** What opening the sample `name` gives, with the file handle `id`. */
export function sampleOutcome(name: SampleName, id: number): OpenOutcome {
  const opened = (file: OpenedFile): OpenOutcome => ({ status: "opened", file });
  switch (name) {
    case "teamwork":
      return opened({
        id,
        previewUrl: TEAMWORK_ART,
        inspection: {
          fileName: "teamwork-badge.png",
          format: "png",
          byteSize: 48_211,
          width: 512,
          height: 512,
          badge: teamworkContent(),
          warnings: [],
        },
      });
    case "chess":
      return opened({
        id,
        previewUrl: CHESS_ART,
        inspection: {
          fileName: "checkmate-in-three.svg",
          format: "svg",
          byteSize: 3_912,
          width: 240,
          height: 240,
          badge: chessContent(),
          warnings: [],
        },
      });
    case "robotics":
      return opened({
        id,
        previewUrl: ROBOTICS_ART,
        inspection: {
          fileName: "robotics-workshop-2016.png",
          format: "png",
          byteSize: 26_780,
          width: 300,
          height: 300,
          badge: roboticsContent(),
          warnings: ["a second badge text (tEXt `openbadges`, chunk 5) was ignored; the first one is used"],
        },
      });
    case "first-aid":
      return opened({
        id,
        previewUrl: FIRST_AID_ART,
        inspection: {
          fileName: "first-aid-volunteer.svg",
          format: "svg",
          byteSize: 2_406,
          width: 240,
          height: 240,
          badge: firstAidContent(),
          warnings: [],
        },
      });
    case "photo":
      return opened({
        id,
        previewUrl: PHOTO_ART,
        inspection: {
          fileName: "club-photo.png",
          format: "png",
          byteSize: 286_412,
          width: 1200,
          height: 800,
          badge: null,
          warnings: [],
        },
      });
    case "broken":
      return { status: "failed", name: "broken.png", error: { ...BROKEN_ERROR } };
  }
}

/** The credential the fake bakes when asked to bake into an image. */
export function bakedCopy(image: OpenedFile, id: number): OpenedFile {
  const stem = image.inspection.fileName.replace(/\.[^.]+$/, "");
  const svg = image.inspection.format === "svg";
  const content = teamworkContent();
  const badge: BadgeContent = svg
    ? {
        ...content,
        keyword: null,
        chunkType: null,
        chunkIndex: null,
        element: "openbadges:credential",
        svgSource: "cdata",
      }
    : content;
  return {
    id,
    previewUrl: image.previewUrl,
    inspection: {
      ...image.inspection,
      fileName: `${stem}-baked.${svg ? "svg" : "png"}`,
      byteSize: image.inspection.byteSize + badge.byteSize + 24,
      badge,
      warnings: [],
    },
  };
}

// ---------------------------------------------------------------- verification reports
// Canned: what the Rust verifier reports for each sample's text, offline and
// online. The fake does not verify anything itself.

const pass = (id: string, message: string): VerificationCheck => ({ id, status: "pass", message });
const fail = (id: string, message: string): VerificationCheck => ({ id, status: "fail", message });
const skip = (id: string, message: string): VerificationCheck => ({ id, status: "skip", message });

function report(
  online: boolean,
  format: string,
  checks: VerificationCheck[],
  about: Partial<Pick<Verification, "issuerName" | "issuerId" | "achievementName" | "validFrom" | "validUntil">> = {},
): Verification {
  return {
    valid: !checks.some((c) => c.status === "fail"),
    format,
    checks,
    needsNetwork: !online && checks.some((c) => c.status === "skip"),
    online,
    issuerName: null,
    issuerId: null,
    achievementName: null,
    validFrom: null,
    validUntil: null,
    ...about,
  };
}

const OB3_PARSE = pass("parse", "This is an Open Badges 3.0 credential.");
const COMPLETE = pass("schema", "All the information the standard requires is there.");
const NO_STATUS_LIST = pass("status", "The issuer published no revocation list for it, so it cannot be revoked.");

function teamworkReport(online: boolean): Verification {
  const about = {
    issuerName: "Example Corp",
    issuerId: "https://example.com/issuers/876543",
    achievementName: "Teamwork",
    validFrom: "2024-03-01T09:00:00Z",
  };
  const dates = pass("dates", "Valid since 2024-03-01T09:00:00Z, with no expiry date.");
  if (!online) {
    return report(
      false,
      "ob3-json",
      [
        OB3_PARSE,
        COMPLETE,
        skip(
          "proof",
          "The signing key https://example.com/issuers/876543#key-1 can only be looked up online; verify online to check the signature.",
        ),
        skip("issuer-key", "The signature was not verified, so neither was whose key made it."),
        dates,
        NO_STATUS_LIST,
      ],
      about,
    );
  }
  return report(
    true,
    "ob3-json",
    [
      OB3_PARSE,
      COMPLETE,
      pass("proof", "The signature (eddsa-rdfc-2022) is intact: nothing was changed since it was signed."),
      pass("issuer-key", "Signed by the issuer it names, https://example.com/issuers/876543."),
      dates,
      NO_STATUS_LIST,
    ],
    about,
  );
}

function chessReport(online: boolean): Verification {
  return report(
    online,
    "ob3-jwt",
    [
      OB3_PARSE,
      COMPLETE,
      pass("proof", "The signature (EdDSA) is intact: nothing was changed since it was signed."),
      pass("issuer-key", `Signed by the issuer it names, ${CHESS_KEY}.`),
      pass("dates", "Valid since 2026-01-15T10:00:00Z, with no expiry date."),
      NO_STATUS_LIST,
    ],
    {
      issuerName: "Riverside School Chess Club",
      issuerId: CHESS_KEY,
      achievementName: "Checkmate in Three",
      validFrom: "2026-01-15T10:00:00Z",
    },
  );
}

function roboticsReport(online: boolean): Verification {
  const about = {
    issuerName: "Northfield Makerspace",
    issuerId: "https://badges.northfield-makers.example/issuer",
    achievementName: "Robotics Workshop",
    validFrom: "2016-12-31T18:30:00Z",
  };
  const parse = pass("parse", "This is an Open Badges 2.0 assertion.");
  const dates = pass("dates", "Valid since 2016-12-31T18:30:00Z, with no expiry date.");
  if (!online) {
    return report(
      false,
      "ob2-json",
      [
        parse,
        COMPLETE,
        skip("proof", `It is a hosted badge: it can only be checked online, against the copy at ${ROBOTICS.id}.`),
        skip("issuer-key", "Whether the issuer hosts it can only be checked online."),
        dates,
        skip("status", "Whether the issuer has revoked it can only be checked online."),
      ],
      about,
    );
  }
  return report(
    true,
    "ob2-json",
    [
      parse,
      COMPLETE,
      pass("proof", `It matches the copy the issuer hosts at ${ROBOTICS.id}.`),
      pass("issuer-key", "It is hosted where its issuer publishes badges."),
      dates,
      fail("status", "The issuer has revoked this badge (awarded to the wrong person)."),
    ],
    about,
  );
}

function firstAidReport(online: boolean): Verification {
  if (!online) {
    return report(false, "ob2-hosted", [
      pass("parse", `This badge is only a link to the issuer's copy at ${FIRST_AID_URL}.`),
      skip("proof", "A linked badge can only be checked online."),
    ]);
  }
  return report(true, "ob2-hosted", [
    fail(
      "parse",
      `The linked badge cannot be fetched: ${FIRST_AID_URL} could not be fetched (http status: 404).`,
    ),
  ]);
}

/** The report the core gives for a sample's badge text, or null for other text. */
export function sampleVerification(text: string, online: boolean): Verification | null {
  switch (text.trim()) {
    case TEAMWORK_TEXT:
      return teamworkReport(online);
    case CHESS_TEXT:
      return chessReport(online);
    case ROBOTICS_TEXT:
      return roboticsReport(online);
    case FIRST_AID_URL:
      return firstAidReport(online);
    default:
      return null;
  }
}
