// The live preview's scheduler: one render in flight at a time; changes made
// meanwhile are coalesced so that only the latest is rendered next.

import { toIpcError } from "../../lib/ipc/errors";
import type { BadgeDesign } from "../../lib/ipc/gen/BadgeDesign";
import type { IpcError } from "../../lib/ipc/gen/IpcError";
import type { RenderedDesign } from "../../lib/ipc/gen/RenderedDesign";

export interface RenderJob {
  design: BadgeDesign;
  /** The PNG's side in pixels. */
  size: number;
  /** A quicker render, while a slider or the layer is being dragged. */
  draft: boolean;
}

export interface RenderListener {
  /** A render finished (possibly of a design that has changed since: newer ones follow). */
  result(rendered: RenderedDesign, job: RenderJob): void;
  /** The latest design could not be rendered. Errors of designs already replaced are not reported. */
  error(error: IpcError, job: RenderJob): void;
  /** Whether a render is in flight. */
  busy?(busy: boolean): void;
}

function same(a: RenderJob, b: RenderJob): boolean {
  return a.design === b.design && a.size === b.size && a.draft === b.draft;
}

export class RenderScheduler {
  #inFlight: RenderJob | null = null;
  #pending: RenderJob | null = null;
  /** The last job answered, so that asking for the same picture again costs nothing. */
  #answered: RenderJob | null = null;
  #generation = 0;
  readonly #render: (job: RenderJob) => Promise<RenderedDesign>;
  readonly #listener: RenderListener;

  constructor(render: (job: RenderJob) => Promise<RenderedDesign>, listener: RenderListener) {
    this.#render = render;
    this.#listener = listener;
  }

  get busy(): boolean {
    return this.#inFlight !== null;
  }

  /** The job waiting for the one in flight, if any. */
  get pending(): RenderJob | null {
    return this.#pending;
  }

  /** Asks for a render; while one is in flight, this replaces whatever was waiting. */
  request(job: RenderJob): void {
    if (this.#inFlight) {
      this.#pending = same(job, this.#inFlight) ? null : job;
      return;
    }
    if (this.#answered && same(job, this.#answered)) return;
    void this.#run(job);
  }

  /** Drops what is waiting and ignores the answer in flight (the design was closed). */
  cancel(): void {
    this.#generation++;
    this.#pending = null;
    this.#answered = null;
    if (this.#inFlight) {
      this.#inFlight = null;
      this.#listener.busy?.(false);
    }
  }

  async #run(job: RenderJob, chained = false): Promise<void> {
    const generation = this.#generation;
    this.#inFlight = job;
    if (!chained) this.#listener.busy?.(true);
    let outcome: { ok: true; rendered: RenderedDesign } | { ok: false; error: IpcError };
    try {
      outcome = { ok: true, rendered: await this.#render(job) };
    } catch (reason) {
      outcome = { ok: false, error: toIpcError(reason) };
    }
    if (generation !== this.#generation) return;
    this.#inFlight = null;
    this.#answered = job;
    const next = this.#pending;
    this.#pending = null;
    if (outcome.ok) this.#listener.result(outcome.rendered, job);
    // A newer design is on its way: its own answer will say whether it is fine.
    else if (!next) this.#listener.error(outcome.error, job);
    if (next && !same(next, job)) void this.#run(next, true);
    else this.#listener.busy?.(false);
  }
}
