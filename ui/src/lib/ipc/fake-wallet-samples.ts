// Sample badges for the fake wallet: credentials from several issuers, as the
// text a wallet keeps (OB 3.0 JSON and VC-JWT, OB 2.0 hosted and signed), with
// small drawings standing in for their images. Used by the UI tests and by the
// browser preview with `?wallet=samples`.

import { hashOf } from "./fake-designs";
import { base64url } from "./fake-samples";
import type { FileFormat } from "./gen/FileFormat";

// ---------------------------------------------------------------- artwork

export type ArtShape = "circle" | "hexagon" | "shield" | "rosette" | "square";

/** Symbols on a 20 × 20 grid, drawn as white strokes in the middle of the badge. */
export const ART_SYMBOLS = {
  star: "M10 3l1.94 4.93 5.29.32-4.09 3.37 1.33 5.13L10 13.9l-4.47 2.85 1.33-5.13-4.09-3.37 5.29-.32z",
  cross: "M8 3.5h4v4.5h4.5v4H12v4.5H8V12H3.5V8H8z",
  leaf: "M4 16c0-7 4.5-11.5 12-12 .5 7.5-4 12-11 12M4 16l6-6",
  chart: "M3.5 16.5h13M6 13.5v-3M10 13.5v-7M14 13.5v-5",
  code: "M7 3.5c-1.5 0-2 .75-2 2v2.25c0 1-.5 1.75-1.5 2.25 1 .5 1.5 1.25 1.5 2.25v2.25c0 1.25.5 2 2 2M13 3.5c1.5 0 2 .75 2 2v2.25c0 1 .5 1.75 1.5 2.25-1 .5-1.5 1.25-1.5 2.25v2.25c0 1.25-.5 2-2 2",
  heart: "M10 16.5s-6.25-3.9-6.25-8.3A3.3 3.3 0 0 1 10 6.4a3.3 3.3 0 0 1 6.25 1.8c0 4.4-6.25 8.3-6.25 8.3z",
  book: "M10 5.5C8.5 4.25 6.5 3.75 3.5 3.75v11.5c3 0 5 .5 6.5 1.75 1.5-1.25 3.5-1.75 6.5-1.75V3.75c-3 0-5 .5-6.5 1.75zM10 5.5v11.5",
  people:
    "M7 8.5a2.25 2.25 0 1 0 0-4.5 2.25 2.25 0 0 0 0 4.5zM13.5 8.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM2.75 16c0-2.6 1.9-4.5 4.25-4.5S11.25 13.4 11.25 16M11.5 11.6c.6-.3 1.3-.5 2-.5 2.1 0 3.75 1.7 3.75 4.1",
  shield: "M10 2.5 16 4.75v4.6c0 3.85-2.45 6.6-6 8.15-3.55-1.55-6-4.3-6-8.15v-4.6zM7.25 10l2 2 3.75-4",
  mic: "M10 2.75a2.5 2.5 0 0 1 2.5 2.5v4a2.5 2.5 0 0 1-5 0v-4a2.5 2.5 0 0 1 2.5-2.5zM5 9.25a5 5 0 0 0 10 0M10 14.25v3",
} as const;

export type ArtSymbol = keyof typeof ART_SYMBOLS;

export interface ArtSpec {
  shape: ArtShape;
  /** The badge's main colour. */
  fill: string;
  /** The ring and ribbon colour. */
  accent: string;
  symbol: ArtSymbol;
}

const encoder = new TextEncoder();

function svgDataUrl(svg: string): string {
  let binary = "";
  for (const b of encoder.encode(svg)) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

function rosette(points: number, outer: number, inner: number): string {
  const out: string[] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI * i) / points - Math.PI / 2;
    out.push(`${(120 + r * Math.cos(a)).toFixed(1)} ${(120 + r * Math.sin(a)).toFixed(1)}`);
  }
  return `M${out.join(" L")} Z`;
}

const SHAPES: Record<ArtShape, { outline: string; ring: string }> = {
  circle: {
    outline: "M120 10a110 110 0 1 1 0 220a110 110 0 1 1 0-220z",
    ring: "M120 28a92 92 0 1 1 0 184a92 92 0 1 1 0-184z",
  },
  hexagon: {
    outline: "M120 10 L215 65 L215 175 L120 230 L25 175 L25 65 Z",
    ring: "M120 30 L198 75 L198 165 L120 210 L42 165 L42 75 Z",
  },
  shield: {
    outline: "M120 12 L208 44 V118 C208 170 170 206 120 228 C70 206 32 170 32 118 V44 Z",
    ring: "M120 30 L192 56 V118 C192 160 162 190 120 208 C78 190 48 160 48 118 V56 Z",
  },
  rosette: { outline: rosette(16, 112, 100), ring: "M120 32a88 88 0 1 1 0 176a88 88 0 1 1 0-176z" },
  square: {
    outline: "M62 16h116a46 46 0 0 1 46 46v116a46 46 0 0 1-46 46H62a46 46 0 0 1-46-46V62a46 46 0 0 1 46-46z",
    ring: "M66 34h108a32 32 0 0 1 32 32v108a32 32 0 0 1-32 32H66a32 32 0 0 1-32-32V66a32 32 0 0 1 32-32z",
  },
};

/** A badge drawing as an SVG `data:` URL. */
export function badgeArt(spec: ArtSpec): string {
  const shape = SHAPES[spec.shape];
  return svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">
<path d="${shape.outline}" fill="${spec.fill}"/>
<path d="${shape.ring}" fill="none" stroke="${spec.accent}" stroke-width="6" stroke-dasharray="2 9" stroke-linecap="round"/>
<g transform="translate(64 60) scale(5.6)" fill="none" stroke="#fff" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d="${ART_SYMBOLS[spec.symbol]}"/></g>
</svg>`);
}

const PALETTE: readonly [string, string][] = [
  ["#0a6870", "#f3c64e"],
  ["#5b5bd6", "#ffd37a"],
  ["#c2410c", "#fde68a"],
  ["#2f7d4f", "#d9f99d"],
  ["#9d174d", "#fbcfe8"],
  ["#1d4ed8", "#bfdbfe"],
];

/** A drawing for a badge that came without one, varied by its name. */
export function artFor(name: string): string {
  const h = parseInt(hashOf(name).slice(0, 6), 16);
  const shapes: ArtShape[] = ["circle", "hexagon", "shield", "rosette", "square"];
  const symbols = Object.keys(ART_SYMBOLS) as ArtSymbol[];
  const [fill, accent] = PALETTE[h % PALETTE.length] ?? ["#0a6870", "#f3c64e"];
  return badgeArt({ shape: shapes[h % shapes.length] ?? "circle", fill, accent, symbol: symbols[(h >> 4) % symbols.length] ?? "star" });
}

// ---------------------------------------------------------------- made-up cryptography

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Base58 characters that look like a signature, the same for the same seed. */
export function fakeBase58(seed: string, length: number): string {
  let out = "";
  for (let round = 0; out.length < length; round++) {
    const h = hashOf(`${seed}:${round}`);
    for (let i = 0; i < h.length; i += 2) out += BASE58[parseInt(h.slice(i, i + 2), 16) % 58];
  }
  return out.slice(0, length);
}

/** 64 hex digits standing in for a SHA-256 (the fake never hashes for real). */
export function fakeSha256(text: string): string {
  let out = "";
  for (let round = 0; out.length < 64; round++) out += hashOf(`${round}:${text}`);
  return out.slice(0, 64);
}

function fakeSignature(seed: string): string {
  const bytes = new Uint8Array(64);
  for (let i = 0; i < 64; i += 4) {
    const h = parseInt(hashOf(`${seed}:${i}`), 16);
    bytes[i] = h & 255;
    bytes[i + 1] = (h >> 8) & 255;
    bytes[i + 2] = (h >> 16) & 255;
    bytes[i + 3] = (h >>> 24) & 255;
  }
  return base64url(bytes);
}

function jws(header: object, payload: object, seed: string): string {
  const part = (value: object) => base64url(encoder.encode(JSON.stringify(value)));
  return `${part(header)}.${part(payload)}.${fakeSignature(seed)}`;
}

// ---------------------------------------------------------------- credentials

/** Who the sample badges were issued to: the person whose wallet it is. */
export const SAMPLE_OWNER = "sam.taylor@example.org";

export interface IssuerSpec {
  id: string;
  name: string;
  url?: string;
  email?: string;
  description?: string;
}

export interface AlignmentSpec {
  targetName: string;
  targetUrl: string;
  targetDescription?: string;
  targetFramework?: string;
  targetCode?: string;
}

export interface EvidenceSpec {
  id?: string;
  name?: string;
  description?: string;
  narrative?: string;
}

export interface Ob3Spec {
  id: string;
  name: string;
  description: string;
  criteria?: string;
  criteriaUrl?: string;
  achievementType?: string;
  issuer: IssuerSpec;
  validFrom: string;
  validUntil?: string;
  /** Hashed in the badge; the fake remembers it to answer "Is this mine?". */
  email?: string;
  did?: string;
  evidence?: EvidenceSpec[];
  alignments?: AlignmentSpec[];
  results?: string[];
  tags?: string[];
  /** The issuer's status list, when the badge can be revoked. */
  statusList?: string;
  image: string;
}

function issuerProfile(issuer: IssuerSpec): Record<string, unknown> {
  return { type: ["Profile"], ...issuer };
}

/** An OB 3.0 credential as JSON, without its proof. */
export function ob3(spec: Ob3Spec): Record<string, unknown> {
  const salt = hashOf(spec.id).slice(0, 8);
  const subject: Record<string, unknown> = { type: ["AchievementSubject"] };
  if (spec.did) subject.id = spec.did;
  if (spec.email) {
    subject.identifier = [
      { type: "IdentityObject", identityHash: `sha256$${fakeSha256(salt + spec.email)}`, identityType: "emailAddress", hashed: true, salt },
    ];
  }
  subject.achievement = {
    id: `${spec.issuer.url ?? spec.issuer.id}/achievements/${hashOf(spec.name).slice(0, 6)}`,
    type: ["Achievement"],
    ...(spec.achievementType ? { achievementType: spec.achievementType } : {}),
    name: spec.name,
    description: spec.description,
    criteria: { ...(spec.criteriaUrl ? { id: spec.criteriaUrl } : {}), ...(spec.criteria ? { narrative: spec.criteria } : {}) },
    image: { id: spec.image, type: "Image" },
    ...(spec.alignments ? { alignment: spec.alignments.map((a) => ({ type: ["Alignment"], ...a })) } : {}),
    ...(spec.results ? { resultDescription: spec.results.map((name, i) => ({ id: `urn:result:${i + 1}`, type: ["ResultDescription"], name, resultType: "Status" })) } : {}),
    ...(spec.tags ? { tag: spec.tags } : {}),
  };
  return {
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    id: spec.id,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: issuerProfile(spec.issuer),
    validFrom: spec.validFrom,
    ...(spec.validUntil ? { validUntil: spec.validUntil } : {}),
    name: spec.name,
    credentialSubject: subject,
    ...(spec.evidence ? { evidence: spec.evidence.map((e) => ({ type: ["Evidence"], ...e })) } : {}),
    ...(spec.statusList
      ? {
          credentialStatus: {
            id: `${spec.statusList}#${parseInt(hashOf(spec.id).slice(0, 4), 16)}`,
            type: "BitstringStatusListEntry",
            statusPurpose: "revocation",
            statusListIndex: String(parseInt(hashOf(spec.id).slice(0, 4), 16)),
            statusListCredential: spec.statusList,
          },
        }
      : {}),
  };
}

/** The credential with an eddsa-rdfc-2022 proof, as pretty JSON. */
export function ob3Json(spec: Ob3Spec, proofSeed = spec.id): string {
  return JSON.stringify(
    {
      ...ob3(spec),
      proof: [
        {
          type: "DataIntegrityProof",
          cryptosuite: "eddsa-rdfc-2022",
          created: spec.validFrom,
          verificationMethod: `${spec.issuer.id}#${spec.issuer.id.startsWith("did:key:") ? spec.issuer.id.slice(8) : "key-1"}`,
          proofPurpose: "assertionMethod",
          proofValue: `z${fakeBase58(proofSeed, 87)}`,
        },
      ],
    },
    null,
    2,
  );
}

/** The credential as a VC-JWT. */
export function ob3Jwt(spec: Ob3Spec): string {
  const vc = ob3(spec);
  const seconds = (date: string) => Math.floor(Date.parse(date) / 1000);
  const payload = {
    iss: spec.issuer.id,
    jti: spec.id,
    ...(spec.did ? { sub: spec.did } : {}),
    nbf: seconds(spec.validFrom),
    ...(spec.validUntil ? { exp: seconds(spec.validUntil) } : {}),
    vc,
  };
  return jws({ alg: "EdDSA", typ: "JWT", kid: `${spec.issuer.id}#key-1` }, payload, spec.id);
}

export interface Ob2Spec {
  id: string;
  name: string;
  description: string;
  criteria?: string;
  criteriaUrl?: string;
  issuer: IssuerSpec;
  issuedOn: string;
  expires?: string;
  email: string;
  evidence?: EvidenceSpec[];
  alignments?: AlignmentSpec[];
  tags?: string[];
  /** `hosted`: the issuer's website serves it; `signed`: a JWS. */
  verification: "hosted" | "signed";
  image: string;
}

function ob2(spec: Ob2Spec): Record<string, unknown> {
  const salt = hashOf(spec.id).slice(0, 8);
  return {
    "@context": "https://w3id.org/openbadges/v2",
    type: "Assertion",
    id: spec.id,
    recipient: { type: "email", hashed: true, salt, identity: `sha256$${fakeSha256(salt + spec.email)}` },
    badge: {
      type: "BadgeClass",
      id: `${spec.issuer.url ?? spec.issuer.id}/badges/${hashOf(spec.name).slice(0, 6)}`,
      name: spec.name,
      description: spec.description,
      image: spec.image,
      criteria: { ...(spec.criteriaUrl ? { id: spec.criteriaUrl } : {}), ...(spec.criteria ? { narrative: spec.criteria } : {}) },
      issuer: { type: "Profile", ...spec.issuer },
      ...(spec.alignments ? { alignment: spec.alignments } : {}),
      ...(spec.tags ? { tags: spec.tags } : {}),
    },
    issuedOn: spec.issuedOn,
    ...(spec.expires ? { expires: spec.expires } : {}),
    ...(spec.evidence ? { evidence: spec.evidence.map((e) => ({ type: "Evidence", ...e })) } : {}),
    verification:
      spec.verification === "hosted" ? { type: "hosted" } : { type: "signed", creator: `${spec.issuer.id}#key-1` },
  };
}

/** An OB 2.0 assertion: pretty JSON when hosted, a compact JWS when signed. */
export function ob2Text(spec: Ob2Spec): string {
  const assertion = ob2(spec);
  if (spec.verification === "hosted") return JSON.stringify(assertion, null, 2);
  return jws({ alg: "RS256" }, assertion, spec.id);
}

// ---------------------------------------------------------------- the sample wallet

/** A badge as the sample wallet holds it, with what the fake pretends to know about it. */
export interface SampleBadge {
  text: string;
  fileName: string;
  fileKind: FileFormat;
  fileBytes: number;
  image: string;
  addedAt: string;
  trashedAt?: string;
  tags?: string[];
  note?: string;
  /** Names of the collections it is in. */
  collections?: string[];
  /** The recipient's identity in clear (the badge may only hold a hash of it). */
  identity: string;
  /** The issuer's status list says it is revoked. */
  revoked?: boolean;
  /** The text was changed after it was signed. */
  tampered?: boolean;
  /** It was last verified with the network allowed. */
  verifiedOnline?: boolean;
}

const NORTHSIDE: IssuerSpec = {
  id: "did:key:z6MkrHKzgsahxBLyNAbLQyB1pcWNYC9GmywiWPgkrvntAZcj",
  name: "Northside School",
  url: "https://northside.example",
  email: "office@northside.example",
  description: "A secondary school that awards badges for skills learnt in and out of class.",
};

const GREEN_FUTURES: IssuerSpec = {
  id: "did:web:greenfutures.example",
  name: "Green Futures Network",
  url: "https://greenfutures.example",
  description: "A charity training volunteers to run climate workshops in schools and libraries.",
};

const OPEN_CODE: IssuerSpec = {
  id: "https://opencode-academy.example/issuer.json",
  name: "Open Code Academy",
  url: "https://opencode-academy.example",
  email: "badges@opencode-academy.example",
};

const ST_AIDAN: IssuerSpec = {
  id: "https://st-aidan-ambulance.example/badges/issuer",
  name: "St Aidan Ambulance",
  url: "https://st-aidan-ambulance.example",
};

const LIBRARY_FRIENDS: IssuerSpec = {
  id: "did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH",
  name: "Riverside Library Friends",
  url: "https://riverside-library.example",
};

const CITY_COLLEGE: IssuerSpec = {
  id: "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG",
  name: "City Adult College",
  url: "https://city-college.example",
  email: "skills@city-college.example",
};

const MAKERS_GUILD: IssuerSpec = {
  id: "did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf",
  name: "Makers Guild",
  url: "https://makersguild.example",
};

const ESCO = "https://esco.example/skill";

const DATA_LITERACY: Ob3Spec = {
  id: "urn:uuid:0d4c8f4e-58a1-4b7a-9b55-7d2f1c3e9a10",
  name: "Data Literacy Foundations",
  description: "Reads charts and tables critically, cleans a small data set and explains what it shows and what it doesn’t.",
  criteria: "Completed the ten-week evening course and presented a short analysis of open council data to the group.",
  criteriaUrl: "https://city-college.example/courses/data-literacy",
  achievementType: "Course",
  issuer: CITY_COLLEGE,
  validFrom: "2025-06-20T17:00:00Z",
  email: SAMPLE_OWNER,
  alignments: [
    { targetName: "Analyse data", targetUrl: `${ESCO}/analyse-data`, targetFramework: "ESCO", targetCode: "S2.8.1" },
    { targetName: "Present findings", targetUrl: `${ESCO}/present-findings`, targetFramework: "ESCO", targetCode: "S1.2.3" },
  ],
  results: ["Final presentation"],
  tags: ["data", "statistics"],
  image: badgeArt({ shape: "square", fill: "#1d4ed8", accent: "#bfdbfe", symbol: "chart" }),
};

/** The sample wallet: eight badges (one of them an altered copy of another) and one in the trash. */
export function sampleWallet(): SampleBadge[] {
  const safeguarding: Ob3Spec = {
    id: "urn:uuid:8a1f0c2e-3b5d-4c6e-9f70-1a2b3c4d5e6f",
    name: "Safeguarding Essentials",
    description: "Knows how to recognise, respond to and report concerns about the safety of children and young people.",
    criteria: "Completed the three-hour safeguarding course and passed the scenario quiz with at least 80%.",
    criteriaUrl: "https://northside.example/badges/safeguarding",
    achievementType: "Certificate",
    issuer: NORTHSIDE,
    validFrom: "2025-09-12T15:30:00Z",
    validUntil: "2028-09-12T00:00:00Z",
    email: SAMPLE_OWNER,
    evidence: [
      {
        id: "https://northside.example/badges/safeguarding/evidence/sam-taylor",
        name: "Scenario quiz",
        description: "Quiz result: 92%",
      },
    ],
    alignments: [
      {
        targetName: "Safeguard children",
        targetUrl: `${ESCO}/safeguard-children`,
        targetDescription: "Recognise signs of harm and follow the procedures to protect children.",
        targetFramework: "ESCO",
        targetCode: "S3.2.4",
      },
    ],
    results: ["Scenario quiz"],
    tags: ["safeguarding", "teaching"],
    statusList: "https://northside.example/badges/status/1.json",
    image: badgeArt({ shape: "shield", fill: "#0a6870", accent: "#f3c64e", symbol: "shield" }),
  };
  const climate: Ob3Spec = {
    id: "https://greenfutures.example/credentials/2026/0147",
    name: "Climate Workshop Facilitator",
    description: "Runs the two-hour Climate Fresk style workshop for groups of up to twelve people.",
    criteria: "Co-facilitated two workshops with a mentor, then led one alone with positive feedback from the group.",
    achievementType: "License",
    issuer: GREEN_FUTURES,
    validFrom: "2026-01-20T10:00:00Z",
    validUntil: "2029-01-20T00:00:00Z",
    email: SAMPLE_OWNER,
    evidence: [
      {
        name: "Mentor’s note",
        narrative: "Sam kept a lively group of sixth-formers on track and handled a tricky question about carbon offsets well.",
      },
    ],
    results: ["Facilitation observed"],
    tags: ["climate", "facilitation"],
    image: badgeArt({ shape: "circle", fill: "#2f7d4f", accent: "#d9f99d", symbol: "leaf" }),
  };
  const python: Ob2Spec = {
    id: "https://opencode-academy.example/assertions/py101-88213",
    name: "Intro to Python",
    description: "Writes small Python programs with functions, lists and files.",
    criteriaUrl: "https://opencode-academy.example/courses/python-101",
    issuer: OPEN_CODE,
    issuedOn: "2024-05-02T12:00:00Z",
    email: SAMPLE_OWNER,
    tags: ["programming", "python"],
    verification: "hosted",
    image: badgeArt({ shape: "hexagon", fill: "#5b5bd6", accent: "#ffd37a", symbol: "code" }),
  };
  const responder: Ob2Spec = {
    id: "https://st-aidan-ambulance.example/badges/assertions/cfr-2023-0311",
    name: "Community First Responder",
    description: "Trained to give emergency first aid, including CPR and defibrillator use, until an ambulance arrives.",
    criteria: "Sixteen hours of training and a practical assessment; renewed every two years.",
    issuer: ST_AIDAN,
    issuedOn: "2023-06-30T09:00:00Z",
    expires: "2025-06-30T00:00:00Z",
    email: SAMPLE_OWNER,
    alignments: [{ targetName: "Provide first aid", targetUrl: `${ESCO}/first-aid`, targetFramework: "ESCO", targetCode: "S1.4" }],
    verification: "signed",
    image: badgeArt({ shape: "rosette", fill: "#c2410c", accent: "#fde68a", symbol: "cross" }),
  };
  const volunteer: Ob3Spec = {
    id: "urn:uuid:3c9e7d10-6a44-4e0b-8c21-5f0a9b7e2d33",
    name: "Volunteer of the Year 2024",
    description: "Awarded to the volunteer who gave the most to the library’s reading programmes during the year.",
    criteria: "Chosen by the library staff and the Friends’ committee.",
    issuer: LIBRARY_FRIENDS,
    validFrom: "2024-12-14T18:00:00Z",
    email: SAMPLE_OWNER,
    statusList: "https://riverside-library.example/status/2024.json",
    image: badgeArt({ shape: "rosette", fill: "#9d174d", accent: "#fbcfe8", symbol: "heart" }),
  };
  const facilitation: Ob3Spec = {
    id: "urn:uuid:b7e2a9c4-1d3f-4e8a-a6b0-c2d4e6f8a0b2",
    name: "Workshop Facilitation",
    description: "Plans and runs hands-on workshops in which everyone makes something and leaves having learnt a skill.",
    criteria: "Ran three public workshops at the Guild and wrote a short plan for each.",
    issuer: MAKERS_GUILD,
    validFrom: "2025-11-03T19:00:00Z",
    did: "did:key:z6MkfKzP2pE7rGmbW1M4uGJ6qJ2X1nTk9C8Vb3Yh5Lq7sDzR",
    evidence: [
      { id: "https://makersguild.example/workshops/2025/lamp", name: "Build a desk lamp (workshop plan)" },
      { id: "https://makersguild.example/workshops/2025/stool", name: "Three-legged stool (workshop plan)" },
    ],
    results: ["Workshop plans", "Participant feedback"],
    tags: ["making", "teaching"],
    image: badgeArt({ shape: "hexagon", fill: "#0a6870", accent: "#fde68a", symbol: "people" }),
  };
  const storytime: Ob3Spec = {
    id: "urn:uuid:5e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
    name: "Story Time Reader",
    description: "Reads aloud to young children at the library’s Saturday story time.",
    criteria: "Read at six story-time sessions.",
    issuer: LIBRARY_FRIENDS,
    validFrom: "2023-03-11T11:00:00Z",
    email: SAMPLE_OWNER,
    image: badgeArt({ shape: "circle", fill: "#9d174d", accent: "#fde68a", symbol: "book" }),
  };

  const original = ob3Json(DATA_LITERACY);
  // The same credential with its name changed after signing: the wallet warns that the two share an id.
  const altered = original.replaceAll('"name": "Data Literacy Foundations"', '"name": "Data Literacy (Distinction)"');
  const bytes = (text: string) => encoder.encode(text).length;
  const entries: SampleBadge[] = [
    {
      text: ob3Json(safeguarding),
      fileName: "safeguarding-essentials.png",
      fileKind: "png",
      fileBytes: 38_412,
      image: safeguarding.image,
      addedAt: "2025-09-14T08:12:00Z",
      tags: ["work"],
      note: "Needed for the after-school club. Renew before September 2028.",
      collections: ["Teaching portfolio"],
      identity: SAMPLE_OWNER,
    },
    {
      text: ob3Jwt(climate),
      fileName: "climate-facilitator.jwt",
      fileKind: "jwt",
      fileBytes: 0,
      image: climate.image,
      addedAt: "2026-01-21T19:40:00Z",
      tags: ["volunteering"],
      collections: ["Teaching portfolio"],
      identity: SAMPLE_OWNER,
      verifiedOnline: true,
    },
    {
      text: ob2Text(python),
      fileName: "python-101.json",
      fileKind: "json",
      fileBytes: 0,
      image: python.image,
      addedAt: "2024-05-03T10:05:00Z",
      tags: ["work"],
      identity: SAMPLE_OWNER,
    },
    {
      text: ob2Text(responder),
      fileName: "first-responder-2023.svg",
      fileKind: "svg",
      fileBytes: 9_874,
      image: responder.image,
      addedAt: "2023-07-02T16:20:00Z",
      tags: ["volunteering"],
      identity: SAMPLE_OWNER,
    },
    {
      text: ob3Json(volunteer),
      fileName: "volunteer-of-the-year.png",
      fileKind: "png",
      fileBytes: 41_007,
      image: volunteer.image,
      addedAt: "2024-12-20T09:00:00Z",
      tags: ["volunteering"],
      identity: SAMPLE_OWNER,
      revoked: true,
    },
    {
      text: original,
      fileName: "data-literacy.png",
      fileKind: "png",
      fileBytes: 35_560,
      image: DATA_LITERACY.image,
      addedAt: "2025-06-21T07:45:00Z",
      tags: ["work"],
      collections: ["CV"],
      identity: SAMPLE_OWNER,
    },
    {
      text: altered,
      fileName: "data-literacy (copy).png",
      fileKind: "png",
      fileBytes: 35_571,
      image: DATA_LITERACY.image,
      addedAt: "2025-10-02T13:30:00Z",
      identity: SAMPLE_OWNER,
      tampered: true,
    },
    {
      text: ob3Json(facilitation),
      fileName: "workshop-facilitation.svg",
      fileKind: "svg",
      fileBytes: 12_338,
      image: facilitation.image,
      addedAt: "2025-11-04T08:00:00Z",
      tags: ["work", "teaching"],
      collections: ["Teaching portfolio", "CV"],
      identity: "did:key:z6MkfKzP2pE7rGmbW1M4uGJ6qJ2X1nTk9C8Vb3Yh5Lq7sDzR",
    },
    {
      text: ob3Json(storytime),
      fileName: "story-time-reader.png",
      fileKind: "png",
      fileBytes: 30_128,
      image: storytime.image,
      addedAt: "2023-03-12T10:00:00Z",
      trashedAt: "2026-02-27T17:02:00Z",
      identity: SAMPLE_OWNER,
    },
  ];
  return entries.map((e) => (e.fileBytes === 0 ? { ...e, fileBytes: bytes(e.text) } : e));
}

/** What the fake's backup file holds: one badge of the sample wallet and one more, and a collection. */
export function sampleBackup(): { badges: SampleBadge[]; collections: string[] } {
  const speaking: Ob3Spec = {
    id: "urn:uuid:71c3e0aa-2b4d-4f6e-8a9b-0c1d2e3f4a5b",
    name: "Public Speaking Basics",
    description: "Gives a clear five-minute talk to an audience of twenty and answers questions.",
    criteria: "Gave two talks at the club and received feedback from a mentor.",
    issuer: { id: "did:key:z6MkwYkHqvVhP7c1G9u3n5d6A2e8mR4sT1xZ0bQyLkJ2FpXa", name: "Speakers’ Club Riverside" },
    validFrom: "2025-04-09T19:30:00Z",
    email: SAMPLE_OWNER,
    image: badgeArt({ shape: "circle", fill: "#1d4ed8", accent: "#fde68a", symbol: "mic" }),
  };
  const text = ob3Json(speaking);
  return {
    badges: [
      {
        text,
        fileName: "public-speaking.png",
        fileKind: "png",
        fileBytes: 28_990,
        image: speaking.image,
        addedAt: "2025-04-10T08:00:00Z",
        collections: ["CV"],
        identity: SAMPLE_OWNER,
      },
      ...sampleWallet().filter((b) => b.fileName === "data-literacy.png"),
    ],
    collections: ["CV"],
  };
}
