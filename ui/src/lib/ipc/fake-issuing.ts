// The issuing side of the in-memory fake backend: issuer profiles with
// passphrase-sealed keys (only the passphrase is checked; there is no key),
// achievements, issuing one badge or a CSV batch with progress events, and the
// issued log with revocation. Nothing is signed: the credentials, images and
// verification reports are placeholders shaped like the core's.

import { hashOf } from "./fake-designs";
import type { Achievement } from "./gen/Achievement";
import type { AchievementInput } from "./gen/AchievementInput";
import type { BatchOutcome } from "./gen/BatchOutcome";
import type { BatchPreview } from "./gen/BatchPreview";
import type { BatchProgress } from "./gen/BatchProgress";
import type { BatchRow } from "./gen/BatchRow";
import type { DesignSummary } from "./gen/DesignSummary";
import type { IpcError } from "./gen/IpcError";
import type { IssuedBadge } from "./gen/IssuedBadge";
import type { IssuedOne } from "./gen/IssuedOne";
import type { IssuedPage } from "./gen/IssuedPage";
import type { IssueSettings } from "./gen/IssueSettings";
import type { IssuerInput } from "./gen/IssuerInput";
import type { IssuerProfile } from "./gen/IssuerProfile";
import type { RecipientInput } from "./gen/RecipientInput";
import type { Revocation } from "./gen/Revocation";
import type { Verification } from "./gen/Verification";
import type { VerificationCheck } from "./gen/VerificationCheck";

/** Which CSV the fake's open dialog "reads": every row fine, one row with errors, or cancelled (null). */
export type FakeCsv = "valid" | "with-errors";

/** A backup file the fake's restore dialog "reads". */
export interface FakeBackup {
  input: IssuerInput;
  passphrase: string;
}

export interface FakeIssuingOptions {
  /** Data at start: `demo` gives a school (locked, passphrase {@link DEMO_PASSPHRASE}) with achievements and a log. */
  seed?: "demo";
  /** What `chooseRecipientsCsv` reads; `null` acts as a cancelled dialog. Default: `valid`. */
  csv?: FakeCsv | null;
  /** What `chooseOutputFolder` answers; `null` acts as a cancelled dialog. Default: a made-up folder. */
  outputFolder?: string | null;
  /** Where the save dialogs (backup, status list, badge) save; `null` acts as cancelled. Default: made-up paths. */
  savePath?: string | null;
  /** The backup `restoreIssuer` reads; `null` acts as a cancelled dialog. Default: {@link DEMO_BACKUP}. */
  backup?: FakeBackup | null;
  /** Awaited before each batch row is issued, e.g. to hold a batch in progress. */
  batchGate?: (row: number) => Promise<unknown>;
  /** Awaited before `issueOne` answers. */
  issueGate?: () => Promise<unknown>;
}

/** The passphrase of the demo issuer. */
export const DEMO_PASSPHRASE = "correct horse battery";

/** The backup the restore dialog gives by default. */
export const DEMO_BACKUP: FakeBackup = {
  input: {
    name: "Riverside Scouts",
    url: "https://riverside-scouts.example",
    email: null,
    description: "A scout group by the river.",
    image: null,
    imageDesignId: null,
    statusListUrl: null,
  },
  passphrase: "backup passphrase",
};

/** A placeholder baked badge: a coloured seal with the achievement's name. */
export function fakeBadgeImage(name: string, recipient: string): string {
  const hue = parseInt(hashOf(name).slice(0, 4), 16) % 360;
  const esc = (t: string) => t.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
<circle cx="256" cy="256" r="236" fill="hsl(${hue} 55% 42%)"/><circle cx="256" cy="256" r="196" fill="none" stroke="#fff" stroke-width="6" stroke-dasharray="4 10"/>
<text x="256" y="250" font-family="sans-serif" font-size="36" font-weight="700" text-anchor="middle" fill="#fff">${esc(name)}</text>
<text x="256" y="296" font-family="sans-serif" font-size="20" text-anchor="middle" fill="#fff">${esc(recipient)}</text></svg>`;
  let binary = "";
  for (const b of new TextEncoder().encode(svg)) binary += String.fromCharCode(b);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** A did:key that looks like an Ed25519 one (`did:key:z6Mk…`), derived from `seed`. */
export function fakeDidKey(seed: string): string {
  let out = "";
  let round = 0;
  while (out.length < 44) {
    const h = hashOf(`${seed}:${round++}`);
    for (let i = 0; i < h.length; i += 2) out += BASE58[parseInt(h.slice(i, i + 2), 16) % 58];
  }
  return `did:key:z6Mk${out.slice(0, 44)}`;
}

function fail(code: IpcError["code"], message: string): never {
  throw { code, message } satisfies IpcError;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/@.*$/, "")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-|-$/g, "") || "badge"
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DID = /^did:[a-z0-9]+:\S+$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function checkHttps(field: string, value: string | null): void {
  if (value !== null && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(value)) {
    fail("invalid-request", `${field}: \`${value}\` is not an https:// address`);
  }
}

function checkIssuerInput(input: IssuerInput): IssuerInput {
  const clean: IssuerInput = {
    name: input.name.trim(),
    url: blankToNull(input.url),
    email: blankToNull(input.email),
    description: blankToNull(input.description),
    image: input.image,
    imageDesignId: input.imageDesignId,
    statusListUrl: blankToNull(input.statusListUrl),
  };
  if (clean.name === "") fail("invalid-request", "name: an issuer needs a name");
  checkHttps("url", clean.url);
  checkHttps("statusListUrl", clean.statusListUrl);
  if (clean.email !== null && !EMAIL.test(clean.email)) fail("invalid-request", `email: \`${clean.email}\` is not an e-mail address`);
  if (clean.image !== null && !clean.image.startsWith("data:image/")) fail("invalid-request", "image: the logo must be a data: URL");
  return clean;
}

function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < 8) fail("invalid-request", "passphrase: use at least 8 characters");
}

function checkRecipient(recipient: RecipientInput): void {
  const identity = recipient.identity.trim();
  if (identity === "") fail("invalid-request", "recipient: give an e-mail address or a DID");
  if (!EMAIL.test(identity) && !DID.test(identity)) {
    fail("invalid-request", `recipient: \`${identity}\` is neither an e-mail address nor a DID`);
  }
  for (const [field, value] of [
    ["validFrom", recipient.validFrom],
    ["validUntil", recipient.validUntil],
  ] as const) {
    if (value !== null && value !== "" && !RFC3339.test(value)) fail("invalid-request", `${field}: \`${value}\` is not an RFC 3339 date-time`);
  }
  if (recipient.evidenceUrl && !/^https?:\/\/\S+$/.test(recipient.evidenceUrl)) {
    fail("invalid-request", `evidenceUrl: \`${recipient.evidenceUrl}\` is not a web address`);
  }
  if (recipient.validFrom && recipient.validUntil && Date.parse(recipient.validUntil) <= Date.parse(recipient.validFrom)) {
    fail("invalid-request", "validUntil: the badge must expire after it becomes valid");
  }
}

function checkSettings(settings: IssueSettings): void {
  if (!Number.isInteger(settings.size) || settings.size < 64 || settings.size > 4096) {
    fail("invalid-request", `size: ${settings.size} pixels is outside 64 to 4096`);
  }
}

interface FakeIssuer {
  profile: IssuerProfile;
  passphrase: string;
}

interface LoadedCsv {
  achievementId: string;
  preview: BatchPreview;
}

const CSV_ROWS: Record<FakeCsv, { recipient: Partial<RecipientInput> & { identity: string }; errors: string[] }[]> = {
  valid: [
    { recipient: { identity: "ana@example.org", name: "Ana Lima", evidenceUrl: "https://example.org/portfolio/ana" }, errors: [] },
    { recipient: { identity: "ben@example.org", name: "Ben Okafor" }, errors: [] },
    { recipient: { identity: "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", name: "Chen Wei", validUntil: "2027-06-30T00:00:00Z" }, errors: [] },
  ],
  "with-errors": [
    { recipient: { identity: "ana@example.org", name: "Ana Lima" }, errors: [] },
    { recipient: { identity: "ben@@example", name: "Ben Okafor" }, errors: ["email: `ben@@example` is neither an e-mail address nor a DID"] },
    { recipient: { identity: "chen@example.org", name: "Chen Wei", validFrom: "2026-13-01" }, errors: ["valid_from: `2026-13-01` is not a date"] },
    { recipient: { identity: "dee@example.org", name: "Dee Ross" }, errors: [] },
  ],
};

/** The issuing part of the fake, used by {@link FakeBackend}. */
export class FakeIssuing {
  readonly issuers = new Map<string, FakeIssuer>();
  readonly achievements = new Map<string, Achievement>();
  /** The issued log, oldest first, with the issuer that signed each. */
  readonly issued: { badge: IssuedBadge; issuerId: string }[] = [];
  /** Rows done per output folder, so that a rerun continues without duplicates. */
  readonly batchDone = new Map<string, Set<number>>();
  private readonly progress = new Set<(progress: BatchProgress) => void>();
  private csv: LoadedCsv | null = null;
  private cancelled = false;
  private running = false;
  private nextIssuer = 1;
  private nextAchievement = 1;
  private nextCredential = 1;
  private nextBatch = 1;
  private minutes = 0;

  constructor(
    readonly options: FakeIssuingOptions,
    private readonly designs: () => DesignSummary[],
  ) {
    if (options.seed === "demo") this.seedDemo();
  }

  /** Changes what the next CSV dialog reads (a test hook). */
  setCsv(csv: FakeCsv | null): void {
    this.options.csv = csv;
  }

  private now(): string {
    const at = new Date(Date.UTC(2026, 2, 2, 9, 0, 0) + this.minutes++ * 60_000);
    return at.toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  private issuer(id: string): FakeIssuer {
    return this.issuers.get(id) ?? fail("not-found", `issuer ${id}: there is no such issuer`);
  }

  private achievement(id: string): Achievement {
    return this.achievements.get(id) ?? fail("not-found", `achievement ${id}: there is no such achievement`);
  }

  private unlocked(issuer: FakeIssuer): void {
    if (!issuer.profile.unlocked) fail("locked", `${issuer.profile.name}: the key is locked; unlock it with its passphrase first`);
  }

  private addIssuer(input: IssuerInput, passphrase: string, did: string): IssuerProfile {
    if ([...this.issuers.values()].some((i) => i.profile.did === did)) {
      fail("invalid-request", `${did}: this key is already an issuer in the app`);
    }
    const at = this.now();
    const profile: IssuerProfile = {
      id: `issuer-${this.nextIssuer++}`,
      did,
      name: input.name,
      url: input.url,
      email: input.email,
      description: input.description,
      image: this.logoOf(input),
      statusListUrl: input.statusListUrl,
      unlocked: true,
      issuedCount: 0,
      createdAt: at,
      updatedAt: at,
    };
    this.issuers.set(profile.id, { profile, passphrase });
    return { ...profile };
  }

  private logoOf(input: IssuerInput): string | null {
    if (input.imageDesignId !== null) {
      const design = this.designs().find((d) => d.id === input.imageDesignId);
      if (!design) fail("not-found", `imageDesignId: design ${input.imageDesignId} is not saved in the app`);
      return design.thumbnail;
    }
    return input.image;
  }

  listIssuers(): IssuerProfile[] {
    return [...this.issuers.values()].map((i) => ({ ...i.profile }));
  }

  createIssuer(input: IssuerInput, passphrase: string): IssuerProfile {
    const clean = checkIssuerInput(input);
    checkPassphrase(passphrase);
    return this.addIssuer(clean, passphrase, fakeDidKey(`${clean.name}:${this.nextIssuer}:${this.minutes}`));
  }

  importIssuerSeed(input: IssuerInput, seed: string, passphrase: string): IssuerProfile {
    const clean = checkIssuerInput(input);
    const s = seed.trim();
    if (!/^[0-9a-fA-F]{64}$/.test(s) && !/^z[1-9A-HJ-NP-Za-km-z]{40,50}$/.test(s)) {
      fail("invalid-request", "seed: give the Ed25519 seed as 64 hexadecimal digits or as multibase (z…)");
    }
    checkPassphrase(passphrase);
    return this.addIssuer(clean, passphrase, fakeDidKey(`seed:${s.toLowerCase()}`));
  }

  updateIssuer(id: string, input: IssuerInput): IssuerProfile {
    const issuer = this.issuer(id);
    const clean = checkIssuerInput(input);
    issuer.profile = {
      ...issuer.profile,
      name: clean.name,
      url: clean.url,
      email: clean.email,
      description: clean.description,
      image: this.logoOf(clean),
      statusListUrl: clean.statusListUrl,
      updatedAt: this.now(),
    };
    for (const [key, a] of this.achievements) {
      if (a.issuerId === id) this.achievements.set(key, { ...a, issuerName: clean.name });
    }
    return { ...issuer.profile };
  }

  unlockIssuer(id: string, passphrase: string): IssuerProfile {
    const issuer = this.issuer(id);
    if (passphrase !== issuer.passphrase) fail("wrong-passphrase", `${issuer.profile.name}: that passphrase does not open this key`);
    issuer.profile = { ...issuer.profile, unlocked: true };
    return { ...issuer.profile };
  }

  lockIssuer(id: string): IssuerProfile {
    const issuer = this.issuer(id);
    issuer.profile = { ...issuer.profile, unlocked: false };
    return { ...issuer.profile };
  }

  backupIssuer(id: string): string | null {
    const issuer = this.issuer(id);
    if (this.options.savePath !== undefined) return this.options.savePath;
    return `/home/sam/Documents/${slug(issuer.profile.name)}.badgesmith-key`;
  }

  restoreIssuer(passphrase: string): IssuerProfile | null {
    const backup = this.options.backup === undefined ? DEMO_BACKUP : this.options.backup;
    if (backup === null) return null;
    if (passphrase !== backup.passphrase) fail("wrong-passphrase", "the passphrase does not open this backup");
    const restored = this.addIssuer(checkIssuerInput(backup.input), backup.passphrase, fakeDidKey(`backup:${backup.input.name}`));
    return restored;
  }

  exportStatusList(issuerId: string): string | null {
    const issuer = this.issuer(issuerId);
    if (issuer.profile.statusListUrl === null) {
      fail("invalid-request", `${issuer.profile.name} has no status-list URL, so there is no status list to save`);
    }
    this.unlocked(issuer);
    if (this.options.savePath !== undefined) return this.options.savePath;
    const name = issuer.profile.statusListUrl.split("/").pop() || "status-list.json";
    return `/home/sam/Documents/${name}`;
  }

  listAchievements(issuerId: string | null): Achievement[] {
    return [...this.achievements.values()]
      .filter((a) => issuerId === null || a.issuerId === issuerId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id, undefined, { numeric: true }))
      .map((a) => structuredClone(a));
  }

  saveAchievement(id: string | null, input: AchievementInput): Achievement {
    const issuer = this.issuers.get(input.issuerId) ?? fail("invalid-request", "issuerId: choose the issuer that awards it");
    const before = id === null ? null : this.achievement(id);
    const clean: AchievementInput = {
      ...structuredClone(input),
      name: input.name.trim(),
      description: input.description.trim(),
      criteriaNarrative: blankToNull(input.criteriaNarrative),
      criteriaUrl: blankToNull(input.criteriaUrl),
      tags: [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))],
    };
    if (clean.name === "") fail("invalid-request", "name: an achievement needs a name");
    if (clean.description === "") fail("invalid-request", "description: say what the achievement is");
    if (clean.criteriaNarrative === null && clean.criteriaUrl === null) {
      fail("invalid-request", "criteria: give a narrative, a URL, or both");
    }
    checkHttps("criteriaUrl", clean.criteriaUrl);
    clean.alignments.forEach((a, i) => {
      if (a.targetName.trim() === "") fail("invalid-request", `alignments[${i}].targetName: an alignment needs a name`);
      if (!/^https?:\/\/\S+$/.test(a.targetUrl)) fail("invalid-request", `alignments[${i}].targetUrl: \`${a.targetUrl}\` is not a web address`);
    });
    clean.results.forEach((r, i) => {
      if (r.name.trim() === "") fail("invalid-request", `results[${i}].name: a result needs a name`);
    });
    let thumbnail: string | null = null;
    if (clean.designId !== null) {
      const design = this.designs().find((d) => d.id === clean.designId);
      if (!design) fail("not-found", `designId: design ${clean.designId} is not saved in the app`);
      thumbnail = design.thumbnail;
    }
    const at = this.now();
    const achievement: Achievement = {
      id: before?.id ?? `achievement-${this.nextAchievement++}`,
      issuerId: issuer.profile.id,
      issuerName: issuer.profile.name,
      input: clean,
      thumbnail,
      issuedCount: before?.issuedCount ?? 0,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
    };
    this.achievements.set(achievement.id, achievement);
    return structuredClone(achievement);
  }

  private makeBadge(issuer: FakeIssuer, achievement: Achievement, recipient: RecipientInput, settings: IssueSettings, fileName?: string): IssuedBadge {
    const issuedAt = this.now();
    const n = this.nextCredential++;
    const hex = hashOf(`${n}:${recipient.identity}`);
    const badge: IssuedBadge = {
      id: `urn:uuid:${hex}-${hex.slice(0, 4)}-4${hex.slice(1, 4)}-8${hex.slice(4, 7)}-${hex}${hex.slice(0, 4)}`,
      recipient: recipient.identity.trim(),
      recipientName: blankToNull(recipient.name),
      achievementId: achievement.id,
      achievementName: achievement.input.name,
      issuerName: issuer.profile.name,
      issuedAt,
      validFrom: recipient.validFrom || issuedAt,
      validUntil: recipient.validUntil || null,
      fileName: fileName ?? `${slug(achievement.input.name)}-${slug(recipient.name || recipient.identity)}.${settings.format}`,
      format: settings.format,
      proof: settings.proof,
      sha256: (hex + hashOf(hex) + hashOf(`${hex}!`) + hashOf(`${hex}?`)).repeat(2).slice(0, 64),
      revocable: issuer.profile.statusListUrl !== null,
      revokedAt: null,
      revokedReason: null,
    };
    this.issued.push({ badge, issuerId: issuer.profile.id });
    issuer.profile = { ...issuer.profile, issuedCount: issuer.profile.issuedCount + 1 };
    this.achievements.set(achievement.id, { ...achievement, issuedCount: achievement.issuedCount + 1 });
    return badge;
  }

  async issueOne(achievementId: string, recipient: RecipientInput, settings: IssueSettings): Promise<IssuedOne> {
    const achievement = this.achievement(achievementId);
    const issuer = this.issuer(achievement.issuerId);
    this.unlocked(issuer);
    checkRecipient(recipient);
    checkSettings(settings);
    await this.options.issueGate?.();
    const badge = this.makeBadge(issuer, achievement, recipient, settings);
    return {
      badge: { ...badge },
      preview: fakeBadgeImage(achievement.input.name, badge.recipientName ?? badge.recipient),
      verification: this.report(issuer.profile, achievement, badge),
    };
  }

  private report(issuer: IssuerProfile, achievement: Achievement, badge: IssuedBadge): Verification {
    const checks: VerificationCheck[] = [
      { id: "parse", status: "pass", message: `The credential is ${badge.proof === "jwt" ? "a VC-JWT" : "JSON"} baked into the ${badge.format.toUpperCase()} image.` },
      { id: "schema", status: "pass", message: "It has everything an Open Badges 3.0 credential needs." },
      { id: "proof", status: "pass", message: `The signature (${badge.proof === "jwt" ? "EdDSA JWS" : "eddsa-rdfc-2022"}) is intact.` },
      { id: "issuer-key", status: "pass", message: `The key is the issuer’s own: ${issuer.did} resolves offline.` },
      { id: "dates", status: "pass", message: badge.validUntil ? `Valid from ${badge.validFrom} until ${badge.validUntil}.` : `Valid from ${badge.validFrom}, with no expiry.` },
    ];
    if (badge.revocable) {
      checks.push({ id: "status", status: "skip", message: `The status list at ${issuer.statusListUrl} is only read online.` });
    }
    return {
      valid: true,
      format: badge.proof === "jwt" ? "ob3-jwt" : "ob3-json",
      checks,
      needsNetwork: badge.revocable,
      online: false,
      issuerName: issuer.name,
      issuerId: issuer.did,
      achievementName: achievement.input.name,
      validFrom: badge.validFrom,
      validUntil: badge.validUntil,
    };
  }

  exportIssued(id: string): string | null {
    const found = this.issued.find((i) => i.badge.id === id) ?? fail("not-found", `${id}: there is no such credential in the log`);
    if (this.options.savePath !== undefined) return this.options.savePath;
    return `/home/sam/Pictures/${found.badge.fileName}`;
  }

  chooseRecipientsCsv(achievementId: string): BatchPreview | null {
    const achievement = this.achievement(achievementId);
    const csv = this.options.csv === undefined ? "valid" : this.options.csv;
    if (csv === null) return null;
    const rows: BatchRow[] = CSV_ROWS[csv].map((row, i) => {
      const recipient: RecipientInput = {
        name: null,
        evidenceUrl: null,
        evidenceNarrative: null,
        validFrom: null,
        validUntil: null,
        ...row.recipient,
      };
      return {
        line: i + 2,
        recipient,
        fileName: `${slug(achievement.input.name)}-${slug(recipient.name || recipient.identity)}.png`,
        errors: [...row.errors],
        alreadyIssued: false,
      };
    });
    const preview: BatchPreview = {
      fileName: csv === "valid" ? "class-of-2026.csv" : "class-of-2026-draft.csv",
      rows,
      errorCount: rows.filter((r) => r.errors.length > 0).length,
      warnings: csv === "with-errors" ? ["The column `group` is not used."] : [],
    };
    this.csv = { achievementId, preview };
    return structuredClone(preview);
  }

  chooseOutputFolder(): string | null {
    if (this.options.outputFolder !== undefined) return this.options.outputFolder;
    return "/home/sam/Badges/class-of-2026";
  }

  async startBatch(achievementId: string, outputDir: string, settings: IssueSettings): Promise<BatchOutcome> {
    const csv = this.csv;
    if (!csv || csv.achievementId !== achievementId) fail("invalid-request", "no CSV of recipients is loaded for this achievement");
    if (csv.preview.errorCount > 0) fail("invalid-request", `${csv.preview.errorCount} rows of ${csv.preview.fileName} have errors: fix them first`);
    if (this.running) fail("invalid-request", "a batch is already running");
    checkSettings(settings);
    const achievement = this.achievement(achievementId);
    const issuer = this.issuer(achievement.issuerId);
    this.unlocked(issuer);
    const batchId = `batch-${this.nextBatch++}`;
    const done = this.batchDone.get(outputDir) ?? new Set<number>();
    this.batchDone.set(outputDir, done);
    const rows = csv.preview.rows;
    const alreadyIssued = rows.filter((r) => done.has(r.line)).length;
    const started = Date.now();
    this.cancelled = false;
    this.running = true;
    let issued = 0;
    try {
      this.emit({ batchId, done: done.size, total: rows.length });
      for (const row of rows) {
        if (done.has(row.line)) continue;
        await this.options.batchGate?.(row.line);
        if (this.cancelled) break;
        this.makeBadge(issuer, this.achievement(achievementId), row.recipient, settings, row.fileName.replace(/\.png$/, `.${settings.format}`));
        done.add(row.line);
        issued++;
        this.emit({ batchId, done: done.size, total: rows.length });
      }
    } finally {
      this.running = false;
    }
    return {
      batchId,
      outputDir,
      manifest: `${outputDir}/manifest.json`,
      issued,
      alreadyIssued,
      total: rows.length,
      cancelled: this.cancelled,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  }

  cancelBatch(): void {
    if (this.running) this.cancelled = true;
  }

  onBatchProgress(cb: (progress: BatchProgress) => void): () => void {
    this.progress.add(cb);
    return () => this.progress.delete(cb);
  }

  private emit(progress: BatchProgress): void {
    for (const cb of this.progress) cb({ ...progress });
  }

  listIssued(query: string, offset: number, limit: number): IssuedPage {
    const q = query.trim().toLowerCase();
    const matching = this.issued
      .map((i) => i.badge)
      .filter(
        (b) =>
          q === "" ||
          [b.recipient, b.recipientName ?? "", b.achievementName, b.fileName].some((field) => field.toLowerCase().includes(q)),
      )
      .reverse();
    return { items: matching.slice(offset, offset + limit).map((b) => ({ ...b })), total: matching.length };
  }

  revokeIssued(id: string, reason: string | null): Revocation {
    const entry = this.issued.find((i) => i.badge.id === id) ?? fail("not-found", `${id}: there is no such credential in the log`);
    const issuer = this.issuer(entry.issuerId);
    if (!entry.badge.revocable) {
      fail(
        "invalid-request",
        "This badge was issued without a status-list URL, so it can’t be revoked; set a status-list URL on the issuer for badges issued from now on",
      );
    }
    if (entry.badge.revokedAt !== null) fail("invalid-request", "this badge is already revoked");
    this.unlocked(issuer);
    entry.badge = { ...entry.badge, revokedAt: this.now(), revokedReason: blankToNull(reason) };
    const url = issuer.profile.statusListUrl ?? "";
    return {
      badge: { ...entry.badge },
      statusListFile: `/home/sam/.local/share/badgesmith/status/${url.split("/").pop() || "status-list.json"}`,
      statusListUrl: url,
    };
  }

  // ---------------------------------------------------------------- the demo

  private seedDemo(): void {
    const school = this.addIssuer(
      {
        name: "Northside School",
        url: "https://northside.example",
        email: "office@northside.example",
        description: "A secondary school that awards badges for skills learnt in and out of class.",
        image: null,
        imageDesignId: null,
        statusListUrl: "https://northside.example/badges/status/1.json",
      },
      DEMO_PASSPHRASE,
      fakeDidKey("demo:northside"),
    );
    const designs = this.designs();
    const firstAid = this.saveAchievement(null, {
      issuerId: school.id,
      name: "First Aid Basics",
      description: "Knows how to help someone who is hurt until help arrives.",
      criteriaNarrative: "Completed the 6-hour course and the practical test: recovery position, CPR and bandaging.",
      criteriaUrl: "https://northside.example/badges/first-aid",
      designId: designs[0]?.id ?? null,
      tags: ["health", "safety"],
      alignments: [
        {
          targetName: "Provide first aid",
          targetUrl: "https://esco.example/skill/first-aid",
          targetDescription: null,
          targetFramework: "ESCO",
          targetCode: "S1.4",
        },
      ],
      results: [{ name: "Practical test", resultType: "Status" }],
    });
    const chess = this.saveAchievement(null, {
      issuerId: school.id,
      name: "Chess Club Champion",
      description: "Won the school’s chess tournament.",
      criteriaNarrative: "First place in the spring tournament.",
      criteriaUrl: null,
      designId: null,
      tags: ["games"],
      alignments: [],
      results: [{ name: "Points", resultType: "RawScore" }],
    });
    const names = ["Ana Lima", "Ben Okafor", "Chen Wei", "Dee Ross", "Eli Novak", "Femi Ade", "Gus Berg", "Hana Sato", "Ivo Kral", "Jo Park", "Kai Moss", "Lea Roth"];
    const settings: IssueSettings = { format: "png", proof: "di", size: 512 };
    const issuer = this.issuer(school.id);
    names.forEach((name, i) => {
      const achievement = this.achievement(i % 3 === 2 ? chess.id : firstAid.id);
      const email = `${name.split(" ")[0]?.toLowerCase()}@pupils.northside.example`;
      this.makeBadge(issuer, achievement, {
        identity: email,
        name,
        evidenceUrl: null,
        evidenceNarrative: null,
        validFrom: i === 1 ? "2024-09-01T08:00:00Z" : null,
        validUntil: i === 1 ? "2025-06-30T00:00:00Z" : null,
      }, settings);
    });
    const revoked = this.issued[3];
    if (revoked) revoked.badge = { ...revoked.badge, revokedAt: this.now(), revokedReason: "Issued by mistake" };
    issuer.profile = { ...issuer.profile, unlocked: false };
  }
}
