// Layers: the seven kinds with their defaults, names for people, and the
// rules for changing a design's stack (locked layers stay put). Every function
// returns a new design; nothing is changed in place.

import type { BadgeDesign } from "../../lib/ipc/gen/BadgeDesign";
import type { ChosenImage } from "../../lib/ipc/gen/ChosenImage";
import type { FontInfo } from "../../lib/ipc/gen/FontInfo";
import type { Layer } from "../../lib/ipc/gen/Layer";
import type { ShapeKind } from "../../lib/ipc/gen/ShapeKind";
import type { Transform } from "../../lib/ipc/gen/Transform";
import type { IconName } from "../../lib/ui/icons";

export type LayerType = Layer["type"];
export type LayerOf<T extends LayerType> = Extract<Layer, { type: T }>;

/** The most layers a design may have (the core refuses more). */
export const MAX_LAYERS = 64;
/** The longest text on one layer, in characters. */
export const MAX_TEXT = 200;

export const IDENTITY: Transform = { x: 0, y: 0, scale: 1, rotate: 0 };

export interface LayerKind {
  type: LayerType;
  label: string;
  icon: IconName;
  /** One line for the Add layer menu. */
  hint: string;
}

/** The kinds of layer, in the order the Add layer menu lists them. */
export const LAYER_KINDS: readonly LayerKind[] = [
  { type: "shape", label: "Shape", icon: "layer-shape", hint: "Circle, shield, star, seal…" },
  { type: "border", label: "Border", icon: "layer-border", hint: "A ring along a shape’s edge" },
  { type: "text", label: "Text", icon: "layer-text", hint: "Straight or along an arc" },
  { type: "ribbon", label: "Ribbon", icon: "layer-ribbon", hint: "A banner with its own text" },
  { type: "glyph", label: "Glyph", icon: "layer-glyph", hint: "An icon from the library" },
  { type: "decoration", label: "Decoration", icon: "layer-decoration", hint: "Stars, laurels or dots on an arc" },
  { type: "image", label: "Image…", icon: "image", hint: "Your logo or picture, clipped to a shape" },
];

export function kindOf(type: LayerType): LayerKind {
  return LAYER_KINDS.find((k) => k.type === type) ?? { type, label: type, icon: "layers", hint: "" };
}

/** The kind's name without the dialog ellipsis: "Image", "Text". */
export function typeName(type: LayerType): string {
  return kindOf(type).label.replace(/…$/, "");
}

export const SHAPE_NAMES: Record<ShapeKind, string> = {
  circle: "Circle",
  square: "Square",
  roundedSquare: "Rounded square",
  diamond: "Diamond",
  pentagon: "Pentagon",
  hexagon: "Hexagon",
  octagon: "Octagon",
  star: "Star",
  shield: "Shield",
  scallopedSeal: "Scalloped seal",
  rosette: "Rosette",
  banner: "Banner",
  laurelWreath: "Laurel wreath",
  heart: "Heart",
};

export const SHAPES = Object.keys(SHAPE_NAMES) as ShapeKind[];

export function transformOf(layer: Layer): Transform {
  return { ...IDENTITY, ...layer.transform };
}

/** "title" → "Title", "text-2" → "Text 2", "mainDisc" → "Main disc". */
export function humanize(id: string): string {
  const words = id
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[-_.]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What the layer list calls a layer: its label, or its id in words. */
export function layerTitle(layer: Layer): string {
  const label = layer.label?.trim();
  return label ? label : humanize(layer.id) || typeName(layer.type);
}

/** A second line for the layer list: the kind, and what it shows. */
export function layerDetail(layer: Layer): string {
  switch (layer.type) {
    case "shape":
      return `Shape · ${SHAPE_NAMES[layer.shape]}`;
    case "border":
      return `Border · ${SHAPE_NAMES[layer.shape]}, ${layer.style}`;
    case "text":
      return `Text · ${layer.text}`;
    case "ribbon":
      return layer.text ? `Ribbon · ${layer.text}` : "Ribbon";
    case "glyph":
      return `Glyph · ${layer.glyph}`;
    case "image":
      return `Image · ${SHAPE_NAMES[layer.clip]} clip`;
    case "decoration":
      return `Decoration · ${layer.count} ${layer.kind}`;
  }
}

/** An id not yet used in the design, made from `base`: "text", "text-2", "text-3"… */
export function uniqueId(design: BadgeDesign, base: string): string {
  const used = new Set(design.layers.map((l) => l.id));
  const stem = base.slice(0, 56) || "layer";
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const id = `${stem}-${n}`;
    if (!used.has(id)) return id;
  }
}

function defaultFamily(fonts: readonly FontInfo[]): string {
  return (fonts.find((f) => f.family === "Montserrat") ?? fonts[0])?.family ?? "Montserrat";
}

/**
 * A new layer of this kind with sensible defaults, centred on the canvas and
 * sized for the 512-unit canvas. An image layer needs the chosen image.
 */
export function createLayer(
  type: LayerType,
  design: BadgeDesign,
  fonts: readonly FontInfo[] = [],
  image: ChosenImage | null = null,
): Layer {
  const id = uniqueId(design, type);
  const family = defaultFamily(fonts);
  switch (type) {
    case "shape":
      return {
        id,
        type,
        shape: "circle",
        size: 400,
        fill: {
          type: "linear",
          angle: 0,
          stops: [
            { offset: 0, color: "#2f8fe0" },
            { offset: 1, color: "#15539e" },
          ],
        },
      };
    case "border":
      return { id, type, shape: "circle", size: 420, width: 12, style: "solid", paint: { type: "solid", color: "#f2c14e" } };
    case "text":
      return {
        id,
        type,
        text: "Your text",
        font: { family, weight: 700, size: 40, letterSpacing: 1 },
        fill: { type: "solid", color: "#1a2130" },
        path: { mode: "straight" },
      };
    case "ribbon":
      return {
        id,
        type,
        style: "notched",
        width: 380,
        height: 64,
        curve: 10,
        fill: { type: "solid", color: "#d6393b" },
        text: "Well done",
        font: { family, weight: 700, size: 30, letterSpacing: 1 },
        textFill: { type: "solid", color: "#ffffff" },
      };
    case "glyph":
      return { id, type, glyph: "award", style: "outline", size: 160, paint: { type: "solid", color: "#1a2130" }, strokeWidth: 1.75 };
    case "decoration":
      return {
        id,
        type,
        kind: "stars",
        count: 5,
        radius: 200,
        itemSize: 22,
        startAngle: -50,
        endAngle: 50,
        paint: { type: "solid", color: "#f2c14e" },
      };
    case "image":
      return { id, type, data: image?.dataUri ?? "", clip: "circle", size: 300 };
  }
}

/** Whether another layer fits. */
export function canAddLayer(design: BadgeDesign): boolean {
  return design.layers.length < MAX_LAYERS;
}

export function findLayer(design: BadgeDesign, id: string | null): Layer | null {
  return id === null ? null : (design.layers.find((l) => l.id === id) ?? null);
}

/** Puts a layer just above `aboveId` (or on top when null or unknown). */
export function insertLayer(design: BadgeDesign, layer: Layer, aboveId: string | null = null): BadgeDesign {
  const at = aboveId === null ? -1 : design.layers.findIndex((l) => l.id === aboveId);
  const index = at < 0 ? design.layers.length : at + 1;
  return { ...design, layers: [...design.layers.slice(0, index), layer, ...design.layers.slice(index)] };
}

/** The result of a change that a rule may refuse, with the reason in words. */
export type Outcome = { ok: true; design: BadgeDesign } | { ok: false; reason: string };

function locked(layer: Layer, action: string): Outcome {
  return { ok: false, reason: `“${layerTitle(layer)}” is locked: unlock it to ${action} it` };
}

/** Replaces the layer `id` with what `change` makes of it. Locked layers are not changed. */
export function updateLayer(design: BadgeDesign, id: string, change: (layer: Layer) => Layer): Outcome {
  const index = design.layers.findIndex((l) => l.id === id);
  const layer = design.layers[index];
  if (!layer) return { ok: false, reason: "that layer is no longer in the design" };
  if (layer.locked) return locked(layer, "change");
  const next = change(layer);
  if (next === layer) return { ok: true, design };
  const layers = [...design.layers];
  layers[index] = next;
  return { ok: true, design: { ...design, layers } };
}

/** Sets a flag any layer may change, locked or not (hidden, locked). */
function setFlag(design: BadgeDesign, id: string, flag: "hidden" | "locked", on: boolean): BadgeDesign {
  return {
    ...design,
    layers: design.layers.map((l) => {
      if (l.id !== id || Boolean(l[flag]) === on) return l;
      const next = { ...l };
      if (on) next[flag] = true;
      else delete next[flag];
      return next;
    }),
  };
}

export function setHidden(design: BadgeDesign, id: string, hidden: boolean): BadgeDesign {
  return setFlag(design, id, "hidden", hidden);
}

export function setLocked(design: BadgeDesign, id: string, isLocked: boolean): BadgeDesign {
  return setFlag(design, id, "locked", isLocked);
}

/** Renames a layer (an empty label means "use the id"). Locked layers keep their name. */
export function renameLayer(design: BadgeDesign, id: string, label: string): Outcome {
  return updateLayer(design, id, (l) => {
    const trimmed = label.trim();
    if ((l.label ?? "") === trimmed) return l;
    const next = { ...l };
    if (trimmed) next.label = trimmed;
    else delete next.label;
    return next;
  });
}

export function removeLayer(design: BadgeDesign, id: string): Outcome {
  const layer = findLayer(design, id);
  if (!layer) return { ok: false, reason: "that layer is no longer in the design" };
  if (layer.locked) return locked(layer, "delete");
  return { ok: true, design: { ...design, layers: design.layers.filter((l) => l.id !== id) } };
}

/** Moves a layer to stacking position `to` (0 is the bottom). Locked layers stay where they are. */
export function moveLayerTo(design: BadgeDesign, id: string, to: number): Outcome {
  const from = design.layers.findIndex((l) => l.id === id);
  const layer = design.layers[from];
  if (!layer) return { ok: false, reason: "that layer is no longer in the design" };
  if (layer.locked) return locked(layer, "move");
  const target = Math.min(design.layers.length - 1, Math.max(0, to));
  if (target === from) return { ok: true, design };
  const layers = design.layers.filter((l) => l.id !== id);
  layers.splice(target, 0, layer);
  return { ok: true, design: { ...design, layers } };
}

/** Moves a layer up (+1, towards the top) or down (−1) the stack. */
export function moveLayerBy(design: BadgeDesign, id: string, delta: number): Outcome {
  const from = design.layers.findIndex((l) => l.id === id);
  return moveLayerTo(design, id, from + delta);
}

/** Copies a layer just above itself, unlocked and with a fresh id. Returns the copy's id. */
export function duplicateLayer(design: BadgeDesign, id: string): { design: BadgeDesign; id: string } | null {
  const layer = findLayer(design, id);
  if (!layer || !canAddLayer(design)) return null;
  const copy: Layer = structuredClone(layer);
  copy.id = uniqueId(design, `${id.replace(/-copy(?:-\d+)?$/, "")}-copy`);
  delete copy.locked;
  if (layer.label) copy.label = `${layer.label} copy`;
  return { design: insertLayer(design, copy, id), id: copy.id };
}

/** Moves a layer by (dx, dy) design units, within the core's limits. */
export function nudgeLayer(layer: Layer, dx: number, dy: number): Layer {
  const t = transformOf(layer);
  const clamp = (v: number) => Math.min(2048, Math.max(-2048, Math.round((v + Number.EPSILON) * 100) / 100));
  return { ...layer, transform: { ...t, x: clamp(t.x + dx), y: clamp(t.y + dy) } };
}

/**
 * The layer's box before its transform, in design units, centred on the
 * canvas centre, when it can be known without drawing it (not for text on an
 * arc or straight text, whose width depends on the font).
 */
export function layerExtent(layer: Layer): { width: number; height: number } | null {
  switch (layer.type) {
    case "shape":
    case "image":
      return { width: layer.size, height: layer.size };
    case "glyph":
      return { width: layer.size, height: layer.size };
    case "border":
      return { width: layer.size + layer.width, height: layer.size + layer.width };
    case "ribbon":
      return { width: layer.width, height: layer.height + Math.abs(layer.curve) };
    case "decoration": {
      const side = 2 * (layer.radius + layer.itemSize / 2);
      return { width: side, height: side };
    }
    case "text":
      return null;
  }
}

/** A field path from the core in words: "font.letterSpacing" → "font letter spacing". */
function fieldWords(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, (_, n: string) => ` ${Number(n) + 1}`)
    .split(".")
    .map((part) => humanize(part).toLowerCase())
    .join(" ")
    .replace(/\bcolor\b/g, "colour");
}

/**
 * A design error from the core for people: the layer is named as the layer
 * list names it, and the field in words. `layerId` says which layer to select.
 */
export function explainDesignError(message: string, design: BadgeDesign): { layerId: string | null; text: string } {
  const m = /layers\[(\d+)\](?:\.([\w.[\]]+))?:\s*(.*)$/s.exec(message);
  if (m) {
    const layer = design.layers[Number(m[1])];
    if (layer) {
      const field = m[2] ? `${fieldWords(m[2])} ` : "";
      return { layerId: layer.id, text: `${layerTitle(layer)}: ${field}${m[3] ?? ""}` };
    }
  }
  const stripped = message.replace(/^the design:\s*/i, "");
  return { layerId: null, text: stripped.charAt(0).toUpperCase() + stripped.slice(1) };
}
