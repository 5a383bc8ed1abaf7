// The Wallet screen's state and actions: the query (search, filters, sort,
// trash), the page of badges, the facets, the open badge, the dialogs, and
// what the buttons, shortcuts and drops do. The components only render it.

import { sentence } from "../../lib/format";
import type { WalletImportProgress } from "../../lib/ipc/gen/WalletImportProgress";
import type { Backend, CollectionExportFormat, WalletExportKind } from "../../lib/ipc/backend";
import { toIpcError } from "../../lib/ipc/errors";
import type { ImportReport } from "../../lib/ipc/gen/ImportReport";
import type { IpcError } from "../../lib/ipc/gen/IpcError";
import type { RecipientMatch } from "../../lib/ipc/gen/RecipientMatch";
import type { WalletBadge } from "../../lib/ipc/gen/WalletBadge";
import type { WalletCollection } from "../../lib/ipc/gen/WalletCollection";
import type { WalletDetail } from "../../lib/ipc/gen/WalletDetail";
import type { WalletFacets } from "../../lib/ipc/gen/WalletFacets";
import type { WalletQuery } from "../../lib/ipc/gen/WalletQuery";
import type { WalletSortOrder } from "../../lib/ipc/gen/WalletSortOrder";
import type { WalletStatus } from "../../lib/ipc/gen/WalletStatus";
import type { Toaster } from "../../lib/ui/toasts.svelte";
import type { VerifyState } from "../../lib/verification/verification";
import { restoreSummary } from "./words";

export type WalletView = "grid" | "list";

/** The filters a facet sets. */
export type FacetKind = "issuer" | "status" | "tag" | "collection";

/** How badges came in, while they are being imported. */
export type ImportSource = "files" | "folder" | "drop" | "paste" | "backup";

/** The dialog shown over the screen, if any. */
export type WalletDialog =
  | { kind: "paste" }
  | { kind: "report"; report: ImportReport }
  | { kind: "new-collection"; addTo: string | null }
  | { kind: "rename-collection"; id: string; name: string }
  | { kind: "delete-collection"; id: string; name: string }
  | { kind: "delete-forever"; badge: WalletBadge }
  | { kind: "empty-trash"; count: number };

/** What a call gave: its value, or the error to show. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Badges per page. */
export const PAGE_SIZE = 60;
/** How long typing pauses before the search runs. */
export const SEARCH_DELAY = 200;

const NO_FACETS: WalletFacets = { total: 0, trashed: 0, issuers: [], statuses: [], tags: [], collections: [] };

export class WalletState {
  // ------------------------------------------------ the query
  text = $state("");
  issuer = $state<string | null>(null);
  status = $state<WalletStatus | null>(null);
  tag = $state<string | null>(null);
  collection = $state<string | null>(null);
  trash = $state(false);
  sort = $state<WalletSortOrder>("newest");
  view = $state<WalletView>("grid");
  /** "Allow network": off unless the user turns it on; passed to imports and re-verifying. */
  online = $state(false);

  // ------------------------------------------------ what is shown
  badges = $state.raw<WalletBadge[]>([]);
  total = $state(0);
  loading = $state(false);
  /** Whether a page was loaded once. */
  loaded = $state(false);
  loadError = $state.raw<IpcError | null>(null);
  facets = $state.raw<WalletFacets>(NO_FACETS);
  /** Whether the facets were loaded once (until then, the wallet isn't known to be empty). */
  facetsLoaded = $state(false);
  collections = $state.raw<WalletCollection[]>([]);

  selectedId = $state<string | null>(null);
  detail = $state.raw<WalletDetail | null>(null);
  detailError = $state.raw<IpcError | null>(null);
  /** A re-verification in progress (and whether online), or its failure. */
  reverifying = $state.raw<{ online: boolean } | null>(null);
  reverifyError = $state.raw<{ online: boolean; error: IpcError } | null>(null);

  importing = $state<ImportSource | null>(null);
  /** How far the running import has come (from the core's progress events). */
  progress = $state.raw<WalletImportProgress | null>(null);
  dialog = $state.raw<WalletDialog | null>(null);
  /** A drag with files is over the window. */
  dragging = $state(false);

  /** Whether any filter or search narrows the list. */
  filtered = $derived(
    this.issuer !== null || this.status !== null || this.tag !== null || this.collection !== null || this.text.trim() !== "",
  );
  /** No badge outside the trash: the screen explains how to add some. */
  empty = $derived(this.loaded && this.facetsLoaded && this.facets.total === 0);
  /** The checklist as the verification panel shows it. */
  verification = $derived.by((): VerifyState | undefined => {
    const detail = this.detail;
    if (!detail) return undefined;
    if (this.reverifying) return { phase: "checking", online: this.reverifying.online, previous: detail.verification };
    if (this.reverifyError) return { phase: "failed", online: this.reverifyError.online, error: this.reverifyError.error };
    return { phase: "done", report: detail.verification };
  });

  readonly backend: Backend;
  readonly toaster: Toaster;
  #listRun = 0;
  #detailRun = 0;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(backend: Backend, toaster: Toaster) {
    this.backend = backend;
    this.toaster = toaster;
  }

  /** Runs a call, turning a rejection into an {@link IpcError}. */
  async attempt<T>(call: () => Promise<T>): Promise<Outcome<T>> {
    try {
      return { ok: true, value: await call() };
    } catch (reason) {
      return { ok: false, error: toIpcError(reason) };
    }
  }

  /** Shows an error as a toast (a cancelled dialog says nothing). */
  fail(what: string, error: IpcError): void {
    if (error.code === "cancelled") return;
    this.toaster.show(what, { tone: "error", detail: sentence(error.message, true) });
  }

  // ------------------------------------------------ loading

  query(offset: number): WalletQuery {
    return {
      text: this.text.trim(),
      issuer: this.trash ? null : this.issuer,
      status: this.trash ? null : this.status,
      tag: this.trash ? null : this.tag,
      collection: this.trash ? null : this.collection,
      trash: this.trash,
      sort: this.sort,
      offset,
      limit: PAGE_SIZE,
    };
  }

  /** Loads the first page again (`fresh`), or the next one. */
  async load(fresh = true): Promise<void> {
    const run = ++this.#listRun;
    this.loading = true;
    const outcome = await this.attempt(() => this.backend.walletList(this.query(fresh ? 0 : this.badges.length)));
    if (run !== this.#listRun) return;
    this.loading = false;
    this.loaded = true;
    if (!outcome.ok) {
      this.loadError = outcome.error;
      return;
    }
    this.loadError = null;
    this.badges = fresh ? outcome.value.badges : [...this.badges, ...outcome.value.badges];
    this.total = outcome.value.total;
  }

  /** The facets and collections (their counts change with every edit). */
  async loadFacets(): Promise<void> {
    const outcome = await this.attempt(() => Promise.all([this.backend.walletFacets(), this.backend.walletCollections()]));
    if (!outcome.ok) return this.fail("The filters couldn’t be loaded", outcome.error);
    const [facets, collections] = outcome.value;
    this.facets = facets;
    this.collections = collections;
    this.facetsLoaded = true;
    // A filter whose value is gone (a collection deleted, a tag removed) no longer applies.
    const gone =
      (this.issuer !== null && !facets.issuers.some((f) => f.value === this.issuer)) ||
      (this.tag !== null && !facets.tags.some((f) => f.value === this.tag)) ||
      (this.collection !== null && !collections.some((c) => c.id === this.collection));
    if (gone) {
      if (this.collection !== null && !collections.some((c) => c.id === this.collection)) this.collection = null;
      if (this.tag !== null && !facets.tags.some((f) => f.value === this.tag)) this.tag = null;
      if (this.issuer !== null && !facets.issuers.some((f) => f.value === this.issuer)) this.issuer = null;
      await this.load();
    }
  }

  /** Everything again: on the way into the screen and after imports. */
  async refresh(): Promise<void> {
    await Promise.all([this.load(), this.loadFacets()]);
    if (this.selectedId !== null) await this.#loadDetail(this.selectedId, false);
  }

  // ------------------------------------------------ search, filters, sort, view

  /** Searches as the user types, after a short pause. */
  search(text: string): void {
    this.text = text;
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      this.#searchTimer = null;
      void this.load();
    }, SEARCH_DELAY);
  }

  /** Runs the search now (Enter). */
  searchNow(): void {
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    this.#searchTimer = null;
    void this.load();
  }

  /** Sets a filter (again on the same value: clears it) and leaves the trash. */
  toggleFacet(kind: FacetKind, value: string): void {
    const same = !this.trash && this.#facet(kind) === value;
    this.trash = false;
    if (kind === "issuer") this.issuer = same ? null : value;
    else if (kind === "tag") this.tag = same ? null : value;
    else if (kind === "collection") this.collection = same ? null : value;
    else this.status = same ? null : (value as WalletStatus);
    void this.load();
  }

  #facet(kind: FacetKind): string | null {
    return kind === "issuer" ? this.issuer : kind === "tag" ? this.tag : kind === "collection" ? this.collection : this.status;
  }

  clearFacet(kind: FacetKind): void {
    if (kind === "issuer") this.issuer = null;
    else if (kind === "tag") this.tag = null;
    else if (kind === "collection") this.collection = null;
    else this.status = null;
    void this.load();
  }

  clearFilters(): void {
    this.issuer = null;
    this.status = null;
    this.tag = null;
    this.collection = null;
    this.text = "";
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    void this.load();
  }

  /** The whole wallet (no filter), or the trash. */
  showTrash(trash: boolean): void {
    this.issuer = null;
    this.status = null;
    this.tag = null;
    this.collection = null;
    if (this.trash !== trash) this.close();
    this.trash = trash;
    void this.load();
  }

  setSort(sort: WalletSortOrder): void {
    this.sort = sort;
    void this.load();
  }

  // ------------------------------------------------ the open badge

  /** Opens a badge's detail. */
  async open(id: string): Promise<void> {
    if (this.selectedId !== id) {
      this.selectedId = id;
      this.detail = null;
      this.reverifying = null;
      this.reverifyError = null;
    }
    await this.#loadDetail(id, true);
  }

  async #loadDetail(id: string, report: boolean): Promise<void> {
    const run = ++this.#detailRun;
    const outcome = await this.attempt(() => this.backend.walletShow(id));
    if (run !== this.#detailRun || this.selectedId !== id) return;
    if (!outcome.ok) {
      if (outcome.error.code === "not-found") {
        this.close();
        return;
      }
      this.detailError = outcome.error;
      if (report) this.detail = null;
      return;
    }
    this.detailError = null;
    this.detail = outcome.value;
  }

  close(): void {
    this.#detailRun++;
    this.selectedId = null;
    this.detail = null;
    this.detailError = null;
    this.reverifying = null;
    this.reverifyError = null;
  }

  /** Puts a changed badge in the page and in the detail. */
  #put(detail: WalletDetail): void {
    this.badges = this.badges.map((b) => (b.id === detail.badge.id ? detail.badge : b));
    if (this.selectedId === detail.badge.id) this.detail = detail;
  }

  /** Verifies the open badge again, with the network when `online`. */
  async reverify(online: boolean): Promise<void> {
    const detail = this.detail;
    if (!detail || this.reverifying) return;
    this.reverifying = { online };
    this.reverifyError = null;
    const outcome = await this.attempt(() => this.backend.walletReverify(detail.badge.id, online));
    if (this.selectedId !== detail.badge.id) return;
    this.reverifying = null;
    if (!outcome.ok) {
      this.reverifyError = { online, error: outcome.error };
      return;
    }
    this.#put(outcome.value);
    // Online, the badge is read afresh: its issuer may be known now.
    const before = detail.badge;
    const after = outcome.value.badge;
    if (after.status !== before.status || after.issuerId !== before.issuerId) void this.loadFacets();
  }

  /** "Is this mine?" for the open badge. */
  checkRecipient(identity: string): Promise<Outcome<RecipientMatch>> {
    const id = this.selectedId ?? "";
    return this.attempt(() => this.backend.walletCheckRecipient(id, identity));
  }

  async setTags(tags: string[]): Promise<void> {
    const detail = this.detail;
    if (!detail) return;
    // Shown at once; the answer (tags as the core keeps them) replaces it.
    this.#put({ ...detail, badge: { ...detail.badge, tags } });
    const outcome = await this.attempt(() => this.backend.walletSetTags(detail.badge.id, tags));
    if (!outcome.ok) {
      this.#put(detail);
      return this.fail("The tags couldn’t be saved", outcome.error);
    }
    this.#put(outcome.value);
    void this.loadFacets();
  }

  /** Saves the note when it changed; whether it is saved. */
  async setNote(note: string): Promise<boolean> {
    const detail = this.detail;
    if (!detail || detail.note === note) return false;
    const outcome = await this.attempt(() => this.backend.walletSetNote(detail.badge.id, note));
    if (!outcome.ok) {
      this.fail("The note couldn’t be saved", outcome.error);
      return false;
    }
    if (this.detail?.badge.id === detail.badge.id) this.detail = { ...this.detail, note };
    return true;
  }

  async setMembership(collectionId: string, member: boolean): Promise<void> {
    const detail = this.detail;
    if (!detail) return;
    const outcome = await this.attempt(() => this.backend.walletSetMembership(collectionId, [detail.badge.id], member));
    if (!outcome.ok) return this.fail("The collection couldn’t be changed", outcome.error);
    if (this.detail?.badge.id === detail.badge.id) {
      const collections = member
        ? [...this.detail.collections.filter((c) => c !== collectionId), collectionId]
        : this.detail.collections.filter((c) => c !== collectionId);
      this.detail = { ...this.detail, collections };
    }
    await this.loadFacets();
    if (this.collection === collectionId) await this.load();
  }

  // ------------------------------------------------ trash

  /** Moves a badge to the trash, with "Undo" on the toast. */
  async moveToTrash(badge: WalletBadge): Promise<void> {
    const outcome = await this.attempt(() => this.backend.walletTrash([badge.id]));
    if (!outcome.ok) return this.fail("The badge couldn’t be moved to the trash", outcome.error);
    this.#removeShown(badge.id);
    void this.loadFacets();
    this.toaster.show(`“${badge.name}” is in the trash`, {
      action: { label: "Undo", run: () => void this.#undoTrash(badge) },
    });
  }

  async #undoTrash(badge: WalletBadge): Promise<void> {
    const outcome = await this.attempt(() => this.backend.walletRestore([badge.id]));
    if (!outcome.ok) return this.fail("The badge couldn’t be taken out of the trash", outcome.error);
    await Promise.all([this.load(), this.loadFacets()]);
  }

  /** Takes a badge out of the trash. */
  async restore(badge: WalletBadge): Promise<void> {
    const outcome = await this.attempt(() => this.backend.walletRestore([badge.id]));
    if (!outcome.ok) return this.fail("The badge couldn’t be taken out of the trash", outcome.error);
    this.#removeShown(badge.id);
    void this.loadFacets();
    this.toaster.show(`“${badge.name}” is back in the wallet`, { tone: "success" });
  }

  async deleteForever(badge: WalletBadge): Promise<void> {
    const outcome = await this.attempt(() => this.backend.walletDeleteForever([badge.id]));
    if (!outcome.ok) return this.fail("The badge couldn’t be deleted", outcome.error);
    this.#removeShown(badge.id);
    void this.loadFacets();
    this.toaster.show(`“${badge.name}” is deleted`);
  }

  async emptyTrash(): Promise<void> {
    const outcome = await this.attempt(() => this.backend.walletEmptyTrash());
    if (!outcome.ok) return this.fail("The trash couldn’t be emptied", outcome.error);
    this.close();
    this.toaster.show(outcome.value === 1 ? "1 badge deleted for good" : `${outcome.value} badges deleted for good`);
    await Promise.all([this.load(), this.loadFacets()]);
  }

  #removeShown(id: string): void {
    const before = this.badges.length;
    this.badges = this.badges.filter((b) => b.id !== id);
    if (this.badges.length < before) this.total = Math.max(0, this.total - 1);
    if (this.selectedId === id) this.close();
  }

  // ------------------------------------------------ collections

  async createCollection(name: string, addTo: string | null): Promise<Outcome<WalletCollection>> {
    const outcome = await this.attempt(() => this.backend.walletCreateCollection(name));
    if (!outcome.ok) return outcome;
    if (addTo !== null) {
      const added = await this.attempt(() => this.backend.walletSetMembership(outcome.value.id, [addTo], true));
      if (!added.ok) this.fail("The badge couldn’t be added to the collection", added.error);
      else if (this.detail?.badge.id === addTo) this.detail = { ...this.detail, collections: [...this.detail.collections, outcome.value.id] };
    }
    await this.loadFacets();
    this.toaster.show(`Collection “${outcome.value.name}” made`, { tone: "success" });
    return outcome;
  }

  async renameCollection(id: string, name: string): Promise<Outcome<void>> {
    const outcome = await this.attempt(() => this.backend.walletRenameCollection(id, name));
    if (outcome.ok) await this.loadFacets();
    return outcome;
  }

  async deleteCollection(id: string, name: string): Promise<void> {
    const outcome = await this.attempt(() => this.backend.walletDeleteCollection(id));
    if (!outcome.ok) return this.fail("The collection couldn’t be deleted", outcome.error);
    if (this.detail) this.detail = { ...this.detail, collections: this.detail.collections.filter((c) => c !== id) };
    if (this.collection === id) this.collection = null;
    this.toaster.show(`Collection “${name}” deleted`, { detail: "Its badges are still in the wallet." });
    await Promise.all([this.load(), this.loadFacets()]);
  }

  async exportCollection(id: string, format: CollectionExportFormat): Promise<void> {
    const outcome = await this.attempt(() => this.backend.walletExportCollection(id, format));
    if (!outcome.ok) return this.fail("The collection couldn’t be exported", outcome.error);
    if (outcome.value !== null) this.toaster.show("The collection is exported", { tone: "success", detail: outcome.value });
  }

  // ------------------------------------------------ files

  async exportBadge(kind: WalletExportKind): Promise<void> {
    const detail = this.detail;
    if (!detail) return;
    const outcome = await this.attempt(() => this.backend.walletExportBadge(detail.badge.id, kind));
    if (!outcome.ok) return this.fail("The badge couldn’t be exported", outcome.error);
    if (outcome.value !== null) this.toaster.show("The badge is exported", { tone: "success", detail: outcome.value });
  }

  async backup(): Promise<void> {
    const outcome = await this.attempt(() => this.backend.walletBackup());
    if (!outcome.ok) return this.fail("The wallet couldn’t be backed up", outcome.error);
    if (outcome.value !== null) this.toaster.show("The wallet is backed up", { tone: "success", detail: outcome.value });
  }

  async restoreBackup(): Promise<void> {
    this.importing = "backup";
    const outcome = await this.attempt(() => this.backend.walletRestoreBackup());
    this.importing = null;
    if (!outcome.ok) return this.fail("The backup couldn’t be restored", outcome.error);
    if (outcome.value === null) return;
    this.toaster.show("The backup is restored", { tone: "success", detail: restoreSummary(outcome.value) });
    if (outcome.value.added > 0) this.trash = false;
    await this.refresh();
  }

  /** Runs an import and shows its report. */
  async #import(source: ImportSource, call: () => Promise<ImportReport | null>): Promise<ImportReport | null> {
    this.importing = source;
    this.progress = null;
    const outcome = await this.attempt(call);
    this.importing = null;
    this.progress = null;
    if (!outcome.ok) {
      this.fail(source === "drop" ? "The dropped files couldn’t be imported" : "The badges couldn’t be imported", outcome.error);
      return null;
    }
    if (outcome.value === null) return null;
    this.dialog = { kind: "report", report: outcome.value };
    if (outcome.value.added > 0 && this.trash) this.trash = false;
    await this.refresh();
    return outcome.value;
  }

  importFiles(): Promise<ImportReport | null> {
    return this.#import("files", () => this.backend.walletImportFiles(this.online));
  }

  importFolder(): Promise<ImportReport | null> {
    return this.#import("folder", () => this.backend.walletImportFolder(this.online));
  }

  /** Imports what was dropped on the window (the paths stay in the core). */
  importDropped(): Promise<ImportReport | null> {
    this.dragging = false;
    return this.#import("drop", () => this.backend.walletImportDropped(this.online));
  }

  importText(text: string): Promise<ImportReport | null> {
    return this.#import("paste", () => this.backend.walletImportText(text, this.online));
  }
}
