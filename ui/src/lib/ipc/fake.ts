// An in-memory Backend: used by the UI tests, and by the browser preview
// when the page runs outside Tauri.

import type { WalletImportProgress } from "./gen/WalletImportProgress";
import type { Backend, CollectionExportFormat, WalletExportKind } from "./backend";
import { checkFakeDesign, fakeCatalog, hashOf, placeholderRender, searchFakeGlyphs, TINY_PNG } from "./fake-designs";
import { FakeIssuing, type FakeIssuingOptions } from "./fake-issuing";
import { FakeWallet, walletFileOf, type FakeWalletOptions } from "./fake-wallet";
import {
  SAMPLE_NAMES,
  bakedCopy,
  isSampleName,
  sampleOutcome,
  sampleVerification,
  utf8Length,
  type SampleName,
} from "./fake-samples";
import type { Achievement } from "./gen/Achievement";
import type { AchievementInput } from "./gen/AchievementInput";
import type { BadgeDesign } from "./gen/BadgeDesign";
import type { BatchOutcome } from "./gen/BatchOutcome";
import type { BatchPreview } from "./gen/BatchPreview";
import type { BatchProgress } from "./gen/BatchProgress";
import type { BakeSaved } from "./gen/BakeSaved";
import type { ChosenImage } from "./gen/ChosenImage";
import type { DesignCatalog } from "./gen/DesignCatalog";
import type { DesignSummary } from "./gen/DesignSummary";
import type { ExportedFile } from "./gen/ExportedFile";
import type { ExportFormat } from "./gen/ExportFormat";
import type { GlyphInfo } from "./gen/GlyphInfo";
import type { GlyphStyle } from "./gen/GlyphStyle";
import type { IpcError } from "./gen/IpcError";
import type { IssuedOne } from "./gen/IssuedOne";
import type { IssuedPage } from "./gen/IssuedPage";
import type { IssueSettings } from "./gen/IssueSettings";
import type { IssuerInput } from "./gen/IssuerInput";
import type { IssuerProfile } from "./gen/IssuerProfile";
import type { OpenedFile } from "./gen/OpenedFile";
import type { OpenOutcome } from "./gen/OpenOutcome";
import type { RecipientInput } from "./gen/RecipientInput";
import type { RenderedDesign } from "./gen/RenderedDesign";
import type { Revocation } from "./gen/Revocation";
import type { SavedDesign } from "./gen/SavedDesign";
import type { Verification } from "./gen/Verification";
import type { ImportReport } from "./gen/ImportReport";
import type { RecipientMatch } from "./gen/RecipientMatch";
import type { RestoreReport } from "./gen/RestoreReport";
import type { WalletCollection } from "./gen/WalletCollection";
import type { WalletDetail } from "./gen/WalletDetail";
import type { WalletFacets } from "./gen/WalletFacets";
import type { WalletPage } from "./gen/WalletPage";
import type { WalletQuery } from "./gen/WalletQuery";

type Method = Exclude<keyof Backend, "onFilesArrived" | "onDragHover" | "onBatchProgress" | "onWalletImportProgress">;

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
  /** Awaited before each `renderDesign` answers, e.g. to hold renders in flight. */
  renderGate?: (request: RenderRequestArgs) => Promise<unknown>;
  /** What `importDesignFile` reads; `null` (the default) acts as a cancelled dialog. */
  importDesign?: BadgeDesign | null;
  /** What `chooseImage` gives; `null` acts as a cancelled dialog. Default: a 1 × 1 PNG. */
  chosenImage?: ChosenImage | null;
  /** Where `exportDesign` says it saved; `null` acts as a cancelled dialog. Default: a made-up path. */
  exportPath?: string | null;
  /** Designs already saved in the app. */
  designs?: readonly SavedDesign[];
  /** Issuers, achievements, the issued log and the issuing dialogs (see `fake-issuing.ts`). */
  issuing?: FakeIssuingOptions;
  /** The wallet's badges and its dialogs (see `fake-wallet.ts`). */
  wallet?: FakeWalletOptions;
}

/** The arguments of one `renderDesign` call. */
export interface RenderRequestArgs {
  design: BadgeDesign;
  size: number;
  draft: boolean;
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
  /** Saved designs by id, with whether each is in the trash. */
  readonly designs = new Map<string, { saved: SavedDesign; trashed: boolean }>();
  private nextDesign = 1;
  /** The fake clock for saved designs: one minute per save. */
  private minutes = 0;
  /** Issuers, achievements and the issued log. */
  readonly issuing: FakeIssuing;
  /** The wallet. */
  readonly wallet: FakeWallet;

  constructor(private readonly options: FakeOptions = {}) {
    this.pending = (options.pending ?? []).map((name) => this.make(name));
    for (const saved of options.designs ?? []) {
      this.designs.set(saved.summary.id, { saved, trashed: false });
      this.nextDesign++;
    }
    this.issuing = new FakeIssuing({ ...options.issuing }, () => this.savedSummaries());
    this.wallet = new FakeWallet({ ...options.wallet });
  }

  private savedSummaries(): DesignSummary[] {
    return [...this.designs.values()]
      .filter((d) => !d.trashed)
      .map((d) => d.saved.summary)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Simulates files dropped on the window: samples by name, or outcomes. */
  drop(items: readonly (SampleName | OpenOutcome)[]): void {
    this.pending.push(...items.map((item) => (typeof item === "string" ? this.make(item) : this.register(item))));
    this.hover(false);
    for (const cb of this.arrived) cb();
  }

  /** How many components listen for dropped files (a test hook: drop only once they do). */
  get dropListeners(): number {
    return this.arrived.size;
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

  // ---------------------------------------------------------------- the Designer

  async designCatalog(): Promise<DesignCatalog> {
    this.record("designCatalog");
    return fakeCatalog();
  }

  async searchGlyphs(query: string, style: GlyphStyle | null, limit: number): Promise<GlyphInfo[]> {
    this.record("searchGlyphs", query, style, limit);
    return searchFakeGlyphs(query, style, limit);
  }

  /** Checks the design as far as the fake knows the limits, and returns a placeholder image. */
  async renderDesign(design: BadgeDesign, size: number, draft: boolean): Promise<RenderedDesign> {
    this.record("renderDesign", design, size, draft);
    await this.options.renderGate?.({ design, size, draft });
    const problem = checkFakeDesign(design);
    if (problem) throw { code: "invalid-design", message: `the design: ${problem}` } satisfies IpcError;
    return { dataUrl: placeholderRender(design, size, draft), size, millis: draft ? 2 : 7 };
  }

  async listDesigns(): Promise<DesignSummary[]> {
    this.record("listDesigns");
    return this.savedSummaries();
  }

  async openDesign(id: string): Promise<SavedDesign> {
    this.record("openDesign", id);
    const found = this.designs.get(id);
    if (!found || found.trashed) throw { code: "not-found", message: `design ${id}: there is no such design` } satisfies IpcError;
    return structuredClone(found.saved);
  }

  async saveDesign(id: string | null, design: BadgeDesign): Promise<SavedDesign> {
    this.record("saveDesign", id, design);
    const problem = checkFakeDesign(design);
    if (problem) throw { code: "invalid-design", message: `the design: ${problem}` } satisfies IpcError;
    const now = this.tick();
    const before = id === null ? undefined : this.designs.get(id);
    if (id !== null && !before) throw { code: "not-found", message: `design ${id}: there is no such design` } satisfies IpcError;
    const summary: DesignSummary = {
      id: id ?? `design-${this.nextDesign++}`,
      name: design.name,
      createdAt: before?.saved.summary.createdAt ?? now,
      updatedAt: now,
      thumbnail: placeholderRender(design, 160, false),
    };
    const saved = { summary, design: structuredClone(design) };
    this.designs.set(summary.id, { saved, trashed: false });
    return structuredClone(saved);
  }

  async deleteDesign(id: string): Promise<void> {
    this.record("deleteDesign", id);
    const found = this.designs.get(id);
    if (!found) throw { code: "not-found", message: `design ${id}: there is no such design` } satisfies IpcError;
    found.trashed = true;
  }

  async restoreDesign(id: string): Promise<void> {
    this.record("restoreDesign", id);
    const found = this.designs.get(id);
    if (!found) throw { code: "not-found", message: `design ${id}: there is no such design` } satisfies IpcError;
    found.trashed = false;
  }

  async importDesignFile(): Promise<BadgeDesign | null> {
    this.record("importDesignFile");
    const design = this.options.importDesign ?? null;
    return design ? structuredClone(design) : null;
  }

  async chooseImage(): Promise<ChosenImage | null> {
    this.record("chooseImage");
    if (this.options.chosenImage !== undefined) return this.options.chosenImage;
    return { fileName: "logo.png", dataUri: TINY_PNG, width: 1, height: 1, notice: null };
  }

  async exportDesign(design: BadgeDesign, format: ExportFormat, size: number): Promise<ExportedFile | null> {
    this.record("exportDesign", design, format, size);
    const problem = checkFakeDesign(design);
    if (problem) throw { code: "invalid-design", message: `${design.name}: ${problem}` } satisfies IpcError;
    if (this.options.exportPath !== undefined) {
      return this.options.exportPath === null ? null : { path: this.options.exportPath, bytes: 4096 };
    }
    const stem = design.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "badge";
    const ext = format === "png" ? "png" : format === "design" ? "badgedesign.json" : "svg";
    return { path: `/home/sam/Pictures/${stem}.${ext}`, bytes: format === "png" ? size * 40 : 2048 + hashOf(design).length };
  }

  private tick(): string {
    const at = new Date(Date.UTC(2026, 2, 1, 9, 0, 0) + this.minutes++ * 60_000);
    return at.toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  // ---------------------------------------------------------------- issuing

  async listIssuers(): Promise<IssuerProfile[]> {
    this.record("listIssuers");
    return this.issuing.listIssuers();
  }

  async createIssuer(input: IssuerInput, passphrase: string): Promise<IssuerProfile> {
    this.record("createIssuer", input, passphrase);
    return this.issuing.createIssuer(input, passphrase);
  }

  async importIssuerSeed(input: IssuerInput, seed: string, passphrase: string): Promise<IssuerProfile> {
    this.record("importIssuerSeed", input, seed, passphrase);
    return this.issuing.importIssuerSeed(input, seed, passphrase);
  }

  async updateIssuer(id: string, input: IssuerInput): Promise<IssuerProfile> {
    this.record("updateIssuer", id, input);
    return this.issuing.updateIssuer(id, input);
  }

  async unlockIssuer(id: string, passphrase: string): Promise<IssuerProfile> {
    this.record("unlockIssuer", id, passphrase);
    return this.issuing.unlockIssuer(id, passphrase);
  }

  async lockIssuer(id: string): Promise<IssuerProfile> {
    this.record("lockIssuer", id);
    return this.issuing.lockIssuer(id);
  }

  async backupIssuer(id: string): Promise<string | null> {
    this.record("backupIssuer", id);
    return this.issuing.backupIssuer(id);
  }

  async restoreIssuer(passphrase: string): Promise<IssuerProfile | null> {
    this.record("restoreIssuer", passphrase);
    return this.issuing.restoreIssuer(passphrase);
  }

  async exportStatusList(issuerId: string): Promise<string | null> {
    this.record("exportStatusList", issuerId);
    return this.issuing.exportStatusList(issuerId);
  }

  async listAchievements(issuerId: string | null): Promise<Achievement[]> {
    this.record("listAchievements", issuerId);
    return this.issuing.listAchievements(issuerId);
  }

  async saveAchievement(id: string | null, input: AchievementInput): Promise<Achievement> {
    this.record("saveAchievement", id, input);
    return this.issuing.saveAchievement(id, input);
  }

  async issueOne(achievementId: string, recipient: RecipientInput, settings: IssueSettings): Promise<IssuedOne> {
    this.record("issueOne", achievementId, recipient, settings);
    return this.issuing.issueOne(achievementId, recipient, settings);
  }

  async exportIssued(id: string): Promise<string | null> {
    this.record("exportIssued", id);
    return this.issuing.exportIssued(id);
  }

  async chooseRecipientsCsv(achievementId: string): Promise<BatchPreview | null> {
    this.record("chooseRecipientsCsv", achievementId);
    return this.issuing.chooseRecipientsCsv(achievementId);
  }

  async chooseOutputFolder(): Promise<string | null> {
    this.record("chooseOutputFolder");
    return this.issuing.chooseOutputFolder();
  }

  async startBatch(achievementId: string, outputDir: string, settings: IssueSettings): Promise<BatchOutcome> {
    this.record("startBatch", achievementId, outputDir, settings);
    return this.issuing.startBatch(achievementId, outputDir, settings);
  }

  async cancelBatch(): Promise<void> {
    this.record("cancelBatch");
    this.issuing.cancelBatch();
  }

  async onBatchProgress(cb: (progress: BatchProgress) => void): Promise<() => void> {
    return this.issuing.onBatchProgress(cb);
  }

  async onWalletImportProgress(cb: (progress: WalletImportProgress) => void): Promise<() => void> {
    return this.wallet.onImportProgress(cb);
  }

  async openFolder(path: string): Promise<void> {
    this.record("openFolder", path);
  }

  async listIssued(query: string, offset: number, limit: number): Promise<IssuedPage> {
    this.record("listIssued", query, offset, limit);
    return this.issuing.listIssued(query, offset, limit);
  }

  async revokeIssued(id: string, reason: string | null): Promise<Revocation> {
    this.record("revokeIssued", id, reason);
    return this.issuing.revokeIssued(id, reason);
  }

  // ---------------------------------------------------------------- the wallet

  async walletImportFiles(online: boolean): Promise<ImportReport | null> {
    this.record("walletImportFiles", online);
    return this.wallet.importChosenFiles(online);
  }

  async walletImportFolder(online: boolean): Promise<ImportReport | null> {
    this.record("walletImportFolder", online);
    return this.wallet.importChosenFolder(online);
  }

  /** Imports what was dropped since the last call: the same queue `takePending` drains. */
  async walletImportDropped(online: boolean): Promise<ImportReport> {
    this.record("walletImportDropped", online);
    const taken = this.pending;
    this.pending = [];
    for (const outcome of taken) if (outcome.status === "opened") this.open.delete(outcome.file.id);
    return this.wallet.importFiles(
      taken.map((outcome) => walletFileOf(outcome, "/home/sam/Desktop")),
      online,
    );
  }

  async walletImportText(text: string, online: boolean): Promise<ImportReport> {
    this.record("walletImportText", text, online);
    return this.wallet.importText(text, online);
  }

  async walletList(query: WalletQuery): Promise<WalletPage> {
    this.record("walletList", query);
    return this.wallet.list(query);
  }

  async walletFacets(): Promise<WalletFacets> {
    this.record("walletFacets");
    return this.wallet.facets();
  }

  async walletShow(id: string): Promise<WalletDetail> {
    this.record("walletShow", id);
    return this.wallet.show(id);
  }

  async walletReverify(id: string, online: boolean): Promise<WalletDetail> {
    this.record("walletReverify", id, online);
    return this.wallet.reverify(id, online);
  }

  async walletCheckRecipient(id: string, identity: string): Promise<RecipientMatch> {
    this.record("walletCheckRecipient", id, identity);
    return this.wallet.checkRecipient(id, identity);
  }

  async walletSetTags(id: string, tags: string[]): Promise<WalletDetail> {
    this.record("walletSetTags", id, tags);
    return this.wallet.setTags(id, tags);
  }

  async walletSetNote(id: string, note: string): Promise<void> {
    this.record("walletSetNote", id, note);
    this.wallet.setNote(id, note);
  }

  async walletTrash(ids: string[]): Promise<void> {
    this.record("walletTrash", ids);
    this.wallet.trash(ids);
  }

  async walletRestore(ids: string[]): Promise<void> {
    this.record("walletRestore", ids);
    this.wallet.restore(ids);
  }

  async walletDeleteForever(ids: string[]): Promise<void> {
    this.record("walletDeleteForever", ids);
    this.wallet.deleteForever(ids);
  }

  async walletEmptyTrash(): Promise<number> {
    this.record("walletEmptyTrash");
    return this.wallet.emptyTrash();
  }

  async walletCollections(): Promise<WalletCollection[]> {
    this.record("walletCollections");
    return this.wallet.listCollections();
  }

  async walletCreateCollection(name: string): Promise<WalletCollection> {
    this.record("walletCreateCollection", name);
    return this.wallet.createCollection(name);
  }

  async walletRenameCollection(id: string, name: string): Promise<void> {
    this.record("walletRenameCollection", id, name);
    this.wallet.renameCollection(id, name);
  }

  async walletDeleteCollection(id: string): Promise<void> {
    this.record("walletDeleteCollection", id);
    this.wallet.deleteCollection(id);
  }

  async walletSetMembership(collectionId: string, ids: string[], member: boolean): Promise<void> {
    this.record("walletSetMembership", collectionId, ids, member);
    this.wallet.setMembership(collectionId, ids, member);
  }

  async walletExportBadge(id: string, kind: WalletExportKind): Promise<string | null> {
    this.record("walletExportBadge", id, kind);
    return this.wallet.exportBadge(id, kind);
  }

  async walletExportCollection(collectionId: string, format: CollectionExportFormat): Promise<string | null> {
    this.record("walletExportCollection", collectionId, format);
    return this.wallet.exportCollection(collectionId, format);
  }

  async walletBackup(): Promise<string | null> {
    this.record("walletBackup");
    return this.wallet.backup();
  }

  async walletRestoreBackup(): Promise<RestoreReport | null> {
    this.record("walletRestoreBackup");
    return this.wallet.restoreBackup();
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
 * files needs the desktop app, whose core reads them. `?wallet=samples`
 * starts with a filled wallet; without it the wallet is empty.
 */
export function browserFake(params: URLSearchParams): FakeBackend {
  const wanted = (params.get("samples") ?? "").split(",").filter(Boolean);
  const pending = wanted.includes("all") ? [...SAMPLE_NAMES] : wanted.filter(isSampleName);
  // Verifying takes a moment in the real app (online: the issuer's website answers).
  const verifyGate = (online: boolean) => new Promise((done) => setTimeout(done, online ? 1400 : 350));
  // Rendering takes a few milliseconds, drafts fewer.
  const renderGate = (request: RenderRequestArgs) => new Promise((done) => setTimeout(done, request.draft ? 4 : 12));
  // Issuing: a demo school (passphrase "correct horse battery"); `?csv=with-errors` gives a CSV with bad rows.
  const csv = params.get("csv") === "with-errors" ? "with-errors" : "valid";
  const batchGate = () => new Promise((done) => setTimeout(done, 450));
  const issueGate = () => new Promise((done) => setTimeout(done, 300));
  const issuing: FakeIssuingOptions = { seed: "demo", csv, batchGate, issueGate };
  // The wallet: importing and verifying again take a moment too.
  const walletGate = (what: "import" | "reverify") => new Promise((done) => setTimeout(done, what === "import" ? 500 : 600));
  const wallet: FakeWalletOptions = { gate: walletGate, ...(params.get("wallet") === "samples" ? { seed: "samples" } : {}) };
  return new FakeBackend({ pending, dialog: [...SAMPLE_NAMES], verifyGate, renderGate, issuing, wallet });
}
