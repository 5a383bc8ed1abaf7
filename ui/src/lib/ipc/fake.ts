// An in-memory Backend: used by the UI tests, and by the browser preview
// when the page runs outside Tauri.

import type { Backend } from "./backend";
import { bakedCopy, isSampleName, sampleOutcome, utf8Length, type SampleName } from "./fake-samples";
import type { BadgeContent } from "./gen/BadgeContent";
import type { BadgeSummary } from "./gen/BadgeSummary";
import type { BadgeVersion } from "./gen/BadgeVersion";
import type { BakeSaved } from "./gen/BakeSaved";
import type { DecodedJws } from "./gen/DecodedJws";
import type { IpcError } from "./gen/IpcError";
import type { OpenedFile } from "./gen/OpenedFile";
import type { OpenOutcome } from "./gen/OpenOutcome";

type Method = Exclude<keyof Backend, "onFilesArrived" | "onDragHover">;

export interface FakeOptions {
  /** Samples the first `takePending()` returns (files on the command line). */
  pending?: readonly SampleName[];
  /** Samples each `openFiles()` returns; `[]` acts as a cancelled dialog. */
  dialog?: readonly SampleName[];
  /** Where `saveBadgeText` says it saved; `null` acts as a cancelled dialog. */
  savePath?: string | null;
  /** Whether `bakeInto` acts as a cancelled dialog. */
  bakeCancelled?: boolean;
  /** Methods that reject with the given error. */
  fail?: Partial<Record<Method, IpcError>>;
}

/** One recorded call. */
export interface FakeCall {
  method: Method;
  args: unknown[];
}

export class FakeBackend implements Backend {
  readonly calls: FakeCall[] = [];
  readonly open = new Map<number, OpenedFile>();
  private nextId = 1;
  private pending: OpenOutcome[] = [];
  private readonly arrived = new Set<() => void>();
  private readonly hovering = new Set<(hovering: boolean) => void>();

  constructor(private readonly options: FakeOptions = {}) {
    this.pending = (options.pending ?? []).map((name) => this.make(name));
  }

  /** Simulates files dropped on the window: samples by name, or outcomes. */
  drop(items: readonly (SampleName | OpenOutcome)[]): void {
    this.pending.push(...items.map((item) => (typeof item === "string" ? this.make(item) : this.register(item))));
    this.hover(false);
    for (const cb of this.arrived) cb();
  }

  /** Simulates a drag entering (true) or leaving (false) the window. */
  hover(hovering: boolean): void {
    for (const cb of this.hovering) cb(hovering);
  }

  /** A sample outcome with a fresh handle, remembered as open. */
  make(name: SampleName): OpenOutcome {
    return this.register(sampleOutcome(name, this.nextId++));
  }

  private register(outcome: OpenOutcome): OpenOutcome {
    if (outcome.status === "opened") {
      if (this.open.has(outcome.file.id) || outcome.file.id >= this.nextId) {
        outcome = { status: "opened", file: { ...outcome.file, id: this.nextId++ } };
      }
      this.open.set(outcome.file.id, outcome.file);
    }
    return outcome;
  }

  private record(method: Method, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const error = this.options.fail?.[method];
    if (error) throw { ...error };
  }

  /** The calls made to `method`. */
  callsTo(method: Method): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async openFiles(): Promise<OpenOutcome[]> {
    this.record("openFiles");
    return (this.options.dialog ?? []).map((name) => this.make(name));
  }

  async takePending(): Promise<OpenOutcome[]> {
    this.record("takePending");
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  async inspectText(text: string): Promise<OpenOutcome> {
    this.record("inspectText", text);
    return this.register(inspectTextLocally("pasted text", text, this.nextId++));
  }

  async closeFile(id: number): Promise<void> {
    this.record("closeFile", id);
    this.open.delete(id);
  }

  async bakeInto(id: number): Promise<BakeSaved | null> {
    this.record("bakeInto", id);
    if (this.options.bakeCancelled) return null;
    const image = this.open.get(id);
    if (!image) throw { code: "internal", message: `no open file with handle ${id}` } satisfies IpcError;
    const file = bakedCopy(image, this.nextId++);
    this.open.set(file.id, file);
    const svg = file.inspection.format === "svg";
    return {
      savedTo: `/home/sam/Pictures/${file.inspection.fileName}`,
      placedAs: svg ? "<openbadges:credential>" : "iTXt `openbadgecredential`",
      file,
    };
  }

  async saveBadgeText(id: number): Promise<string | null> {
    this.record("saveBadgeText", id);
    if (this.options.savePath !== undefined) return this.options.savePath;
    const file = this.open.get(id);
    const stem = (file?.inspection.fileName ?? "badge").replace(/\.[^.]+$/, "");
    const ext = file?.inspection.badge?.kind === "jws" ? "jwt" : "json";
    return `/home/sam/Documents/${stem}.${ext}`;
  }

  async onFilesArrived(cb: () => void): Promise<() => void> {
    this.arrived.add(cb);
    return () => this.arrived.delete(cb);
  }

  async onDragHover(cb: (hovering: boolean) => void): Promise<() => void> {
    this.hovering.add(cb);
    return () => this.hovering.delete(cb);
  }
}

// ---------------------------------------------------------------- a rough stand-in for the Rust inspector

function guessVersion(json: unknown): BadgeVersion {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "unknown";
  const o = json as Record<string, unknown>;
  const list = (v: unknown): string[] =>
    typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  const contexts = list(o["@context"]);
  const types = list(o["type"]);
  if (typeof o["vc"] === "object" || types.includes("VerifiableCredential") || types.includes("OpenBadgeCredential"))
    return "ob3";
  if (contexts.some((c) => c.includes("/ns/credentials/") || c.includes("/ob/v3p0/"))) return "ob3";
  if (contexts.some((c) => c.includes("openbadges/v2"))) return "ob2";
  if ("badge" in o && ("recipient" in o || "uid" in o)) return "ob1";
  return "unknown";
}

const LABELS: Record<BadgeVersion, string> = {
  ob3: "Open Badges 3.0",
  ob2: "Open Badges 2.0",
  ob1: "Open Badges 1.x",
  unknown: "Unknown",
};

function summarise(json: unknown): BadgeSummary {
  const get = (v: unknown, key: string): unknown =>
    typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
  const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
  const root = typeof get(json, "vc") === "object" ? get(json, "vc") : json;
  let subject = get(root, "credentialSubject");
  if (Array.isArray(subject)) subject = subject[0];
  const achievement = get(subject, "achievement");
  const badge = get(root, "badge");
  const issuer = get(root, "issuer") ?? get(badge, "issuer");
  return {
    name: str(get(root, "name")) ?? str(get(achievement, "name")) ?? str(get(badge, "name")),
    issuer: str(get(issuer, "name")) ?? str(get(issuer, "id")) ?? str(issuer),
    issued: str(get(root, "validFrom")) ?? str(get(root, "issuanceDate")) ?? str(get(root, "issuedOn")),
    expires: str(get(root, "validUntil")) ?? str(get(root, "expirationDate")),
  };
}

function decodeBytes(segment: string): Uint8Array {
  const b64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function decodeJws(text: string): DecodedJws | null {
  const [h, p, s] = text.split(".");
  if (h === undefined || p === undefined || s === undefined) return null;
  try {
    const header = JSON.parse(new TextDecoder().decode(decodeBytes(h))) as unknown;
    const payloadText = new TextDecoder().decode(decodeBytes(p));
    const signatureBytes = decodeBytes(s).length;
    try {
      return { header, payload: JSON.parse(payloadText) as unknown, payloadText: null, signatureBytes };
    } catch {
      return { header, payload: null, payloadText, signatureBytes };
    }
  } catch {
    return null;
  }
}

const JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Inspects pasted text roughly as the Rust core does. */
export function inspectTextLocally(name: string, raw: string, id: number): OpenOutcome {
  const text = raw.replace(/^\uFEFF/, "").trim();
  const failed = (message: string, code: IpcError["code"] = "not-a-badge"): OpenOutcome => ({
    status: "failed",
    name,
    error: { code, message: `${name}: ${message}` },
  });
  const base = {
    slot: null,
    keyword: null,
    chunkType: null,
    chunkIndex: null,
    compressed: false,
    element: null,
    svgSource: null,
    byteSize: utf8Length(text),
    text,
    body: null,
  } satisfies Partial<BadgeContent>;
  let badge: BadgeContent;
  let format: "json" | "jwt" | "url";
  const warnings: string[] = [];
  if (text.startsWith("{") || text.startsWith("[")) {
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch (e) {
      return failed(`the credential is not valid JSON (${e instanceof Error ? e.message : "syntax error"})`, "invalid-credential");
    }
    const version = guessVersion(json);
    format = "json";
    badge = { ...base, kind: "json", version, versionLabel: LABELS[version], json, jws: null, summary: summarise(json) };
  } else if (JWS_SHAPE.test(text)) {
    const jws = decodeJws(text);
    if (!jws) warnings.push("the JWS header is not JSON");
    const version = jws?.payload ? guessVersion(jws.payload) : "unknown";
    format = "jwt";
    badge = {
      ...base,
      kind: "jws",
      version,
      versionLabel: LABELS[version],
      json: null,
      jws,
      summary: jws?.payload ? summarise(jws.payload) : { name: null, issuer: null, issued: null, expires: null },
    };
  } else if (/^https?:\/\/\S+$/.test(text)) {
    format = "url";
    badge = {
      ...base,
      kind: "url",
      version: "unknown",
      versionLabel: "Open Badges 1.x/2.0 hosted assertion (URL)",
      json: null,
      jws: null,
      summary: { name: null, issuer: null, issued: null, expires: null },
    };
  } else {
    return failed("not a PNG or SVG image, a JSON credential, a JWT or a URL");
  }
  return {
    status: "opened",
    file: {
      id,
      previewUrl: null,
      inspection: { fileName: name, format, byteSize: utf8Length(raw), width: null, height: null, badge, warnings },
    },
  };
}

// ---------------------------------------------------------------- the browser preview

/**
 * The fake as the browser preview uses it: the open dialog gives every
 * sample, `?samples=a,b` are "given on the command line", and files dropped
 * on the page are shown (images without reading what is baked in; text files
 * through the rough inspector above).
 */
export function browserFake(params: URLSearchParams): FakeBackend {
  const wanted = (params.get("samples") ?? "").split(",").filter(Boolean);
  const all: SampleName[] = ["teamwork", "chess", "robotics", "first-aid", "photo", "broken"];
  const pending = wanted.includes("all") ? all : wanted.filter(isSampleName);
  const fake = new FakeBackend({ pending, dialog: all });

  let depth = 0;
  window.addEventListener("dragenter", (e) => {
    e.preventDefault();
    depth++;
    fake.hover(true);
  });
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) fake.hover(false);
  });
  window.addEventListener("drop", (e) => {
    e.preventDefault();
    depth = 0;
    const files = Array.from(e.dataTransfer?.files ?? []);
    void Promise.all(files.map((f, i) => readDropped(f, 1000 + i))).then((outcomes) => fake.drop(outcomes));
  });
  return fake;
}

async function readDropped(file: File, id: number): Promise<OpenOutcome> {
  const isImage = /\.(png|svg)$/i.test(file.name);
  if (!isImage) return inspectTextLocally(file.name, await file.text(), id);
  const previewUrl = await new Promise<string | null>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : null);
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
  return {
    status: "opened",
    file: {
      id,
      previewUrl,
      inspection: {
        fileName: file.name,
        format: /\.svg$/i.test(file.name) ? "svg" : "png",
        byteSize: file.size,
        width: null,
        height: null,
        badge: null,
        warnings: ["the browser preview shows images but cannot read what is baked into them; the desktop app can"],
      },
    },
  };
}

