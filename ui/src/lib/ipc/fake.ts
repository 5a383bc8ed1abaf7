// An in-memory Backend: used by the UI tests, and by the browser preview
// when the page runs outside Tauri.

import type { Backend } from "./backend";
import {
  SAMPLE_NAMES,
  bakedCopy,
  isSampleName,
  sampleOutcome,
  sampleVerification,
  utf8Length,
  type SampleName,
} from "./fake-samples";
import type { BakeSaved } from "./gen/BakeSaved";
import type { IpcError } from "./gen/IpcError";
import type { OpenedFile } from "./gen/OpenedFile";
import type { OpenOutcome } from "./gen/OpenOutcome";
import type { Verification } from "./gen/Verification";

type Method = Exclude<keyof Backend, "onFilesArrived" | "onDragHover">;

/** The name the core gives pasted text. */
const PASTED = "Pasted text";

export interface FakeOptions {
  /** Samples the first `takePending()` returns (files on the command line). */
  pending?: readonly SampleName[];
  /** Samples each `openFiles()` returns; `[]` acts as a cancelled dialog. */
  dialog?: readonly SampleName[];
  /** Where `saveBadgeText` says it saved; `null` acts as a cancelled dialog. */
  savePath?: string | null;
  /** Whether `bakeInto` acts as a cancelled dialog. */
  bakeCancelled?: boolean;
  /** Awaited before each `verifyFile` answers, e.g. to hold it in the "checking" state. */
  verifyGate?: (online: boolean) => Promise<unknown>;
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

  /**
   * Recognises the embedded text of a sample, as the core would; anything else
   * fails the way the core fails for text that is no credential. (The fake
   * does not re-implement the inspector: the real one is in Rust.)
   */
  async inspectText(text: string): Promise<OpenOutcome> {
    this.record("inspectText", text);
    const sample = SAMPLE_NAMES.map((name) => sampleOutcome(name, 0)).find(
      (o) => o.status === "opened" && o.file.inspection.badge?.text === text.trim(),
    );
    const badge = sample?.status === "opened" ? sample.file.inspection.badge : null;
    if (!badge) {
      return {
        status: "failed",
        name: PASTED,
        error: { code: "not-a-badge", message: `${PASTED}: not a PNG or SVG image, a JSON credential, a JWT or a URL` },
      };
    }
    const format = badge.kind === "jws" ? "jwt" : badge.kind === "url" ? "url" : "json";
    const loose = { slot: null, keyword: null, chunkType: null, chunkIndex: null, element: null, svgSource: null };
    return this.register({
      status: "opened",
      file: {
        id: this.nextId++,
        previewUrl: null,
        inspection: {
          fileName: PASTED,
          format,
          byteSize: utf8Length(text),
          width: null,
          height: null,
          badge: { ...badge, ...loose, compressed: false },
          warnings: [],
        },
      },
    });
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

  /**
   * The canned report of a sample's badge (see `fake-samples.ts`); the fake
   * does not verify anything itself. Other badges fail as an internal error.
   */
  async verifyFile(id: number, online: boolean): Promise<Verification> {
    this.record("verifyFile", id, online);
    await this.options.verifyGate?.(online);
    const file = this.open.get(id);
    if (!file) throw { code: "not-a-badge", message: `file #${id}: it is no longer open` } satisfies IpcError;
    const { badge, fileName } = file.inspection;
    if (!badge) throw { code: "no-badge", message: `${fileName}: no badge is baked into this image` } satisfies IpcError;
    const report = sampleVerification(badge.text, online);
    if (!report) throw { code: "internal", message: `the fake backend has no report for ${fileName}` } satisfies IpcError;
    return report;
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

// ---------------------------------------------------------------- the browser preview

/**
 * The fake as the browser preview uses it: the open dialog gives every
 * sample, and `?samples=a,b` are "given on the command line". Dropping real
 * files needs the desktop app, whose core reads them.
 */
export function browserFake(params: URLSearchParams): FakeBackend {
  const wanted = (params.get("samples") ?? "").split(",").filter(Boolean);
  const pending = wanted.includes("all") ? [...SAMPLE_NAMES] : wanted.filter(isSampleName);
  // Verifying takes a moment in the real app (online: the issuer's website answers).
  const verifyGate = (online: boolean) => new Promise((done) => setTimeout(done, online ? 1400 : 350));
  return new FakeBackend({ pending, dialog: [...SAMPLE_NAMES], verifyGate });
}
