// The wallet side of the in-memory fake backend: badges kept as the text
// received, read far enough for the grid and the detail panel, with tags,
// notes, collections, a trash, and the import, export and backup dialogs.
// Nothing is verified: the reports are made up from what a badge says (a
// proof, its dates, a status list) and from what the sample data pretends
// (revoked, altered after signing).

import type { WalletImportProgress } from "./gen/WalletImportProgress";
import type { CollectionExportFormat, WalletExportKind } from "./backend";
import { hashOf } from "./fake-designs";
import { sampleOutcome, sampleVerification, utf8Length, type SampleName } from "./fake-samples";
import { artFor, sampleBackup, sampleWallet, type SampleBadge } from "./fake-wallet-samples";
import type { AlignmentFacts } from "./gen/AlignmentFacts";
import type { BadgeFacts } from "./gen/BadgeFacts";
import type { BadgeVersion } from "./gen/BadgeVersion";
import type { EvidenceFacts } from "./gen/EvidenceFacts";
import type { FileFormat } from "./gen/FileFormat";
import type { ImportItem } from "./gen/ImportItem";
import type { ImportReport } from "./gen/ImportReport";
import type { IpcError } from "./gen/IpcError";
import type { IssuerFacts } from "./gen/IssuerFacts";
import type { OpenOutcome } from "./gen/OpenOutcome";
import type { RecipientFacts } from "./gen/RecipientFacts";
import type { RecipientMatch } from "./gen/RecipientMatch";
import type { RestoreReport } from "./gen/RestoreReport";
import type { Verification } from "./gen/Verification";
import type { VerificationCheck } from "./gen/VerificationCheck";
import type { WalletBadge } from "./gen/WalletBadge";
import type { WalletCollection } from "./gen/WalletCollection";
import type { WalletDetail } from "./gen/WalletDetail";
import type { WalletFacet } from "./gen/WalletFacet";
import type { WalletFacets } from "./gen/WalletFacets";
import type { WalletPage } from "./gen/WalletPage";
import type { WalletQuery } from "./gen/WalletQuery";
import type { WalletStatus } from "./gen/WalletStatus";

/** The name the core gives pasted text in an import report. */
export const PASTED_SOURCE = "pasted text";

/** One file a fake dialog "chooses", or one dropped file. */
export interface FakeWalletFile {
  /** Its path as given. */
  source: string;
  /** The badge text it holds, or null when it holds none. */
  text: string | null;
  /** Why it is not a badge, when `text` is null. */
  reason?: string;
  /** Its picture as a `data:` URL. */
  image?: string | null;
  kind?: FileFormat;
  bytes?: number;
}

export interface FakeWalletOptions {
  /** Data at start: `samples` fills the wallet with {@link sampleWallet}. */
  seed?: "samples";
  /** What the "Add files" dialog chooses; `null` acts as cancelled. Default: {@link DEFAULT_FILES}. */
  files?: readonly FakeWalletFile[] | null;
  /** What the "Add folder" dialog finds; `null` acts as cancelled. Default: {@link DEFAULT_FOLDER}. */
  folder?: readonly FakeWalletFile[] | null;
  /** Where the save dialogs (export, backup) save; `null` acts as cancelled. Default: made-up paths. */
  savePath?: string | null;
  /** Whether the backup's open dialog is cancelled. */
  restoreCancelled?: boolean;
  /** Awaited before each import and re-verification answers, e.g. to hold them in progress. */
  gate?: (what: "import" | "reverify") => Promise<unknown>;
  /** The fake clock's "now" for dates in badges. Default: the real time. */
  now?: () => Date;
}

/** A file of the Inspector's samples as a wallet import sees it. */
export function walletFileOf(outcome: OpenOutcome, folder: string): FakeWalletFile {
  if (outcome.status === "failed") return { source: `${folder}/${outcome.name}`, text: null, reason: sentenceOf(outcome.error.message) };
  const { inspection, previewUrl } = outcome.file;
  const source = `${folder}/${inspection.fileName}`;
  if (!inspection.badge) return { source, text: null, reason: "No badge is baked into this image." };
  return { source, text: inspection.badge.text, image: previewUrl, kind: inspection.format, bytes: inspection.byteSize };
}

function sentenceOf(message: string): string {
  const text = message.replace(/^[^:]+\.(png|svg|json|jwt|jws|txt): /, "").trim();
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function fail(code: IpcError["code"], message: string): never {
  throw { code, message } satisfies IpcError;
}

// ---------------------------------------------------------------- reading a badge

type Json = Record<string, unknown>;

function obj(value: unknown): Json | null {
  if (Array.isArray(value)) return obj(value[0]);
  return typeof value === "object" && value !== null ? (value as Json) : null;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** What the fake reads from a badge's text. */
interface Reading {
  version: BadgeVersion;
  kind: FileFormat;
  facts: BadgeFacts;
  /** How it proves itself. */
  proof: "data-integrity" | "jws" | "hosted" | "none";
  /** Its status list, if it has one. */
  statusList: string | null;
}

function issuerOf(value: unknown): IssuerFacts {
  const o = obj(value);
  if (!o) return { id: str(value), name: null, url: null, email: null, description: null, image: null };
  const image = str(o.image) ?? str(obj(o.image)?.id);
  return { id: str(o.id), name: str(o.name), url: str(o.url), email: str(o.email), description: str(o.description), image };
}

function evidenceOf(value: unknown): EvidenceFacts[] {
  return list(value).map((e) => {
    const o = obj(e);
    if (!o) return { url: str(e), name: null, description: null, narrative: null };
    return { url: str(o.id), name: str(o.name), description: str(o.description), narrative: str(o.narrative) };
  });
}

function alignmentsOf(value: unknown): AlignmentFacts[] {
  return list(value).flatMap((a) => {
    const o = obj(a);
    const name = str(o?.targetName);
    if (!o || !name) return [];
    return [{ name, url: str(o.targetUrl), description: str(o.targetDescription), framework: str(o.targetFramework), code: str(o.targetCode) }];
  });
}

function strings(value: unknown): string[] {
  return list(value).flatMap((v) => (str(v) ? [String(v)] : []));
}

function readOb3(vc: Json, kind: FileFormat, proof: Reading["proof"]): Reading {
  const subject = obj(vc.credentialSubject) ?? {};
  const achievement = obj(subject.achievement) ?? {};
  const criteria = obj(achievement.criteria);
  const identifier = obj(subject.identifier);
  let recipient: RecipientFacts = { kind: "none", value: null, hashed: false, name: str(subject.name) };
  if (identifier) {
    const type = str(identifier.identityType) ?? "identifier";
    const hashed = identifier.hashed === true;
    recipient = { ...recipient, kind: type === "emailAddress" ? "email" : type, hashed, value: hashed ? null : str(identifier.identityHash) };
  } else if (str(subject.id)) {
    recipient = { ...recipient, kind: str(subject.id)?.startsWith("did:") ? "did" : "url", value: str(subject.id) };
  }
  const name = str(achievement.name) ?? str(vc.name) ?? "Untitled badge";
  const skills = list(achievement.resultDescription).flatMap((r) => (str(obj(r)?.name) ? [String(obj(r)?.name)] : []));
  const facts: BadgeFacts = {
    credentialId: str(vc.id),
    name,
    description: str(achievement.description) ?? str(vc.description),
    criteria: str(criteria?.narrative),
    criteriaUrl: str(criteria?.id),
    achievementType: str(achievement.achievementType),
    issuer: issuerOf(vc.issuer),
    recipient,
    issuedOn: str(subject.awardedDate) ?? str(vc.awardedDate) ?? str(vc.validFrom) ?? str(vc.issuanceDate),
    validFrom: str(vc.validFrom) ?? str(vc.issuanceDate),
    validUntil: str(vc.validUntil) ?? str(vc.expirationDate),
    evidence: evidenceOf(vc.evidence),
    alignments: alignmentsOf(achievement.alignment),
    skills,
    keywords: strings(achievement.tag),
  };
  const status = obj(vc.credentialStatus);
  const realProof = proof === "data-integrity" && vc.proof === undefined ? "none" : proof;
  return { version: "ob3", kind, facts, proof: realProof, statusList: str(status?.statusListCredential) };
}

function readOb2(assertion: Json, kind: FileFormat, proof: Reading["proof"]): Reading {
  const badge = obj(assertion.badge) ?? {};
  const criteria = obj(badge.criteria);
  const r = obj(assertion.recipient) ?? {};
  const hashed = r.hashed === true;
  const verification = obj(assertion.verification) ?? obj(assertion.verify);
  const hosted = str(verification?.type)?.toLowerCase().startsWith("hosted") ?? false;
  const facts: BadgeFacts = {
    credentialId: str(assertion.id),
    name: str(badge.name) ?? str(assertion.badge) ?? "Untitled badge",
    description: str(badge.description),
    criteria: str(criteria?.narrative),
    criteriaUrl: str(criteria?.id) ?? str(badge.criteria),
    achievementType: null,
    issuer: issuerOf(badge.issuer),
    recipient: { kind: str(r.type) ?? "none", value: hashed ? null : str(r.identity), hashed, name: null },
    issuedOn: str(assertion.issuedOn),
    validFrom: str(assertion.issuedOn),
    validUntil: str(assertion.expires),
    evidence: evidenceOf(assertion.evidence),
    alignments: alignmentsOf(badge.alignment),
    skills: [],
    keywords: strings(badge.tags),
  };
  return { version: "ob2", kind, facts, proof: proof === "jws" ? "jws" : hosted ? "hosted" : "none", statusList: null };
}

function decodeSegment(segment: string): Json | null {
  try {
    const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return obj(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return null;
  }
}

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const URL_TEXT = /^https?:\/\/\S+$/;

/** Reads a badge's text, or says in one sentence why it is no badge. */
function read(text: string): Reading | { reason: string } {
  const t = text.trim();
  if (t.startsWith("{")) {
    let json: Json | null;
    try {
      json = obj(JSON.parse(t));
    } catch {
      return { reason: "It starts like JSON but isn’t valid JSON." };
    }
    if (!json) return { reason: "It is JSON, but not an object." };
    if (json.credentialSubject !== undefined) return readOb3(json, "json", "data-integrity");
    if (json.badge !== undefined && json.recipient !== undefined) return readOb2(json, "json", "none");
    const name = str(json.name);
    if (!str(json.id) || !name) return { reason: "This JSON is no Open Badges credential: it has no id or no name." };
    return {
      version: "unknown",
      kind: "json",
      facts: { ...readOb3({ ...json, credentialSubject: {} }, "json", "none").facts, name },
      proof: "none",
      statusList: null,
    };
  }
  if (JWS.test(t)) {
    const payload = decodeSegment(t.split(".")[1] ?? "");
    if (!payload) return { reason: "It looks like a JWT, but its payload isn’t JSON." };
    const vc = obj(payload.vc) ?? (payload.credentialSubject !== undefined ? payload : null);
    if (vc) return readOb3(vc, "jwt", "jws");
    if (payload.badge !== undefined) return readOb2(payload, "jwt", "jws");
    return { reason: "This JWT holds no Open Badges credential." };
  }
  return { reason: "It is not a badge image, a JSON credential, a JWT or the address of a hosted badge." };
}

/** What fetching a hosted badge's URL gives, for the fake: an OB 2.0 assertion named after the address. */
function fetched(url: string): string {
  const u = new URL(url);
  const stem = (u.pathname.split("/").pop() ?? "badge").replace(/\.[a-z]+$/i, "");
  const words = stem.replace(/[-_]+/g, " ").replace(/\b\d+\b/g, "").trim() || "Hosted badge";
  const name = words.charAt(0).toUpperCase() + words.slice(1);
  return JSON.stringify(
    {
      "@context": "https://w3id.org/openbadges/v2",
      type: "Assertion",
      id: url,
      recipient: { type: "email", hashed: false, identity: "sam.taylor@example.org" },
      badge: { type: "BadgeClass", id: `${u.origin}/badges/${stem}`, name, description: `The badge served at ${u.host}.`, issuer: { id: `${u.origin}/issuer`, name: u.host } },
      issuedOn: "2024-01-15T12:00:00Z",
      verification: { type: "hosted" },
    },
    null,
    2,
  );
}

// ---------------------------------------------------------------- verifying (made up)

const VERSION_WORDS: Record<BadgeVersion, string> = {
  ob3: "an Open Badges 3.0 credential",
  ob2: "an Open Badges 2.0 assertion",
  ob1: "an Open Badges 1.x assertion",
  unknown: "a credential of no known version",
};

function formatOf(reading: Reading): string {
  if (reading.version === "ob3") return reading.kind === "jwt" ? "ob3-jwt" : "ob3-json";
  if (reading.proof === "hosted") return "ob2-hosted";
  return reading.kind === "jwt" ? "ob2-jws" : "ob2-json";
}

interface Marks {
  revoked: boolean;
  tampered: boolean;
}

function day(date: string): string {
  return date.slice(0, 10);
}

function verify(reading: Reading, text: string, marks: Marks, online: boolean, now: Date): Verification {
  const canned = sampleVerification(text, online);
  if (canned) return canned;
  const { facts } = reading;
  const checks: VerificationCheck[] = [
    { id: "parse", status: "pass", message: `This is ${VERSION_WORDS[reading.version]}.` },
    { id: "schema", status: "pass", message: "All the information the standard requires is there." },
  ];
  const issuer = facts.issuer.id ?? "the issuer";
  if (marks.tampered) {
    checks.push({ id: "proof", status: "fail", message: "The signature doesn’t match the content: it was changed after it was signed." });
  } else if (reading.proof === "none") {
    checks.push({ id: "proof", status: "fail", message: "It carries no signature, so anyone could have written it." });
  } else if (reading.proof === "hosted") {
    checks.push(
      online
        ? { id: "proof", status: "pass", message: `The issuer’s website serves the same assertion at ${facts.credentialId ?? "its address"}.` }
        : { id: "proof", status: "skip", message: "A hosted badge is checked against the issuer’s website, only online." },
    );
  } else {
    const how = reading.proof === "jws" ? "EdDSA JWS" : "eddsa-rdfc-2022";
    checks.push({ id: "proof", status: "pass", message: `The signature (${how}) is intact: nothing was changed since it was signed.` });
    const webKey = issuer.startsWith("did:web:") || issuer.startsWith("http");
    checks.push(
      webKey && !online
        ? { id: "issuer-key", status: "skip", message: `The key of ${issuer} is published on its website, only read online.` }
        : { id: "issuer-key", status: "pass", message: `Signed by the issuer it names, ${issuer}.` },
    );
  }
  const until = facts.validUntil ? Date.parse(facts.validUntil) : NaN;
  const from = facts.validFrom ? Date.parse(facts.validFrom) : NaN;
  if (!Number.isNaN(until) && until <= now.getTime()) {
    checks.push({ id: "dates", status: "fail", message: `It expired on ${day(facts.validUntil ?? "")}.` });
  } else if (!Number.isNaN(from) && from > now.getTime()) {
    checks.push({ id: "dates", status: "fail", message: `It only becomes valid on ${day(facts.validFrom ?? "")}.` });
  } else if (facts.validFrom) {
    const end = facts.validUntil ? `, until ${day(facts.validUntil)}` : ", with no expiry date";
    checks.push({ id: "dates", status: "pass", message: `Valid since ${day(facts.validFrom)}${end}.` });
  }
  if (marks.revoked) {
    const where = reading.statusList ? ` at ${reading.statusList}` : "";
    checks.push({ id: "status", status: "fail", message: `The issuer revoked it: its status list${where} marks it as revoked.` });
  } else if (reading.statusList) {
    checks.push(
      online
        ? { id: "status", status: "pass", message: "Not revoked: the issuer’s status list shows it as active." }
        : { id: "status", status: "skip", message: `The status list at ${reading.statusList} is only read online.` },
    );
  }
  const failed = checks.some((c) => c.status === "fail");
  return {
    valid: !failed,
    format: formatOf(reading),
    checks,
    needsNetwork: !online && !failed && checks.some((c) => c.status === "skip"),
    online,
    issuerName: facts.issuer.name,
    issuerId: facts.issuer.id,
    achievementName: facts.name,
    validFrom: facts.validFrom,
    validUntil: facts.validUntil,
  };
}

/** Where a badge stands after a report, as the core decides it. */
export function statusOf(report: Verification): WalletStatus {
  const failed = report.checks.filter((c) => c.status === "fail");
  if (failed.some((c) => c.id === "status")) return "revoked";
  if (failed.length > 0) return failed.every((c) => c.id === "dates") ? "expired" : "invalid";
  if (report.checks.some((c) => c.status === "skip" && (c.id === "proof" || c.id === "issuer-key"))) return "unverified";
  return "valid";
}

// ---------------------------------------------------------------- the wallet

interface Stored {
  id: string;
  seq: number;
  text: string;
  reading: Reading;
  fileName: string;
  fileKind: FileFormat;
  fileBytes: number;
  image: string;
  verification: Verification;
  verifiedAt: string;
  addedAt: string;
  trashedAt: string | null;
  tags: string[];
  note: string;
  marks: Marks;
  /** The recipient in clear, when known (the badge may hold only a hash). */
  identity: string | null;
}

interface Collection {
  id: string;
  name: string;
}

function samples(names: readonly SampleName[], folder: string): FakeWalletFile[] {
  return names.map((name) => walletFileOf(sampleOutcome(name, 0), folder));
}

/** The files the "Add files" dialog chooses by default: two badges and a photo. */
export const DEFAULT_FILES: readonly FakeWalletFile[] = samples(["teamwork", "chess", "photo"], "/home/sam/Downloads");
/** The folder the "Add folder" dialog finds by default: a badge, a hosted badge's address, a damaged image, and a copy of a file above. */
export const DEFAULT_FOLDER: readonly FakeWalletFile[] = [
  ...samples(["robotics", "first-aid", "broken"], "/home/sam/Badges/2016"),
  ...samples(["teamwork"], "/home/sam/Badges/2016/copies"),
];

const STATUS_ORDER: readonly WalletStatus[] = ["valid", "unverified", "expired", "revoked", "invalid"];
const STATUS_LABELS: Record<WalletStatus, string> = {
  valid: "Valid",
  unverified: "Unverified",
  expired: "Expired",
  revoked: "Revoked",
  invalid: "Invalid",
};

const DEFAULT_LIMIT = 60;
const MAX_LIMIT = 500;

function basename(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function kindOfText(text: string): FileFormat {
  const t = text.trim();
  return t.startsWith("{") ? "json" : URL_TEXT.test(t) ? "url" : "jwt";
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "badge";
}

function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of tags.map((t) => t.trim()).filter(Boolean)) {
    if (!out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out;
}

/** The wallet part of the fake, used by {@link FakeBackend}. */
export class FakeWallet {
  readonly badges = new Map<string, Stored>();
  readonly collections = new Map<string, Collection>();
  /** Collection id → badge ids. */
  readonly members = new Map<string, Set<string>>();
  private seq = 1;
  private nextCollection = 1;
  private minutes = 0;

  constructor(readonly options: FakeWalletOptions = {}) {
    if (options.seed === "samples") {
      for (const sample of sampleWallet()) this.addSample(sample);
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The fake clock for "added" and "verified" times: one minute per step from 3 March 2026. */
  private tick(): string {
    const at = new Date(Date.UTC(2026, 2, 3, 9, 0, 0) + this.minutes++ * 60_000);
    return at.toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  private badge(id: string): Stored {
    return this.badges.get(id) ?? fail("not-found", `badge ${id}: there is no such badge in the wallet`);
  }

  private collection(id: string): Collection {
    return this.collections.get(id) ?? fail("not-found", `collection ${id}: there is no such collection`);
  }

  private byText(text: string): Stored | undefined {
    const t = text.trim();
    return [...this.badges.values()].find((b) => b.text.trim() === t);
  }

  private store(text: string, reading: Reading, file: Omit<FakeWalletFile, "text">, options: Partial<Stored> & { online?: boolean } = {}): Stored {
    const { online = false, ...extra } = options;
    const marks = extra.marks ?? { revoked: false, tampered: false };
    const verification = verify(reading, text, marks, online, this.now());
    const at = extra.addedAt ?? this.tick();
    const recipient = reading.facts.recipient;
    const stored: Stored = {
      id: `wb-${hashOf(text.trim())}${hashOf(`${text.trim()}!`).slice(0, 4)}`,
      seq: this.seq++,
      text,
      reading,
      fileName: basename(file.source),
      fileKind: file.kind ?? reading.kind,
      fileBytes: file.bytes ?? utf8Length(text),
      image: file.image ?? artFor(reading.facts.name),
      verification,
      verifiedAt: at,
      addedAt: at,
      trashedAt: null,
      tags: [],
      note: "",
      marks,
      identity: recipient.hashed ? null : recipient.value,
      ...extra,
    };
    this.badges.set(stored.id, stored);
    return stored;
  }

  private addSample(sample: SampleBadge): Stored | null {
    if (this.byText(sample.text)) return null;
    const reading = read(sample.text);
    if ("reason" in reading) throw new Error(`the sample ${sample.fileName} is unreadable: ${reading.reason}`);
    const stored = this.store(
      sample.text,
      reading,
      { source: sample.fileName, image: sample.image, kind: sample.fileKind, bytes: sample.fileBytes },
      {
        addedAt: sample.addedAt,
        trashedAt: sample.trashedAt ?? null,
        tags: [...(sample.tags ?? [])],
        note: sample.note ?? "",
        marks: { revoked: sample.revoked ?? false, tampered: sample.tampered ?? false },
        identity: sample.identity,
        online: sample.verifiedOnline ?? false,
      },
    );
    for (const name of sample.collections ?? []) {
      const found = [...this.collections.values()].find((c) => c.name.toLowerCase() === name.toLowerCase());
      const id = found?.id ?? this.createCollection(name).id;
      this.members.get(id)?.add(stored.id);
    }
    return stored;
  }

  // ------------------------------------------------ importing

  /** Imports one file or text; one line of the report. */
  private importOne(file: FakeWalletFile, online: boolean): ImportItem {
    const line = (result: ImportItem["result"], rest: Partial<ImportItem> = {}): ImportItem => ({
      source: file.source,
      result,
      badgeId: null,
      name: null,
      status: null,
      message: null,
      ...rest,
    });
    if (file.text === null) return line("not-a-badge", { message: file.reason ?? "It holds no badge." });
    let text = file.text;
    if (URL_TEXT.test(text.trim())) {
      if (!online) {
        return line("not-a-badge", { message: "This is the address of a hosted badge: turn on “Allow network” to fetch it." });
      }
      text = fetched(text.trim());
    }
    const known = this.byText(text);
    if (known) {
      const message = known.trashedAt ? "It is in the trash: restore it from there." : null;
      return line("already-there", { badgeId: known.id, name: known.reading.facts.name, message });
    }
    const reading = read(text);
    if ("reason" in reading) return line("not-a-badge", { message: reading.reason });
    const stored = this.store(text, reading, file, { online });
    const status = statusOf(stored.verification);
    const twins = this.sameIdAs(stored);
    const message = twins.length > 0 ? "Another badge in the wallet has the same id but a different signature." : null;
    return line("added", { badgeId: stored.id, name: reading.facts.name, status, message });
  }

  readonly #progress = new Set<(progress: WalletImportProgress) => void>();

  /** Progress of imports, one event per file, like the Rust side (which sends at most ten a second). */
  onImportProgress(cb: (progress: WalletImportProgress) => void): () => void {
    this.#progress.add(cb);
    return () => this.#progress.delete(cb);
  }

  async importFiles(files: readonly FakeWalletFile[], online: boolean): Promise<ImportReport> {
    const total = files.length;
    if (total > 0) for (const cb of this.#progress) cb({ done: 0, total });
    await this.options.gate?.("import");
    const items = files.map((f, i) => {
      const item = this.importOne(f, online);
      for (const cb of this.#progress) cb({ done: i + 1, total });
      return item;
    });
    return {
      items,
      added: items.filter((i) => i.result === "added").length,
      alreadyThere: items.filter((i) => i.result === "already-there").length,
      notBadges: items.filter((i) => i.result === "not-a-badge").length,
    };
  }

  /** The "Add files" dialog: null when cancelled. */
  async importChosenFiles(online: boolean): Promise<ImportReport | null> {
    const files = this.options.files === undefined ? DEFAULT_FILES : this.options.files;
    return files === null ? null : this.importFiles(files, online);
  }

  /** The "Add folder" dialog: null when cancelled. */
  async importChosenFolder(online: boolean): Promise<ImportReport | null> {
    const files = this.options.folder === undefined ? DEFAULT_FOLDER : this.options.folder;
    return files === null ? null : this.importFiles(files, online);
  }

  importText(text: string, online: boolean): Promise<ImportReport> {
    if (text.trim() === "") fail("invalid-request", "text: paste a credential, a JWT or the address of a hosted badge");
    return this.importFiles([{ source: PASTED_SOURCE, text, kind: kindOfText(text) }], online);
  }

  // ------------------------------------------------ listing

  private summary(b: Stored): WalletBadge {
    const { facts, version } = b.reading;
    return {
      id: b.id,
      name: facts.name,
      issuer: facts.issuer.name ?? facts.issuer.id,
      issuerId: facts.issuer.id,
      version,
      status: statusOf(b.verification),
      issuedOn: facts.issuedOn,
      expires: facts.validUntil,
      addedAt: b.addedAt,
      trashedAt: b.trashedAt,
      tags: [...b.tags],
      thumbnail: b.image,
    };
  }

  private issuerValue(b: Stored): string | null {
    const { issuer } = b.reading.facts;
    return issuer.id ?? issuer.name;
  }

  private collectionsOf(id: string): string[] {
    return [...this.collections.values()]
      .filter((c) => this.members.get(c.id)?.has(id))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }))
      .map((c) => c.id);
  }

  private haystack(b: Stored): string {
    const { facts } = b.reading;
    return [facts.name, facts.description, facts.issuer.name, facts.issuer.id, ...b.tags, ...facts.skills, ...facts.keywords, ...facts.alignments.map((a) => a.name)]
      .filter(Boolean)
      .join(" ")
      .toLowerCase();
  }

  list(query: WalletQuery): WalletPage {
    const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
    const members = query.collection === null ? null : (this.members.get(query.collection) ?? new Set<string>());
    const matching = [...this.badges.values()].filter((b) => {
      if ((b.trashedAt !== null) !== query.trash) return false;
      if (query.issuer !== null && this.issuerValue(b) !== query.issuer) return false;
      if (query.status !== null && statusOf(b.verification) !== query.status) return false;
      if (query.tag !== null && !b.tags.some((t) => t.toLowerCase() === query.tag?.toLowerCase())) return false;
      if (members && !members.has(b.id)) return false;
      const hay = this.haystack(b);
      return words.every((w) => hay.includes(w));
    });
    const name = (b: Stored) => b.reading.facts.name;
    const issued = (b: Stored) => b.reading.facts.issuedOn ?? "";
    const byName = (a: Stored, b: Stored) => name(a).localeCompare(name(b), undefined, { sensitivity: "base" });
    const compare: Record<WalletQuery["sort"], (a: Stored, b: Stored) => number> = {
      newest: (a, b) => issued(b).localeCompare(issued(a)) || b.seq - a.seq,
      oldest: (a, b) => issued(a).localeCompare(issued(b)) || a.seq - b.seq,
      name: (a, b) => byName(a, b) || a.seq - b.seq,
      issuer: (a, b) => (this.summary(a).issuer ?? "").localeCompare(this.summary(b).issuer ?? "", undefined, { sensitivity: "base" }) || byName(a, b),
      added: (a, b) => b.addedAt.localeCompare(a.addedAt) || b.seq - a.seq,
    };
    matching.sort(compare[query.sort]);
    const limit = Math.min(query.limit === 0 ? DEFAULT_LIMIT : query.limit, MAX_LIMIT);
    return {
      badges: matching.slice(query.offset, query.offset + limit).map((b) => this.summary(b)),
      total: matching.length,
      offset: query.offset,
    };
  }

  facets(): WalletFacets {
    const kept = [...this.badges.values()].filter((b) => b.trashedAt === null);
    const count = <K extends string>(keys: Iterable<K>): Map<K, number> => {
      const out = new Map<K, number>();
      for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
      return out;
    };
    const byLabel = (a: WalletFacet, b: WalletFacet) => a.label.localeCompare(b.label, undefined, { sensitivity: "base" });
    const issuers = new Map<string, WalletFacet>();
    for (const b of kept) {
      const value = this.issuerValue(b);
      if (value === null) continue;
      const facet = issuers.get(value) ?? { value, label: this.summary(b).issuer ?? value, count: 0 };
      issuers.set(value, { ...facet, count: facet.count + 1 });
    }
    const statuses = count(kept.map((b) => statusOf(b.verification)));
    const tagNames = new Map<string, string>();
    for (const b of kept) for (const t of b.tags) if (!tagNames.has(t.toLowerCase())) tagNames.set(t.toLowerCase(), t);
    const tags = count(kept.flatMap((b) => b.tags.map((t) => t.toLowerCase())));
    return {
      total: kept.length,
      trashed: this.badges.size - kept.length,
      issuers: [...issuers.values()].sort(byLabel),
      statuses: STATUS_ORDER.filter((s) => statuses.has(s)).map((s) => ({ value: s, label: STATUS_LABELS[s], count: statuses.get(s) ?? 0 })),
      tags: [...tags].map(([key, n]) => ({ value: tagNames.get(key) ?? key, label: tagNames.get(key) ?? key, count: n })).sort(byLabel),
      collections: this.listCollections().map((c) => ({ value: c.id, label: c.name, count: c.count })),
    };
  }

  // ------------------------------------------------ one badge

  private sameIdAs(b: Stored): string[] {
    const id = b.reading.facts.credentialId;
    if (id === null) return [];
    return [...this.badges.values()].filter((o) => o.id !== b.id && o.reading.facts.credentialId === id && o.text.trim() !== b.text.trim()).map((o) => o.id);
  }

  private detail(b: Stored): WalletDetail {
    return {
      badge: this.summary(b),
      facts: structuredClone(b.reading.facts),
      image: b.image,
      verification: structuredClone(b.verification),
      verifiedAt: b.verifiedAt,
      text: b.text,
      fileName: b.fileName,
      fileKind: b.fileKind,
      fileBytes: b.fileBytes,
      note: b.note,
      collections: this.collectionsOf(b.id),
      sameIdAs: this.sameIdAs(b),
    };
  }

  show(id: string): WalletDetail {
    return this.detail(this.badge(id));
  }

  async reverify(id: string, online: boolean): Promise<WalletDetail> {
    const b = this.badge(id);
    await this.options.gate?.("reverify");
    b.verification = verify(b.reading, b.text, b.marks, online, this.now());
    b.verifiedAt = this.tick();
    return this.detail(b);
  }

  checkRecipient(id: string, identity: string): RecipientMatch {
    const b = this.badge(id);
    const typed = identity.trim();
    if (typed === "") fail("invalid-request", "identity: type an e-mail address, a DID or a web address");
    const recipient = b.reading.facts.recipient;
    if (recipient.kind === "none") return { matches: false, message: "The badge doesn’t name its recipient, so it can’t be checked." };
    const known = b.identity ?? recipient.value;
    if (known !== null && known.toLowerCase() === typed.toLowerCase()) {
      return { matches: true, message: `Yes: this badge was issued to ${typed}.` };
    }
    if (recipient.hashed) {
      return { matches: false, message: `No: the badge’s hashed ${recipient.kind === "email" ? "e-mail address" : "identity"} isn’t that of ${typed}.` };
    }
    return { matches: false, message: `No: the badge was issued to ${recipient.value ?? "someone else"}, not ${typed}.` };
  }

  setTags(id: string, tags: readonly string[]): WalletDetail {
    const b = this.badge(id);
    b.tags = cleanTags(tags);
    return this.detail(b);
  }

  setNote(id: string, note: string): void {
    this.badge(id).note = note;
  }

  trash(ids: readonly string[]): void {
    const found = ids.map((id) => this.badge(id));
    const at = this.tick();
    for (const b of found) b.trashedAt ??= at;
  }

  restore(ids: readonly string[]): void {
    for (const b of ids.map((id) => this.badge(id))) b.trashedAt = null;
  }

  deleteForever(ids: readonly string[]): void {
    const found = ids.map((id) => this.badge(id));
    const kept = found.find((b) => b.trashedAt === null);
    if (kept) fail("invalid-request", `${kept.reading.facts.name} is not in the trash: move it there first`);
    for (const b of found) this.forget(b.id);
  }

  emptyTrash(): number {
    const trashed = [...this.badges.values()].filter((b) => b.trashedAt !== null);
    for (const b of trashed) this.forget(b.id);
    return trashed.length;
  }

  private forget(id: string): void {
    this.badges.delete(id);
    for (const set of this.members.values()) set.delete(id);
  }

  // ------------------------------------------------ collections

  listCollections(): WalletCollection[] {
    return [...this.collections.values()]
      .map((c) => ({
        id: c.id,
        name: c.name,
        count: [...(this.members.get(c.id) ?? [])].filter((id) => this.badges.get(id)?.trashedAt === null).length,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" }));
  }

  private checkName(name: string, except: string | null): string {
    const clean = name.trim();
    if (clean === "") fail("invalid-request", "name: a collection needs a name");
    const taken = [...this.collections.values()].find((c) => c.id !== except && c.name.toLowerCase() === clean.toLowerCase());
    if (taken) fail("already-exists", `a collection named "${taken.name}" already exists`);
    return clean;
  }

  createCollection(name: string): WalletCollection {
    const clean = this.checkName(name, null);
    const collection = { id: `col-${this.nextCollection++}`, name: clean };
    this.collections.set(collection.id, collection);
    this.members.set(collection.id, new Set());
    return { ...collection, count: 0 };
  }

  renameCollection(id: string, name: string): void {
    const collection = this.collection(id);
    collection.name = this.checkName(name, id);
  }

  deleteCollection(id: string): void {
    this.collection(id);
    this.collections.delete(id);
    this.members.delete(id);
  }

  setMembership(collectionId: string, ids: readonly string[], member: boolean): void {
    this.collection(collectionId);
    const found = ids.map((id) => this.badge(id));
    const set = this.members.get(collectionId) ?? new Set<string>();
    for (const b of found) {
      if (member) set.add(b.id);
      else set.delete(b.id);
    }
    this.members.set(collectionId, set);
  }

  // ------------------------------------------------ files

  exportBadge(id: string, kind: WalletExportKind): string | null {
    const b = this.badge(id);
    if (this.options.savePath !== undefined) return this.options.savePath;
    if (kind === "original") return `/home/sam/Documents/${b.fileName}`;
    return `/home/sam/Documents/${slug(b.reading.facts.name)}.${b.reading.kind === "jwt" ? "jwt" : "json"}`;
  }

  exportCollection(id: string, format: CollectionExportFormat): string | null {
    const collection = this.collection(id);
    if (this.options.savePath !== undefined) return this.options.savePath;
    return `/home/sam/Documents/${slug(collection.name)}.${format}`;
  }

  backup(): string | null {
    if (this.options.savePath !== undefined) return this.options.savePath;
    return "/home/sam/Documents/badgesmith-wallet.badgesmith-wallet";
  }

  restoreBackup(): RestoreReport | null {
    if (this.options.restoreCancelled) return null;
    const backup = sampleBackup();
    let added = 0;
    let alreadyThere = 0;
    for (const sample of backup.badges) {
      if (this.addSample(sample)) added++;
      else alreadyThere++;
    }
    return { added, alreadyThere, collections: backup.collections.length };
  }
}
