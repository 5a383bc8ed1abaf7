// The one file that talks to Tauri. Everything else uses the Backend interface.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";

import type { Backend } from "./backend";
import { toIpcError } from "./errors";
import type { BakeSaved } from "./gen/BakeSaved";
import type { OpenOutcome } from "./gen/OpenOutcome";
import type { Verification } from "./gen/Verification";

/** Emitted by Rust (no payload) when files were dropped or given on the command line. */
const FILES_ARRIVED = "files-arrived";

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
