// The one file that talks to Tauri. Everything else uses the Backend interface.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";

import type { Backend } from "./backend";
import { toIpcError } from "./errors";
import type { Achievement } from "./gen/Achievement";
import type { AchievementInput } from "./gen/AchievementInput";
import type { BatchOutcome } from "./gen/BatchOutcome";
import type { BatchPreview } from "./gen/BatchPreview";
import type { BatchProgress } from "./gen/BatchProgress";
import type { IssuedOne } from "./gen/IssuedOne";
import type { IssuedPage } from "./gen/IssuedPage";
import type { IssueSettings } from "./gen/IssueSettings";
import type { IssuerInput } from "./gen/IssuerInput";
import type { IssuerProfile } from "./gen/IssuerProfile";
import type { RecipientInput } from "./gen/RecipientInput";
import type { Revocation } from "./gen/Revocation";
import type { BadgeDesign } from "./gen/BadgeDesign";
import type { BakeSaved } from "./gen/BakeSaved";
import type { ChosenImage } from "./gen/ChosenImage";
import type { DesignCatalog } from "./gen/DesignCatalog";
import type { DesignSummary } from "./gen/DesignSummary";
import type { ExportedFile } from "./gen/ExportedFile";
import type { ExportFormat } from "./gen/ExportFormat";
import type { GlyphInfo } from "./gen/GlyphInfo";
import type { GlyphStyle } from "./gen/GlyphStyle";
import type { OpenOutcome } from "./gen/OpenOutcome";
import type { RenderedDesign } from "./gen/RenderedDesign";
import type { SavedDesign } from "./gen/SavedDesign";
import type { Verification } from "./gen/Verification";
import type { CollectionExportFormat, WalletExportKind } from "./backend";
import type { ImportReport } from "./gen/ImportReport";
import type { RecipientMatch } from "./gen/RecipientMatch";
import type { RestoreReport } from "./gen/RestoreReport";
import type { WalletCollection } from "./gen/WalletCollection";
import type { WalletDetail } from "./gen/WalletDetail";
import type { WalletFacets } from "./gen/WalletFacets";
import type { WalletPage } from "./gen/WalletPage";
import type { WalletQuery } from "./gen/WalletQuery";
import type { WalletImportProgress } from "./gen/WalletImportProgress";

/** Emitted by Rust (no payload) when files were dropped or given on the command line. */
const FILES_ARRIVED = "files-arrived";
/** Emitted by Rust while a batch runs; the payload is a {@link BatchProgress}. */
const ISSUE_PROGRESS = "issue-progress";
/** Emitted by Rust while the wallet imports files; the payload is a {@link WalletImportProgress}. */
const WALLET_IMPORT_PROGRESS = "wallet-import-progress";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

export class TauriBackend implements Backend {
  openFiles(): Promise<OpenOutcome[]> {
    return call("open_files");
  }

  takePending(): Promise<OpenOutcome[]> {
    return call("take_pending");
  }

  inspectText(text: string): Promise<OpenOutcome> {
    return call("inspect_text", { text });
  }

  closeFile(id: number): Promise<void> {
    return call("close_file", { id });
  }

  bakeInto(id: number): Promise<BakeSaved | null> {
    return call("bake_into", { id });
  }

  saveBadgeText(id: number): Promise<string | null> {
    return call("save_badge_text", { id });
  }

  verifyFile(id: number, online: boolean): Promise<Verification> {
    return call("verify_file", { id, online });
  }

  designCatalog(): Promise<DesignCatalog> {
    return call("design_catalog");
  }

  searchGlyphs(query: string, style: GlyphStyle | null, limit: number): Promise<GlyphInfo[]> {
    return call("search_glyphs", { query, style, limit });
  }

  renderDesign(design: BadgeDesign, size: number, draft: boolean): Promise<RenderedDesign> {
    return call("render_design", { design, size, draft });
  }

  listDesigns(): Promise<DesignSummary[]> {
    return call("list_designs");
  }

  openDesign(id: string): Promise<SavedDesign> {
    return call("open_design", { id });
  }

  saveDesign(id: string | null, design: BadgeDesign): Promise<SavedDesign> {
    return call("save_design", { id, design });
  }

  deleteDesign(id: string): Promise<void> {
    return call("delete_design", { id });
  }

  restoreDesign(id: string): Promise<void> {
    return call("restore_design", { id });
  }

  importDesignFile(): Promise<BadgeDesign | null> {
    return call("import_design_file");
  }

  chooseImage(): Promise<ChosenImage | null> {
    return call("choose_image");
  }

  exportDesign(design: BadgeDesign, format: ExportFormat, size: number): Promise<ExportedFile | null> {
    return call("export_design", { design, format, size });
  }

  // ---------------------------------------------------------------- issuing

  listIssuers(): Promise<IssuerProfile[]> {
    return call("list_issuers");
  }

  createIssuer(input: IssuerInput, passphrase: string): Promise<IssuerProfile> {
    return call("create_issuer", { input, passphrase });
  }

  importIssuerSeed(input: IssuerInput, seed: string, passphrase: string): Promise<IssuerProfile> {
    return call("import_issuer_seed", { input, seed, passphrase });
  }

  updateIssuer(id: string, input: IssuerInput): Promise<IssuerProfile> {
    return call("update_issuer", { id, input });
  }

  unlockIssuer(id: string, passphrase: string): Promise<IssuerProfile> {
    return call("unlock_issuer", { id, passphrase });
  }

  lockIssuer(id: string): Promise<IssuerProfile> {
    return call("lock_issuer", { id });
  }

  backupIssuer(id: string): Promise<string | null> {
    return call("backup_issuer", { id });
  }

  restoreIssuer(passphrase: string): Promise<IssuerProfile | null> {
    return call("restore_issuer", { passphrase });
  }

  exportStatusList(issuerId: string): Promise<string | null> {
    return call("export_status_list", { issuerId });
  }

  listAchievements(issuerId: string | null): Promise<Achievement[]> {
    return call("list_achievements", { issuerId });
  }

  saveAchievement(id: string | null, input: AchievementInput): Promise<Achievement> {
    return call("save_achievement", { id, input });
  }

  issueOne(achievementId: string, recipient: RecipientInput, settings: IssueSettings): Promise<IssuedOne> {
    return call("issue_one", { achievementId, recipient, settings });
  }

  exportIssued(id: string): Promise<string | null> {
    return call("export_issued", { id });
  }

  chooseRecipientsCsv(achievementId: string): Promise<BatchPreview | null> {
    return call("choose_recipients_csv", { achievementId });
  }

  chooseOutputFolder(): Promise<string | null> {
    return call("choose_output_folder");
  }

  startBatch(achievementId: string, outputDir: string, settings: IssueSettings): Promise<BatchOutcome> {
    return call("start_batch", { achievementId, outputDir, settings });
  }

  cancelBatch(): Promise<void> {
    return call("cancel_batch");
  }

  onBatchProgress(cb: (progress: BatchProgress) => void): Promise<() => void> {
    return listen<BatchProgress>(ISSUE_PROGRESS, (event) => cb(event.payload));
  }

  openFolder(path: string): Promise<void> {
    return call("open_folder", { path });
  }

  listIssued(query: string, offset: number, limit: number): Promise<IssuedPage> {
    return call("list_issued", { query, offset, limit });
  }

  revokeIssued(id: string, reason: string | null): Promise<Revocation> {
    return call("revoke_issued", { id, reason });
  }

  walletImportFiles(online: boolean): Promise<ImportReport | null> {
    return call("wallet_import_files", { online });
  }

  walletImportFolder(online: boolean): Promise<ImportReport | null> {
    return call("wallet_import_folder", { online });
  }

  walletImportDropped(online: boolean): Promise<ImportReport> {
    return call("wallet_import_dropped", { online });
  }

  walletImportText(text: string, online: boolean): Promise<ImportReport> {
    return call("wallet_import_text", { text, online });
  }

  walletList(query: WalletQuery): Promise<WalletPage> {
    return call("wallet_list", { query });
  }

  walletFacets(): Promise<WalletFacets> {
    return call("wallet_facets");
  }

  walletShow(id: string): Promise<WalletDetail> {
    return call("wallet_show", { id });
  }

  walletReverify(id: string, online: boolean): Promise<WalletDetail> {
    return call("wallet_reverify", { id, online });
  }

  walletCheckRecipient(id: string, identity: string): Promise<RecipientMatch> {
    return call("wallet_check_recipient", { id, identity });
  }

  walletSetTags(id: string, tags: string[]): Promise<WalletDetail> {
    return call("wallet_set_tags", { id, tags });
  }

  walletSetNote(id: string, note: string): Promise<void> {
    return call("wallet_set_note", { id, note });
  }

  walletTrash(ids: string[]): Promise<void> {
    return call("wallet_trash", { ids });
  }

  walletRestore(ids: string[]): Promise<void> {
    return call("wallet_restore", { ids });
  }

  walletDeleteForever(ids: string[]): Promise<void> {
    return call("wallet_delete_forever", { ids });
  }

  walletEmptyTrash(): Promise<number> {
    return call("wallet_empty_trash");
  }

  walletCollections(): Promise<WalletCollection[]> {
    return call("wallet_collections");
  }

  walletCreateCollection(name: string): Promise<WalletCollection> {
    return call("wallet_create_collection", { name });
  }

  walletRenameCollection(id: string, name: string): Promise<void> {
    return call("wallet_rename_collection", { id, name });
  }

  walletDeleteCollection(id: string): Promise<void> {
    return call("wallet_delete_collection", { id });
  }

  walletSetMembership(collectionId: string, ids: string[], member: boolean): Promise<void> {
    return call("wallet_set_membership", { collectionId, ids, member });
  }

  walletExportBadge(id: string, kind: WalletExportKind): Promise<string | null> {
    return call("wallet_export_badge", { id, kind });
  }

  walletExportCollection(collectionId: string, format: CollectionExportFormat): Promise<string | null> {
    return call("wallet_export_collection", { collectionId, format });
  }

  walletBackup(): Promise<string | null> {
    return call("wallet_backup");
  }

  walletRestoreBackup(): Promise<RestoreReport | null> {
    return call("wallet_restore_backup");
  }

  onWalletImportProgress(cb: (progress: WalletImportProgress) => void): Promise<() => void> {
    return listen<WalletImportProgress>(WALLET_IMPORT_PROGRESS, (event) => cb(event.payload));
  }

  onFilesArrived(cb: () => void): Promise<() => void> {
    return listen(FILES_ARRIVED, () => cb());
  }

  onDragHover(cb: (hovering: boolean) => void): Promise<() => void> {
    return getCurrentWebview().onDragDropEvent((event) => {
      const kind = event.payload.type;
      cb(kind === "enter" || kind === "over");
    });
  }
}
