// Colours and paints: parsing and writing `#rrggbb[aa]`, switching a paint
// between solid and gradients, gradient stops, CSS for swatches, palettes.

import type { GradientStop } from "../../lib/ipc/gen/GradientStop";
import type { Paint } from "../../lib/ipc/gen/Paint";

export type PaintType = Paint["type"];

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 to 255. */
  a: number;
}

export const MIN_STOPS = 2;
export const MAX_STOPS = 16;

/** Reads `#rgb`, `#rrggbb` or `#rrggbbaa` (the `#` may be left out). */
export function parseHex(text: string): Rgba | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(text.trim());
  if (!m?.[1]) return null;
  let hex = m[1];
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join("");
  const byte = (i: number) => parseInt(hex.slice(i, i + 2), 16);
  return { r: byte(0), g: byte(2), b: byte(4), a: hex.length === 8 ? byte(6) : 255 };
}

const hex2 = (n: number) =>
  Math.round(Math.min(255, Math.max(0, n)))
    .toString(16)
    .padStart(2, "0");

/** `#rrggbb` when opaque, `#rrggbbaa` otherwise; lower case. */
export function toHex(c: Rgba): string {
  const rgb = `#${hex2(c.r)}${hex2(c.g)}${hex2(c.b)}`;
  return Math.round(c.a) >= 255 ? rgb : `${rgb}${hex2(c.a)}`;
}

/** A colour written the way the Designer writes colours, or null when it is none. */
export function normalizeHex(text: string): string | null {
  const c = parseHex(text);
  return c ? toHex(c) : null;
}

/** The colour without its alpha, `#rrggbb` (what `<input type="color">` takes). */
export function rgbHex(color: string): string {
  const c = parseHex(color) ?? { r: 0, g: 0, b: 0, a: 255 };
  return toHex({ ...c, a: 255 });
}

/** The colour's opacity, 0 to 1. */
export function alphaOf(color: string): number {
  return (parseHex(color)?.a ?? 255) / 255;
}

/** The colour with another opacity (0 to 1). */
export function withAlpha(color: string, alpha: number): string {
  const c = parseHex(color) ?? { r: 0, g: 0, b: 0, a: 255 };
  return toHex({ ...c, a: Math.min(1, Math.max(0, alpha)) * 255 });
}

/** `color` with the red, green and blue of `rgb`, keeping its own alpha. */
export function withRgb(color: string, rgb: string): string {
  const c = parseHex(rgb);
  if (!c) return color;
  return toHex({ ...c, a: parseHex(color)?.a ?? 255 });
}

/** Between two colours, `t` from 0 (a) to 1 (b). */
export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a) ?? { r: 0, g: 0, b: 0, a: 255 };
  const y = parseHex(b) ?? x;
  const lerp = (p: number, q: number) => p + (q - p) * t;
  return toHex({ r: lerp(x.r, y.r), g: lerp(x.g, y.g), b: lerp(x.b, y.b), a: lerp(x.a, y.a) });
}

/** Lighter (positive amount) or darker (negative), keeping alpha. */
export function shade(color: string, amount: number): string {
  const c = parseHex(color) ?? { r: 0, g: 0, b: 0, a: 255 };
  const target = amount >= 0 ? 255 : 0;
  const t = Math.min(1, Math.abs(amount));
  const lerp = (p: number) => p + (target - p) * t;
  return toHex({ r: lerp(c.r), g: lerp(c.g), b: lerp(c.b), a: c.a });
}

/** The colour a paint mostly shows: a solid's colour, or a gradient's first stop. */
export function mainColor(paint: Paint): string {
  return paint.type === "solid" ? paint.color : (paint.stops[0]?.color ?? "#000000");
}

/** A paint of another type that keeps the colours it can. */
export function convertPaint(paint: Paint, type: PaintType): Paint {
  if (paint.type === type) return paint;
  if (type === "solid") return { type: "solid", color: mainColor(paint) };
  const stops: GradientStop[] =
    paint.type === "solid"
      ? type === "linear"
        ? [
            { offset: 0, color: shade(paint.color, 0.18) },
            { offset: 1, color: shade(paint.color, -0.28) },
          ]
        : [
            { offset: 0, color: shade(paint.color, 0.3) },
            { offset: 1, color: paint.color },
          ]
      : paint.stops;
  return type === "linear" ? { type: "linear", angle: 0, stops } : { type: "radial", stops };
}

/** Adds a stop in the middle of the widest gap, coloured as the gradient is there. Up to {@link MAX_STOPS}. */
export function addStop(stops: readonly GradientStop[]): GradientStop[] {
  if (stops.length >= MAX_STOPS) return [...stops];
  const sorted = [...stops].sort((a, b) => a.offset - b.offset);
  let at = 0;
  let widest = -1;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const gap = (sorted[i + 1]?.offset ?? 0) - (sorted[i]?.offset ?? 0);
    if (gap > widest) {
      widest = gap;
      at = i;
    }
  }
  const left = sorted[at];
  const right = sorted[at + 1];
  if (!left || !right) return [...stops, { offset: 1, color: stops[stops.length - 1]?.color ?? "#000000" }];
  const stop = { offset: round((left.offset + right.offset) / 2, 3), color: mix(left.color, right.color, 0.5) };
  const index = stops.indexOf(right);
  return [...stops.slice(0, index), stop, ...stops.slice(index)];
}

/** Removes stop `index`, keeping at least {@link MIN_STOPS}. */
export function removeStop(stops: readonly GradientStop[], index: number): GradientStop[] {
  if (stops.length <= MIN_STOPS) return [...stops];
  return stops.filter((_, i) => i !== index);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function cssColor(color: string): string {
  const c = parseHex(color);
  if (!c) return "transparent";
  return `rgb(${c.r} ${c.g} ${c.b} / ${round(c.a / 255, 3)})`;
}

function cssStops(stops: readonly GradientStop[]): string {
  return [...stops]
    .sort((a, b) => a.offset - b.offset)
    .map((s) => `${cssColor(s.color)} ${round(s.offset * 100, 2)}%`)
    .join(", ");
}

/** A CSS background that looks like the paint, for swatches and previews. */
export function cssPaint(paint: Paint): string {
  switch (paint.type) {
    case "solid":
      return cssColor(paint.color);
    case "linear":
      // The design's 0° runs top to bottom (CSS 180deg); 90° left to right (CSS 90deg).
      return `linear-gradient(${180 - paint.angle}deg, ${cssStops(paint.stops)})`;
    case "radial":
      return `radial-gradient(circle closest-side, ${cssStops(paint.stops)})`;
  }
}

/** A CSS left-to-right preview of a gradient's stops. */
export function cssStopsBar(stops: readonly GradientStop[]): string {
  return `linear-gradient(90deg, ${cssStops(stops)})`;
}

export interface Swatch {
  name: string;
  color: string;
}

export interface Palette {
  name: string;
  swatches: Swatch[];
}

const swatches = (pairs: [string, string][]): Swatch[] => pairs.map(([name, color]) => ({ name, color }));

/** Named palettes offered next to every colour. */
export const PALETTES: readonly Palette[] = [
  {
    name: "School brights",
    swatches: swatches([
      ["Red", "#e53935"],
      ["Orange", "#fb8c00"],
      ["Sunflower", "#fdd835"],
      ["Green", "#43a047"],
      ["Sky", "#039be5"],
      ["Blue", "#1e63d6"],
      ["Purple", "#8e24aa"],
      ["Pink", "#ec407a"],
    ]),
  },
  {
    name: "Corporate",
    swatches: swatches([
      ["Navy", "#1b2a4a"],
      ["Slate", "#455a64"],
      ["Steel blue", "#2f6fa7"],
      ["Teal", "#0a6870"],
      ["Graphite", "#2b2f36"],
      ["Cool grey", "#9aa5b1"],
      ["Burgundy", "#7b1f3a"],
      ["Paper", "#f5f6f8"],
    ]),
  },
  {
    name: "Nature",
    swatches: swatches([
      ["Forest", "#2e7d32"],
      ["Moss", "#7cb342"],
      ["Sage", "#a5c3a0"],
      ["Sand", "#e6d3a3"],
      ["Earth", "#795548"],
      ["Ocean", "#00796b"],
      ["Lake", "#4f9fc8"],
      ["Sunset", "#f4a259"],
    ]),
  },
  {
    name: "Metals",
    swatches: swatches([
      ["Gold", "#d4af37"],
      ["Light gold", "#f3d77a"],
      ["Silver", "#c0c4ca"],
      ["Light silver", "#e9ebee"],
      ["Bronze", "#b0703a"],
      ["Dark bronze", "#7a4a22"],
      ["White", "#ffffff"],
      ["Black", "#111111"],
    ]),
  },
];
