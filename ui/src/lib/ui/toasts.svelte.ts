import { getContext, setContext } from "svelte";

export type ToastTone = "info" | "success" | "error";

/** A button on a toast, e.g. "Undo". Running it dismisses the toast. */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  detail: string | null;
  action: ToastAction | null;
}

export interface ToastOptions {
  tone?: ToastTone;
  detail?: string;
  action?: ToastAction;
  /** Milliseconds before it goes; errors stay longer. */
  timeout?: number;
}

/** Short messages shown at the bottom of the window and read out politely. */
export class Toaster {
  items = $state.raw<Toast[]>([]);
  #next = 1;
  #timers = new Map<number, ReturnType<typeof setTimeout>>();

  show(message: string, options: ToastOptions = {}): number {
    const tone = options.tone ?? "info";
    const id = this.#next++;
    const toast: Toast = { id, tone, message, detail: options.detail ?? null, action: options.action ?? null };
    // At most three at once: the oldest makes room.
    const kept = this.items.slice(-2);
    for (const gone of this.items.slice(0, -2)) this.#clear(gone.id);
    this.items = [...kept, toast];
    // Errors and toasts with an action stay longer.
    const timeout = options.timeout ?? (tone === "error" ? 8000 : options.action ? 7000 : 3200);
    this.#timers.set(
      id,
      setTimeout(() => this.dismiss(id), timeout),
    );
    return id;
  }

  dismiss(id: number): void {
    this.#clear(id);
    this.items = this.items.filter((t) => t.id !== id);
  }

  #clear(id: number): void {
    const timer = this.#timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.#timers.delete(id);
  }
}

const KEY = Symbol("toaster");

export function provideToaster(toaster: Toaster): Toaster {
  return setContext(KEY, toaster);
}

export function useToaster(): Toaster {
  const toaster = getContext<Toaster | undefined>(KEY);
  if (!toaster) throw new Error("useToaster() needs provideToaster() in an ancestor");
  return toaster;
}
