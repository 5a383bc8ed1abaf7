// Undo and redo over immutable snapshots. A change can name a "coalescing
// key": consecutive changes with the same key (a slider being dragged, a word
// being typed) become one step, so one undo takes the whole gesture back.

/** How close in time two changes with the same key must be to merge. */
export const COALESCE_MS = 1000;
/** The most undo steps kept. */
export const HISTORY_CAP = 200;

export interface HistoryOptions {
  cap?: number;
  coalesceMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export class History<T> {
  #past: T[] = [];
  #present: T;
  #future: T[] = [];
  #lastKey: string | null = null;
  #lastAt = -Infinity;
  readonly #cap: number;
  readonly #coalesceMs: number;
  readonly #now: () => number;

  constructor(initial: T, options: HistoryOptions = {}) {
    this.#present = initial;
    this.#cap = Math.max(1, options.cap ?? HISTORY_CAP);
    this.#coalesceMs = options.coalesceMs ?? COALESCE_MS;
    this.#now = options.now ?? (() => Date.now());
  }

  get present(): T {
    return this.#present;
  }

  get canUndo(): boolean {
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** How many steps can be undone. */
  get depth(): number {
    return this.#past.length;
  }

  /**
   * Makes `next` the present. With a `key` equal to the previous change's,
   * made within the coalescing time, it replaces that change instead of
   * adding a step; `untimed` merges however long ago it was (a gesture such
   * as a slider drag, which ends with {@link History.seal}). Committing the
   * present itself does nothing.
   */
  commit(next: T, key: string | null = null, untimed = false): void {
    if (next === this.#present) return;
    const now = this.#now();
    const recent = untimed || now - this.#lastAt <= this.#coalesceMs;
    const merge = key !== null && key === this.#lastKey && recent && this.#past.length > 0;
    if (!merge) {
      this.#past.push(this.#present);
      if (this.#past.length > this.#cap) this.#past.splice(0, this.#past.length - this.#cap);
    }
    this.#present = next;
    this.#future = [];
    this.#lastKey = key;
    this.#lastAt = now;
  }

  /** Ends any coalescing: the next change is a step of its own. */
  seal(): void {
    this.#lastKey = null;
  }

  /** Goes one step back; returns the new present, or null when there is nothing to undo. */
  undo(): T | null {
    const previous = this.#past.pop();
    if (previous === undefined) return null;
    this.#future.push(this.#present);
    this.#present = previous;
    this.seal();
    return previous;
  }

  /** Goes one step forward again; returns the new present, or null when there is nothing to redo. */
  redo(): T | null {
    const next = this.#future.pop();
    if (next === undefined) return null;
    this.#past.push(this.#present);
    this.#present = next;
    this.seal();
    return next;
  }

  /** Starts over from `present`, with nothing to undo or redo. */
  reset(present: T): void {
    this.#past = [];
    this.#future = [];
    this.#present = present;
    this.seal();
  }
}
