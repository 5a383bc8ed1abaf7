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
import type { IpcError } from "./gen/IpcError";
import type { OpenOutcome } from "./gen/OpenOutcome";
import type { RenderedDesign } from "./gen/RenderedDesign";
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
import type { WalletImportProgress } from "./gen/WalletImportProgress";

/** What of a wallet badge to export: the file as received, or the credential text (.json / .jwt). */
export type WalletExportKind = "original" | "credential";
/** How to export a collection: a ZIP of the files as received, or one self-contained HTML page. */
export type CollectionExportFormat = "zip" | "html";

export type { IpcError };

/**
 * Everything the user interface asks of the Rust core. Calls reject with an
 * {@link IpcError}: switch on its `code`, never on its message.
 */
export interface Backend {
  /** Shows the native open dialog (multi-select) in Rust, reads and inspects the files. [] when cancelled. */
  openFiles(): Promise<OpenOutcome[]>;
  /** Files given on the command line or dropped on the window since the last call. */
  takePending(): Promise<OpenOutcome[]>;
  /** Inspects pasted text (JSON credential, JWT, or URL). */
  inspectText(text: string): Promise<OpenOutcome>;
  /** Forgets an opened file. */
  closeFile(id: number): Promise<void>;
  /** Asks (native dialogs, in Rust) for a credential file (.json/.jwt/.jws) and where to save, bakes it into the opened image `id`, saves it, and returns the new file opened. null when the user cancels. */
  bakeInto(id: number): Promise<BakeSaved | null>;
  /** Asks where to save, writes the embedded text of file `id` (.json or .jwt); returns the saved path for display, or null when cancelled. */
  saveBadgeText(id: number): Promise<string | null>;
  /**
   * Verifies the badge of file `id` (signature, issuer's key, dates, revocation…) and returns the checklist.
   * Offline unless `online`; online, the core may contact the issuer's website. Rejects with `no-badge` for a file without one.
   */
  verifyFile(id: number, online: boolean): Promise<Verification>;

  // ---------------------------------------------------------------- the Designer

  /** The bundled templates (with thumbnails), fonts, the canvas side, PNG size limits and the glyph count. */
  designCatalog(): Promise<DesignCatalog>;
  /** Glyphs matching `query` (name, tags, category), best first; `style` null for both styles. Empty query: badge-like glyphs first. */
  searchGlyphs(query: string, style: GlyphStyle | null, limit: number): Promise<GlyphInfo[]>;
  /**
   * Renders a design to a square PNG of `size` pixels for the preview; `draft` is quicker (for slider drags).
   * Rejects with `invalid-design` and a message naming the field path, e.g. `layers[2].font.size`.
   */
  renderDesign(design: BadgeDesign, size: number, draft: boolean): Promise<RenderedDesign>;
  /** The designs saved in the app (not those in the trash), most recently saved first. */
  listDesigns(): Promise<DesignSummary[]>;
  /** A saved design with its content. Rejects with `not-found` when it is gone. */
  openDesign(id: string): Promise<SavedDesign>;
  /** Saves a design in the app: `id` null creates a new saved design; otherwise updates that one. */
  saveDesign(id: string | null, design: BadgeDesign): Promise<SavedDesign>;
  /** Moves a saved design to the trash (see {@link Backend.restoreDesign}). */
  deleteDesign(id: string): Promise<void>;
  /** Takes a design out of the trash (undoes {@link Backend.deleteDesign}). */
  restoreDesign(id: string): Promise<void>;
  /** Shows the native open dialog in Rust and reads a `.badgedesign.json` file. null when cancelled. */
  importDesignFile(): Promise<BadgeDesign | null>;
  /** Shows the native open dialog in Rust for a PNG, JPEG or SVG, checked and ready for an image layer. null when cancelled. */
  chooseImage(): Promise<ChosenImage | null>;
  /** Shows the native save dialog ("Export the design") in Rust and writes the design there. null when cancelled. */
  exportDesign(design: BadgeDesign, format: ExportFormat, size: number): Promise<ExportedFile | null>;

  // ---------------------------------------------------------------- issuing
  // The issuer's private key never crosses IPC: only passphrases go to Rust,
  // and Rust keeps the unlocked key for the session (locked on demand and on quit).

  /** Every issuer profile, oldest first, with whether its key is unlocked in this session. */
  listIssuers(): Promise<IssuerProfile[]>;
  /**
   * Creates an issuer: a fresh Ed25519 key (a did:key), sealed under `passphrase` (at least 8 characters).
   * The new issuer starts unlocked. Rejects with `invalid-request` naming the field (e.g. a URL that is not https).
   */
  createIssuer(input: IssuerInput, passphrase: string): Promise<IssuerProfile>;
  /** Creates an issuer from an existing Ed25519 seed (64 hex digits, or multibase `z…`) moved from another tool. */
  importIssuerSeed(input: IssuerInput, seed: string, passphrase: string): Promise<IssuerProfile>;
  /** Changes an issuer's profile (not its key). Credentials already issued keep what they say. */
  updateIssuer(id: string, input: IssuerInput): Promise<IssuerProfile>;
  /** Unlocks the issuer's key for this session. Rejects with `wrong-passphrase`. */
  unlockIssuer(id: string, passphrase: string): Promise<IssuerProfile>;
  /** Forgets the unlocked key. */
  lockIssuer(id: string): Promise<IssuerProfile>;
  /** Shows the native save dialog ("Back up the issuer key") and writes the encrypted backup; the saved path, or null when cancelled. */
  backupIssuer(id: string): Promise<string | null>;
  /** Shows the native open dialog for a backup file and adds the issuer it holds, checking `passphrase`. null when cancelled. */
  restoreIssuer(passphrase: string): Promise<IssuerProfile | null>;
  /** Shows the native save dialog and writes the issuer's current signed status list (needs the key unlocked). */
  exportStatusList(issuerId: string): Promise<string | null>;

  /** Achievements, newest first; only the given issuer's when `issuerId` is not null. */
  listAchievements(issuerId: string | null): Promise<Achievement[]>;
  /** Saves an achievement: `id` null creates one. Editing never changes credentials already issued. */
  saveAchievement(id: string | null, input: AchievementInput): Promise<Achievement>;

  /**
   * Issues one badge: builds the OB 3.0 credential, signs it, bakes it into the achievement's image, logs it.
   * Rejects with `locked` when the issuer's key is locked, `invalid-request` naming the bad field.
   */
  issueOne(achievementId: string, recipient: RecipientInput, settings: IssueSettings): Promise<IssuedOne>;
  /** Shows the native save dialog and writes an issued badge's baked image again; the path, or null when cancelled. */
  exportIssued(id: string): Promise<string | null>;

  /** Shows the native open dialog for a CSV of recipients and checks every row (nothing is issued). null when cancelled. */
  chooseRecipientsCsv(achievementId: string): Promise<BatchPreview | null>;
  /** Shows the native folder dialog for where the batch's images go. null when cancelled. */
  chooseOutputFolder(): Promise<string | null>;
  /**
   * Issues the loaded CSV (every row must be free of errors) into `outputDir`, sending progress to
   * {@link Backend.onBatchProgress}; resolves when it ends or is cancelled. Rerunning into the same
   * folder continues where it stopped, without duplicates.
   */
  startBatch(achievementId: string, outputDir: string, settings: IssueSettings): Promise<BatchOutcome>;
  /** Asks the running batch to stop after the badges in progress. */
  cancelBatch(): Promise<void>;
  /** Progress of the running batch. Returns an unsubscribe function. */
  onBatchProgress(cb: (progress: BatchProgress) => void): Promise<() => void>;
  /** Opens a folder in the system's file manager. */
  openFolder(path: string): Promise<void>;

  /** The issued log, newest first; `query` searches recipient, name, achievement and file (empty: all). */
  listIssued(query: string, offset: number, limit: number): Promise<IssuedPage>;
  /** Revokes a credential: sets its bit and re-signs the issuer's status list (needs the key unlocked). */
  revokeIssued(id: string, reason: string | null): Promise<Revocation>;

  // ---------------------------------------------------------------- the wallet
  // Badges from any issuer, kept as the exact bytes received, verified on import.
  // `online` allows the network (hosted OB 2.0 badges, did:web, status lists); off by default.

  /** Shows the native open dialog (multi-select: PNG, SVG, JSON, JWT/JWS, a text file with a URL) and imports the files. null when cancelled. */
  walletImportFiles(online: boolean): Promise<ImportReport | null>;
  /** Shows the native folder dialog and imports every file in it, recursively. null when cancelled. */
  walletImportFolder(online: boolean): Promise<ImportReport | null>;
  /** Imports the files and folders dropped on the window since the last call (the paths stay in Rust). */
  walletImportDropped(online: boolean): Promise<ImportReport>;
  /** Imports pasted text: a JSON credential, a JWT/JWS, or the URL of a hosted badge (fetched only when `online`). */
  walletImportText(text: string, online: boolean): Promise<ImportReport>;
  /** One page of badges: search text, filters, sort, offset and limit. */
  walletList(query: WalletQuery): Promise<WalletPage>;
  /** The values the filters offer, with counts; and how many badges there are, in the wallet and in the trash. */
  walletFacets(): Promise<WalletFacets>;
  /** Everything about one badge. Rejects with `not-found` for an unknown id. */
  walletShow(id: string): Promise<WalletDetail>;
  /** Verifies the badge again (offline, or online when `online`), stores the new report and returns the badge. */
  walletReverify(id: string, online: boolean): Promise<WalletDetail>;
  /** "Is this mine?": checks an e-mail address (or DID, URL) against the badge's recipient, hashed or not. */
  walletCheckRecipient(id: string, identity: string): Promise<RecipientMatch>;
  /** Replaces the badge's tags; returns the badge. */
  walletSetTags(id: string, tags: string[]): Promise<WalletDetail>;
  /** Replaces the badge's note. */
  walletSetNote(id: string, note: string): Promise<void>;
  /** Moves badges to the trash (undo with {@link Backend.walletRestore}). */
  walletTrash(ids: string[]): Promise<void>;
  /** Takes badges out of the trash. */
  walletRestore(ids: string[]): Promise<void>;
  /** Deletes badges that are in the trash, for good. */
  walletDeleteForever(ids: string[]): Promise<void>;
  /** Deletes every badge in the trash, for good; returns how many. */
  walletEmptyTrash(): Promise<number>;
  /** Collections by name, with how many badges each holds. */
  walletCollections(): Promise<WalletCollection[]>;
  /** Makes a collection. Rejects with `already-exists` when the name is taken (ignoring case). */
  walletCreateCollection(name: string): Promise<WalletCollection>;
  /** Renames a collection. */
  walletRenameCollection(id: string, name: string): Promise<void>;
  /** Deletes a collection; its badges stay in the wallet. */
  walletDeleteCollection(id: string): Promise<void>;
  /** Puts badges in a collection (`member` true) or takes them out. */
  walletSetMembership(collectionId: string, ids: string[], member: boolean): Promise<void>;
  /** Shows the native save dialog and writes the badge as received, or its credential text; the path, or null when cancelled. */
  walletExportBadge(id: string, kind: WalletExportKind): Promise<string | null>;
  /** Shows the native save dialog and writes a collection as a ZIP or one offline HTML page; the path, or null when cancelled. */
  walletExportCollection(collectionId: string, format: CollectionExportFormat): Promise<string | null>;
  /** Shows the native save dialog and writes the whole wallet to one backup file; the path, or null when cancelled. */
  walletBackup(): Promise<string | null>;
  /** Shows the native open dialog for a wallet backup and adds what it holds (badges already there are skipped). null when cancelled. */
  walletRestoreBackup(): Promise<RestoreReport | null>;
  /** Progress of a running import of files, a folder or a drop. Returns an unsubscribe function. */
  onWalletImportProgress(cb: (progress: WalletImportProgress) => void): Promise<() => void>;

  /** Called whenever files arrive by drop (then call takePending). Returns an unsubscribe function. */
  onFilesArrived(cb: () => void): Promise<() => void>;
  /** Drag hover over the window (true on enter/over, false on leave/drop), to show a drop overlay. */
  onDragHover(cb: (hovering: boolean) => void): Promise<() => void>;
}
