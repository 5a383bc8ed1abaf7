import type { Backend } from "./backend";

/**
 * The backend for this window: Tauri's when running in the desktop app, or
 * the in-memory fake with sample files when the page is opened in a plain
 * browser (`npm run dev`), so the interface can be worked on without Rust.
 *
 * In the browser, `?samples=teamwork,chess` opens those samples at start
 * (see `fake-samples.ts` for the names; `?samples=all` opens every one).
 */
export async function createBackend(): Promise<Backend> {
  if (typeof window !== "undefined" && "__TAURI_INTERNALS__" in window) {
    const { TauriBackend } = await import("./tauri");
    return new TauriBackend();
  }
  const { browserFake } = await import("./fake");
  return browserFake(new URLSearchParams(window.location.search));
}
