// The Designer's state and actions: the catalogue and saved designs, the open
// design with its undo history and selection, the live preview, zoom, and
// saving, importing and exporting. The components only render it.

import { formatSize } from "../../lib/format";
import type { Backend } from "../../lib/ipc/backend";
import { toIpcError } from "../../lib/ipc/errors";
import type { BadgeDesign } from "../../lib/ipc/gen/BadgeDesign";
import type { DesignCatalog } from "../../lib/ipc/gen/DesignCatalog";
import type { DesignSummary } from "../../lib/ipc/gen/DesignSummary";
import type { ExportFormat } from "../../lib/ipc/gen/ExportFormat";
import type { IpcError } from "../../lib/ipc/gen/IpcError";
import type { Layer } from "../../lib/ipc/gen/Layer";
import type { RenderedDesign } from "../../lib/ipc/gen/RenderedDesign";
import type { TemplateInfo } from "../../lib/ipc/gen/TemplateInfo";
import type { Toaster } from "../../lib/ui/toasts.svelte";
import { History } from "./history";
import {
  canAddLayer,
  createLayer,
  duplicateLayer,
  explainDesignError,
  findLayer,
  insertLayer,

  MAX_LAYERS,
  moveLayerBy,
  moveLayerTo,
  nudgeLayer,
  removeLayer,
  renameLayer,
  setHidden,
  setLocked,
  transformOf,
  updateLayer,
  type LayerOf,
  type LayerType,
  type Outcome,
} from "./layers";
import { RenderScheduler, type RenderJob } from "./render";

export type Audience = "all" | "school" | "company" | "community";

export const AUDIENCES: readonly { id: Audience; label: string }[] = [
  { id: "all", label: "All" },
  { id: "school", label: "School" },
  { id: "company", label: "Company" },
  { id: "community", label: "Community" },
];

/** Zoom steps for the − and + buttons (1 shows the 512-unit canvas at 512 pixels). */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4] as const;
/** The preview is rendered at least this large, and at most… */
export const PREVIEW_MIN = 512;
/** …this large, whatever the zoom. */
export const PREVIEW_MAX = 1024;

/** The name a new, blank design starts with. */
export const UNTITLED = "Untitled badge";

export function blankDesign(): BadgeDesign {
  return { version: 1, name: UNTITLED, layers: [] };
}

/** The size to render the preview at for a canvas shown `displayPx` device pixels wide. */
export function previewSize(displayPx: number): number {
  const rounded = Math.ceil(displayPx / 64) * 64;
  return Math.min(PREVIEW_MAX, Math.max(PREVIEW_MIN, rounded));
}

/** What the canvas shows when a render fails: the core's message, and the same in words naming the layer. */
export interface RenderProblem {
  message: string;
  text: string;
  layerId: string | null;
}

export class DesignerState {
  // ---------------------------------------------------------------- the gallery
  catalog = $state.raw<DesignCatalog | null>(null);
  catalogError = $state.raw<IpcError | null>(null);
  saved = $state.raw<DesignSummary[]>([]);
  filter = $state<Audience>("all");

  templatesShown = $derived(
    (this.catalog?.templates ?? []).filter(
      (t) => this.filter === "all" || t.audience === this.filter || t.audience === "any",
    ),
  );

  // ---------------------------------------------------------------- the open design
  /** Whether a design is open in the editor (otherwise the gallery shows). */
  editing = $state(false);
  design = $state.raw<BadgeDesign>(blankDesign());
  /** The saved design's id once saved in the app. */
  savedId = $state<string | null>(null);
  /** The design as last saved or opened: changes since make it dirty. */
  baseline = $state.raw<BadgeDesign | null>(null);
  selectedId = $state<string | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  saving = $state(false);

  dirty = $derived(this.editing && this.design !== this.baseline);
  selected = $derived(findLayer(this.design, this.selectedId));

  // ---------------------------------------------------------------- the preview
  preview = $state.raw<RenderedDesign | null>(null);
  /** Whether the preview shown is a draft. */
  previewDraft = $state(false);
  renderProblem = $state.raw<RenderProblem | null>(null);
  rendering = $state(false);
  /** A slider or the layer is being dragged: previews are drafts, and the changes one undo step. */
  dragging = $state(false);
  renderSize = $state(PREVIEW_MIN);

  // ---------------------------------------------------------------- zoom
  zoom = $state<number | "fit">("fit");
  /** The scale that fits the canvas in its area, measured by the canvas. */
  fitScale = $state(1);
  scale = $derived(this.zoom === "fit" ? this.fitScale : this.zoom);

  readonly #backend: Backend;
  readonly #toaster: Toaster;
  readonly #history = new History<BadgeDesign>(blankDesign());
  readonly #scheduler: RenderScheduler;
  #gesture = 0;

  constructor(backend: Backend, toaster: Toaster) {
    this.#backend = backend;
    this.#toaster = toaster;
    this.#scheduler = new RenderScheduler((job) => backend.renderDesign(job.design, job.size, job.draft), {
      result: (rendered, job) => {
        this.preview = rendered;
        this.previewDraft = job.draft;
        this.renderProblem = null;
      },
      error: (error, job) => {
        this.renderProblem = { message: error.message, ...explainDesignError(error.message, job.design) };
      },
      busy: (busy) => (this.rendering = busy),
    });
  }

  get fonts() {
    return this.catalog?.fonts ?? [];
  }

  // ---------------------------------------------------------------- loading

  /** Loads the catalogue and the saved designs. */
  async load(): Promise<void> {
    await Promise.all([this.loadCatalog(), this.refreshSaved()]);
  }

  async loadCatalog(): Promise<void> {
    try {
      this.catalog = await this.#backend.designCatalog();
      this.catalogError = null;
    } catch (reason) {
      this.catalogError = toIpcError(reason);
    }
  }

  async refreshSaved(): Promise<void> {
    try {
      this.saved = await this.#backend.listDesigns();
    } catch (reason) {
      this.#report("Couldn’t list your saved designs", reason);
    }
  }

  // ---------------------------------------------------------------- opening and closing

  /** Opens a copy of a template: saving it makes a new design. */
  openTemplate(template: TemplateInfo): void {
    this.#open(structuredClone(template.design), null);
  }

  newBlank(): void {
    this.#open(blankDesign(), null);
  }

  async openSaved(id: string): Promise<boolean> {
    try {
      const saved = await this.#backend.openDesign(id);
      this.#open(saved.design, saved.summary.id);
      return true;
    } catch (reason) {
      this.#report("Couldn’t open the design", reason);
      if (toIpcError(reason).code === "not-found") await this.refreshSaved();
      return false;
    }
  }

  /** Asks for a `.badgedesign.json` file and opens it as a new design. */
  async importFile(): Promise<boolean> {
    try {
      const design = await this.#backend.importDesignFile();
      if (!design) return false;
      this.#open(design, null);
      return true;
    } catch (reason) {
      this.#report("Couldn’t open the design file", reason);
      return false;
    }
  }

  /** Back to the gallery; the open design is dropped (ask about unsaved changes first). */
  close(): void {
    this.editing = false;
    this.#scheduler.cancel();
    this.preview = null;
    this.renderProblem = null;
    this.selectedId = null;
    this.dragging = false;
    void this.refreshSaved();
  }

  #open(design: BadgeDesign, savedId: string | null): void {
    this.#scheduler.cancel();
    this.design = design;
    this.baseline = design;
    this.savedId = savedId;
    this.selectedId = null;
    this.#history.reset(design);
    this.#syncHistory();
    this.preview = null;
    this.renderProblem = null;
    this.dragging = false;
    this.zoom = "fit";
    this.editing = true;
    this.#render();
  }

  // ---------------------------------------------------------------- changing the design

  #syncHistory(): void {
    this.canUndo = this.#history.canUndo;
    this.canRedo = this.#history.canRedo;
  }

  /** Makes `next` the design, as one undo step (or merged into the last one with the same key). */
  #apply(next: BadgeDesign, key: string | null = null): void {
    if (next === this.design) return;
    if (this.dragging) this.#history.commit(next, `gesture-${this.#gesture}`, true);
    else this.#history.commit(next, key);
    this.design = next;
    this.#syncHistory();
    if (this.selectedId !== null && !findLayer(next, this.selectedId)) this.selectedId = null;
    this.#render();
  }

  #outcome(outcome: Outcome, key: string | null = null): boolean {
    if (!outcome.ok) {
      this.#toaster.show(outcome.reason.charAt(0).toUpperCase() + outcome.reason.slice(1));
      return false;
    }
    this.#apply(outcome.design, key);
    return true;
  }

  /** Changes the design as a whole (name, description). */
  setName(name: string): void {
    if (name.trim() === "" || name === this.design.name) return;
    this.#apply({ ...this.design, name }, "design.name");
  }

  setDescription(description: string): void {
    if ((this.design.description ?? "") === description) return;
    const next: BadgeDesign = { ...this.design, description };
    if (description === "") delete next.description;
    this.#apply(next, "design.description");
  }

  /**
   * Changes one layer of a known type. Consecutive changes with the same `key`
   * (typing, the same slider) merge into one undo step.
   */
  editLayer<T extends LayerType>(id: string, type: T, change: (layer: LayerOf<T>) => LayerOf<T>, key: string): boolean {
    return this.#outcome(
      updateLayer(this.design, id, (l) => (l.type === type ? change(l as LayerOf<T>) : l)),
      `${id}.${key}`,
    );
  }

  /** Changes what every layer has (opacity, transform, shadow). */
  editCommon(id: string, change: (layer: Layer) => Layer, key: string): boolean {
    return this.#outcome(updateLayer(this.design, id, change), `${id}.${key}`);
  }

  select(id: string | null): void {
    this.selectedId = id !== null && findLayer(this.design, id) ? id : null;
  }

  /** Adds a layer of this kind above the selected one (or on top) and selects it. Image layers ask for the image first. */
  async addLayer(type: LayerType): Promise<string | null> {
    if (!canAddLayer(this.design)) {
      this.#toaster.show(`A design can have up to ${MAX_LAYERS} layers`, { tone: "error" });
      return null;
    }
    let image = null;
    if (type === "image") {
      try {
        image = await this.#backend.chooseImage();
      } catch (reason) {
        this.#report("Couldn’t use that image", reason);
        return null;
      }
      if (!image) return null;
      if (image.notice) this.#toaster.show(image.notice, { detail: image.fileName });
    }
    const layer = createLayer(type, this.design, this.fonts, image);
    if (image) layer.label = image.fileName.replace(/\.[^.]+$/, "").slice(0, 64) || "Image";
    this.#apply(insertLayer(this.design, layer, this.selectedId));
    this.selectedId = layer.id;
    return layer.id;
  }

  /** Asks for another image for an image layer. */
  async replaceImage(id: string): Promise<void> {
    try {
      const image = await this.#backend.chooseImage();
      if (!image) return;
      if (image.notice) this.#toaster.show(image.notice, { detail: image.fileName });
      this.editLayer(id, "image", (l) => ({ ...l, data: image.dataUri }), "data");
    } catch (reason) {
      this.#report("Couldn’t use that image", reason);
    }
  }

  /** Deletes a layer (not a locked one); the selection moves to the layer below, or the new top. */
  removeLayer(id: string): boolean {
    const index = this.design.layers.findIndex((l) => l.id === id);
    if (!this.#outcome(removeLayer(this.design, id))) return false;
    const layers = this.design.layers;
    if (this.selectedId === null || this.selectedId === id) {
      this.selectedId = (layers[index - 1] ?? layers[index] ?? null)?.id ?? null;
    }
    return true;
  }

  duplicateLayer(id: string): string | null {
    const copy = duplicateLayer(this.design, id);
    if (!copy) {
      if (!canAddLayer(this.design)) this.#toaster.show(`A design can have up to ${MAX_LAYERS} layers`, { tone: "error" });
      return null;
    }
    this.#apply(copy.design);
    this.selectedId = copy.id;
    return copy.id;
  }

  /** Moves a layer up (+1) or down (−1) the stack. */
  moveLayer(id: string, delta: number): boolean {
    return this.#outcome(moveLayerBy(this.design, id, delta));
  }

  /** Moves a layer to a stacking position (0 is the bottom). */
  moveLayerTo(id: string, index: number): boolean {
    return this.#outcome(moveLayerTo(this.design, id, index));
  }

  toggleHidden(id: string): void {
    const layer = findLayer(this.design, id);
    if (layer) this.#apply(setHidden(this.design, id, !layer.hidden));
  }

  toggleLocked(id: string): void {
    const layer = findLayer(this.design, id);
    if (layer) this.#apply(setLocked(this.design, id, !layer.locked));
  }

  rename(id: string, label: string): boolean {
    return this.#outcome(renameLayer(this.design, id, label));
  }

  /** Moves the selected layer by (dx, dy) design units; repeated nudges are one undo step. */
  nudge(dx: number, dy: number): boolean {
    const layer = this.selected;
    if (!layer) return false;
    return this.#outcome(
      updateLayer(this.design, layer.id, (l) => nudgeLayer(l, dx, dy)),
      `${layer.id}.nudge`,
    );
  }

  /** Puts the selected layer at (x, y) (dragging it on the canvas). */
  moveSelectedTo(x: number, y: number): boolean {
    const layer = this.selected;
    if (!layer) return false;
    const t = transformOf(layer);
    return this.#outcome(
      updateLayer(this.design, layer.id, (l) => nudgeLayer(l, x - t.x, y - t.y)),
      `${layer.id}.position`,
    );
  }

  // ---------------------------------------------------------------- gestures and undo

  /** A slider or the layer starts being dragged: drafts until {@link endGesture}, and one undo step. */
  beginGesture(): void {
    if (this.dragging) return;
    this.#gesture++;
    this.#history.seal();
    this.dragging = true;
  }

  /** The drag ended: the step is closed and the preview rendered in full. */
  endGesture(): void {
    if (!this.dragging) return;
    this.dragging = false;
    this.#history.seal();
    this.#render();
  }

  undo(): boolean {
    const previous = this.#history.undo();
    if (previous === null) return false;
    this.#restore(previous);
    return true;
  }

  redo(): boolean {
    const next = this.#history.redo();
    if (next === null) return false;
    this.#restore(next);
    return true;
  }

  #restore(design: BadgeDesign): void {
    this.design = design;
    this.#syncHistory();
    if (this.selectedId !== null && !findLayer(design, this.selectedId)) this.selectedId = null;
    this.#render();
  }

  // ---------------------------------------------------------------- the preview

  #render(): void {
    if (!this.editing) return;
    const job: RenderJob = { design: this.design, size: this.renderSize, draft: this.dragging };
    this.#scheduler.request(job);
  }

  /** The canvas is shown at another size: render at a size that stays sharp there. */
  setRenderSize(size: number): void {
    if (size === this.renderSize) return;
    this.renderSize = size;
    this.#render();
  }

  zoomIn(): void {
    const current = this.scale;
    this.zoom = ZOOM_STEPS.find((z) => z > current + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1] ?? 4;
  }

  zoomOut(): void {
    const current = this.scale;
    this.zoom = [...ZOOM_STEPS].reverse().find((z) => z < current - 0.001) ?? ZOOM_STEPS[0] ?? 0.25;
  }

  zoomToFit(): void {
    this.zoom = "fit";
  }

  // ---------------------------------------------------------------- saving and exporting

  /** Saves in the app: the first save creates the saved design, later ones update it. */
  async save(): Promise<boolean> {
    if (this.saving || !this.editing) return false;
    const design = this.design;
    this.saving = true;
    try {
      const saved = await this.#backend.saveDesign(this.savedId, design);
      this.savedId = saved.summary.id;
      this.baseline = design;
      this.#toaster.show(`Saved “${saved.summary.name}”`, { tone: "success", timeout: 2000 });
      void this.refreshSaved();
      return true;
    } catch (reason) {
      this.#report("Couldn’t save the design", reason, design);
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Asks where to export (native dialog) and writes the design there. Cancelling does nothing. */
  async exportAs(format: ExportFormat, size: number): Promise<boolean> {
    const design = this.design;
    try {
      const file = await this.#backend.exportDesign(design, format, size);
      if (!file) return false;
      this.#toaster.show(`Exported to ${file.path}`, { tone: "success", detail: formatSize(file.bytes), timeout: 5000 });
      return true;
    } catch (reason) {
      this.#report("Couldn’t export the design", reason, design);
      return false;
    }
  }

  /** Moves a saved design to the trash, with Undo on the toast. */
  async deleteSaved(summary: DesignSummary): Promise<void> {
    try {
      await this.#backend.deleteDesign(summary.id);
    } catch (reason) {
      this.#report("Couldn’t delete the design", reason);
      return;
    }
    this.saved = this.saved.filter((d) => d.id !== summary.id);
    this.#toaster.show(`Deleted “${summary.name}”`, {
      action: { label: "Undo", run: () => void this.restoreSaved(summary.id) },
    });
  }

  async restoreSaved(id: string): Promise<void> {
    try {
      await this.#backend.restoreDesign(id);
    } catch (reason) {
      this.#report("Couldn’t restore the design", reason);
    }
    await this.refreshSaved();
  }

  #report(what: string, reason: unknown, design: BadgeDesign | null = null): void {
    const error = toIpcError(reason);
    if (error.code === "cancelled") return;
    const detail = design && error.code === "invalid-design" ? explainDesignError(error.message, design).text : error.message;
    this.#toaster.show(what, { tone: "error", detail });
  }
}

