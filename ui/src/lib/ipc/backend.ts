import type { OpenOutcome } from "./gen/OpenOutcome";
import type { BakeSaved } from "./gen/BakeSaved";
import type { IpcError } from "./gen/IpcError";
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
  /** Called whenever files arrive by drop (then call takePending). Returns an unsubscribe function. */
  onFilesArrived(cb: () => void): Promise<() => void>;
  /** Drag hover over the window (true on enter/over, false on leave/drop), to show a drop overlay. */
  onDragHover(cb: (hovering: boolean) => void): Promise<() => void>;
}
