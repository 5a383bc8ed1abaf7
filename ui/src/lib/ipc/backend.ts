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

  /** Called whenever files arrive by drop (then call takePending). Returns an unsubscribe function. */
  onFilesArrived(cb: () => void): Promise<() => void>;
  /** Drag hover over the window (true on enter/over, false on leave/drop), to show a drop overlay. */
  onDragHover(cb: (hovering: boolean) => void): Promise<() => void>;
}
