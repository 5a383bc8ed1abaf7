// The Inspector's state and actions: the opened files, the selection, and
// what the buttons and shortcuts do. The components only render it.

import { copyText } from "../../lib/clipboard";
import type { Backend } from "../../lib/ipc/backend";
import { toIpcError } from "../../lib/ipc/errors";
import type { IpcError } from "../../lib/ipc/gen/IpcError";
import type { OpenedFile } from "../../lib/ipc/gen/OpenedFile";
import type { OpenOutcome } from "../../lib/ipc/gen/OpenOutcome";
import type { Toaster } from "../../lib/ui/toasts.svelte";
import type { VerifyState } from "../../lib/verification/verification";
import { sentence } from "./describe";

/** A file in the list: opened and inspected, or failed with an error. */
export type Entry =
  | { key: string; status: "opened"; file: OpenedFile }
  | { key: string; status: "failed"; name: string; error: IpcError };

export type ContentView = "tree" | "raw";

/** Where the verification of one opened badge stands. */
export type { VerifyState };

/** Whether an entry holds a badge that can be verified. */
export function hasBadge(entry: Entry): entry is Extract<Entry, { status: "opened" }> {
  return entry.status === "opened" && entry.file.inspection.badge !== null;
}

/** Offline verifications running at once; the rest wait their turn. */
const VERIFY_AT_ONCE = 2;

export class InspectorState {
  /** Replaced, never mutated: the inspections can be large. */
  entries = $state.raw<Entry[]>([]);
  selectedKey = $state<string | null>(null);
  /** A drag with files is over the window. */
  dragging = $state(false);
  /** How the embedded text is shown; kept from file to file. */
  contentView = $state<ContentView>("tree");

  /** Verification by entry key; replaced, never mutated. */
  verifications = $state.raw<Readonly<Record<string, VerifyState>>>({});

  selected = $derived(this.entries.find((e) => e.key === this.selectedKey) ?? null);

  #failures = 0;
  /** The latest verification run of each entry, so that an older answer never replaces a newer one. */
  readonly #verifyRuns = new Map<string, number>();
  #verifyRun = 0;
  #verifying = 0;
  readonly #verifyWaiting: (() => void)[] = [];
  #queue: Promise<unknown> = Promise.resolve();
  readonly #backend: Backend;
  readonly #toaster: Toaster;

  constructor(backend: Backend, toaster: Toaster) {
    this.#backend = backend;
    this.#toaster = toaster;
  }

  /** Adds outcomes to the list and selects the first new one. Returns it. */
  add(outcomes: readonly OpenOutcome[]): Entry | null {
    const fresh: Entry[] = [];
    let firstKnown: string | null = null;
    for (const outcome of outcomes) {
      if (outcome.status === "opened") {
        const key = `file-${outcome.file.id}`;
        if (this.entries.some((e) => e.key === key) || fresh.some((e) => e.key === key)) {
          firstKnown ??= key;
          continue;
        }
        fresh.push({ key, status: "opened", file: outcome.file });
      } else {
        fresh.push({ key: `failed-${++this.#failures}`, status: "failed", name: outcome.name, error: outcome.error });
      }
    }
    if (fresh.length > 0) this.entries = [...this.entries, ...fresh];
    const first = fresh[0] ?? this.entries.find((e) => e.key === firstKnown) ?? null;
    if (first) this.selectedKey = first.key;
    // Every badge is checked offline as soon as it opens.
    for (const entry of fresh) void this.verify(entry, false);
    return first;
  }

  select(key: string): void {
    if (this.entries.some((e) => e.key === key)) this.selectedKey = key;
  }

  /** Moves the selection by `delta` (or to the first / last with ±Infinity). */
  move(delta: number): void {
    if (this.entries.length === 0) return;
    const at = this.entries.findIndex((e) => e.key === this.selectedKey);
    let next: number;
    if (delta === -Infinity) next = 0;
    else if (delta === Infinity) next = this.entries.length - 1;
    else next = Math.min(this.entries.length - 1, Math.max(0, (at < 0 ? 0 : at) + delta));
    const entry = this.entries[next];
    if (entry) this.selectedKey = entry.key;
  }

  /** Shows the open dialog and adds what was chosen. */
  openFiles(): Promise<Entry | null> {
    return this.#serial(async () => {
      try {
        return this.add(await this.#backend.openFiles());
      } catch (reason) {
        this.#report("Couldn’t open the files", reason);
        return null;
      }
    });
  }

  /** Adds the files given on the command line or dropped since the last call. */
  takePending(): Promise<Entry | null> {
    return this.#serial(async () => {
      try {
        return this.add(await this.#backend.takePending());
      } catch (reason) {
        this.#report("Couldn’t open the dropped files", reason);
        return null;
      }
    });
  }

  /** Inspects pasted text and adds it. */
  inspectText(text: string): Promise<Entry | null> {
    return this.#serial(async () => {
      try {
        return this.add([await this.#backend.inspectText(text)]);
      } catch (reason) {
        this.#report("Couldn’t read the pasted text", reason);
        return null;
      }
    });
  }

  /** Closes a file; the selection moves to its neighbour. */
  async close(key: string): Promise<void> {
    const at = this.entries.findIndex((e) => e.key === key);
    const entry = this.entries[at];
    if (!entry) return;
    const remaining = this.entries.filter((e) => e.key !== key);
    if (this.selectedKey === key) {
      const neighbour = remaining[Math.min(at, remaining.length - 1)];
      this.selectedKey = neighbour?.key ?? null;
    }
    this.entries = remaining;
    this.#forgetVerification(key);
    if (entry.status === "opened") {
      try {
        await this.#backend.closeFile(entry.file.id);
      } catch (reason) {
        // The file is gone from the list either way; the core merely keeps it a little longer.
        console.warn("close_file failed", toIpcError(reason));
      }
    }
  }

  /** Copies the exact embedded text of an opened file. */
  async copy(entry: Entry): Promise<boolean> {
    const text = entry.status === "opened" ? entry.file.inspection.badge?.text : undefined;
    if (text === undefined) return false;
    const ok = await copyText(text);
    if (ok) this.#toaster.show("Copied", { tone: "success", timeout: 1800 });
    else this.#toaster.show("Couldn’t copy to the clipboard", { tone: "error" });
    return ok;
  }

  /** Asks where to save the embedded text, and saves it. */
  async save(entry: Entry): Promise<void> {
    if (entry.status !== "opened" || !entry.file.inspection.badge) return;
    try {
      const path = await this.#backend.saveBadgeText(entry.file.id);
      if (path !== null) this.#toaster.show(`Saved to ${path}`, { tone: "success" });
    } catch (reason) {
      this.#report("Couldn’t save the credential", reason);
    }
  }

  /** Asks for a credential and where to save, bakes it into the image, and opens the result. */
  async bake(entry: Entry): Promise<Entry | null> {
    if (entry.status !== "opened") return null;
    try {
      const saved = await this.#backend.bakeInto(entry.file.id);
      if (saved === null) return null;
      const added = this.add([{ status: "opened", file: saved.file }]);
      this.#toaster.show(`Saved to ${saved.savedTo}`, {
        tone: "success",
        detail: `Baked as ${saved.placedAs.replace(/`/g, "")}`,
        timeout: 5000,
      });
      return added;
    } catch (reason) {
      this.#report("Couldn’t bake the credential", reason);
      return null;
    }
  }

  /**
   * Verifies an opened badge (offline, or online when the user asks) and keeps
   * the report. Entries without a badge are left alone.
   */
  async verify(entry: Entry, online: boolean): Promise<void> {
    if (!hasBadge(entry)) return;
    const { key } = entry;
    const run = ++this.#verifyRun;
    this.#verifyRuns.set(key, run);
    const before = this.verifications[key];
    const previous = before?.phase === "done" ? before.report : before?.phase === "checking" ? before.previous : null;
    this.#setVerification(key, { phase: "checking", online, previous });
    const current = () => this.#verifyRuns.get(key) === run;
    // Offline checks of many files at once take turns; a check the user asked for goes first.
    const release = online ? () => undefined : await this.#verifySlot();
    try {
      if (!current()) return;
      const report = await this.#backend.verifyFile(entry.file.id, online);
      if (current()) this.#setVerification(key, { phase: "done", report });
    } catch (reason) {
      if (current()) this.#setVerification(key, { phase: "failed", online, error: toIpcError(reason) });
    } finally {
      release();
    }
  }

  #setVerification(key: string, state: VerifyState): void {
    this.verifications = { ...this.verifications, [key]: state };
  }

  #forgetVerification(key: string): void {
    this.#verifyRuns.delete(key);
    if (key in this.verifications) {
      const { [key]: _gone, ...rest } = this.verifications;
      this.verifications = rest;
    }
  }

  async #verifySlot(): Promise<() => void> {
    if (this.#verifying >= VERIFY_AT_ONCE) await new Promise<void>((go) => this.#verifyWaiting.push(go));
    else this.#verifying++;
    return () => {
      const next = this.#verifyWaiting.shift();
      if (next) next();
      else this.#verifying--;
    };
  }

  #report(what: string, reason: unknown): void {
    const error = toIpcError(reason);
    if (error.code === "cancelled") return;
    this.#toaster.show(what, { tone: "error", detail: sentence(error.message) });
  }

  /** Runs list-changing calls one after another, in the order asked. */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
