// Small drawings of the shapes for the shape picker, on a 24 × 24 grid and
// filled with the current colour. Simple stand-ins for the core's outlines.

import type { DecorationKind } from "../../lib/ipc/gen/DecorationKind";
import type { RibbonStyle } from "../../lib/ipc/gen/RibbonStyle";
import type { ShapeKind } from "../../lib/ipc/gen/ShapeKind";

const C = 12;
const f = (n: number) => (Math.round(n * 100) / 100).toString();

function polar(r: number, degrees: number): [number, number] {
  const a = ((degrees - 90) * Math.PI) / 180;
  return [C + r * Math.cos(a), C + r * Math.sin(a)];
}

function polygon(points: [number, number][]): string {
  return `M${points.map(([x, y]) => `${f(x)} ${f(y)}`).join(" L")}Z`;
}

function regular(sides: number, r: number, offset = 0): string {
  return polygon(Array.from({ length: sides }, (_, i) => polar(r, offset + (360 / sides) * i)));
}

function star(points: number, outer: number, inner: number): string {
  return polygon(Array.from({ length: points * 2 }, (_, i) => polar(i % 2 === 0 ? outer : inner, (180 / points) * i)));
}

/** A circle whose edge bulges out `count` times. */
function scalloped(count: number, r: number, bulge: number): string {
  const step = 360 / count;
  const start = polar(r, 0);
  let d = `M${f(start[0])} ${f(start[1])}`;
  for (let i = 0; i < count; i++) {
    const [cx, cy] = polar(r + bulge, step * i + step / 2);
    const [x, y] = polar(r, step * (i + 1));
    d += ` Q${f(cx)} ${f(cy)} ${f(x)} ${f(y)}`;
  }
  return `${d}Z`;
}

function circle(r: number, cx = C, cy = C): string {
  return `M${f(cx - r)} ${f(cy)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
}

/** A leaf (pointed ellipse) centred at (x, y), pointing along `degrees`. */
function leaf(x: number, y: number, length: number, width: number, degrees: number): string {
  const a = (degrees * Math.PI) / 180;
  const ux = Math.cos(a);
  const uy = Math.sin(a);
  const tip = [x + (ux * length) / 2, y + (uy * length) / 2];
  const base = [x - (ux * length) / 2, y - (uy * length) / 2];
  const side = [-uy * width, ux * width];
  return `M${f(base[0] ?? 0)} ${f(base[1] ?? 0)}Q${f(x + (side[0] ?? 0))} ${f(y + (side[1] ?? 0))} ${f(tip[0] ?? 0)} ${f(tip[1] ?? 0)}Q${f(x - (side[0] ?? 0))} ${f(y - (side[1] ?? 0))} ${f(base[0] ?? 0)} ${f(base[1] ?? 0)}Z`;
}

/** A point on a circle centred at (cx, cy), `degrees` clockwise from the top. */
function around(cx: number, cy: number, r: number, degrees: number): [number, number] {
  const a = ((degrees - 90) * Math.PI) / 180;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
}

/**
 * One branch of a laurel: a thin stem along a circle from `from` to `to`
 * degrees, with leaves leaning out of it.
 */
function branch(cx: number, cy: number, r: number, from: number, to: number, leaves: number, size: number): string {
  const dir = to > from ? 1 : -1;
  const steps = 12;
  const outer: string[] = [];
  const inner: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const deg = from + ((to - from) * i) / steps;
    const [ox, oy] = around(cx, cy, r + size * 0.06, deg);
    const [ix, iy] = around(cx, cy, r - size * 0.06, deg);
    outer.push(`${f(ox)} ${f(oy)}`);
    inner.unshift(`${f(ix)} ${f(iy)}`);
  }
  let d = `M${outer.join(" L")} L${inner.join(" L")}Z`;
  for (let i = 0; i < leaves; i++) {
    const deg = from + ((to - from) * (i + 0.5)) / leaves;
    // The stem's direction there (clockwise is the circle's angle in screen degrees).
    const tangent = deg + (dir > 0 ? 0 : 180);
    for (const lean of [-1, 1]) {
      const [x, y] = around(cx, cy, r + lean * size * 0.32, deg + dir * 3);
      d += leaf(x, y, size, size * 0.36, tangent - dir * lean * 28);
    }
  }
  return d;
}

function wreath(): string {
  return branch(C, C, 8, 200, 335, 4, 4.2) + branch(C, C, 8, 160, 25, 4, 4.2);
}

export const SHAPE_ICONS: Record<ShapeKind, string> = {
  circle: circle(9.5),
  square: "M3.5 3.5h17v17h-17Z",
  roundedSquare: "M8 3.5h8a4.5 4.5 0 0 1 4.5 4.5v8a4.5 4.5 0 0 1-4.5 4.5H8A4.5 4.5 0 0 1 3.5 16V8A4.5 4.5 0 0 1 8 3.5Z",
  diamond: "M12 2 22 12 12 22 2 12Z",
  pentagon: regular(5, 10),
  hexagon: regular(6, 10),
  octagon: regular(8, 10, 22.5),
  star: star(5, 10.5, 4.4),
  shield: "M12 2.5 20 5.5v6c0 5.2-3.4 8.6-8 10.5-4.6-1.9-8-5.3-8-10.5v-6Z",
  scallopedSeal: scalloped(14, 8.6, 2.6),
  rosette: star(16, 10.5, 8.2) + circle(5.5),
  banner: "M2 7.5h20l-3.2 4.5 3.2 4.5H2l3.2-4.5Z",
  laurelWreath: wreath(),
  heart: "M12 20.8C5.6 16.4 2.6 13 2.6 9.1a4.8 4.8 0 0 1 9.4-1.5 4.8 4.8 0 0 1 9.4 1.5c0 3.9-3 7.3-9.4 11.7Z",
};

/** Shapes drawn with holes use the even-odd rule. */
export const SHAPE_EVEN_ODD: ReadonlySet<ShapeKind> = new Set(["rosette"]);

/** Ribbon styles drawn on a 40 × 20 grid (the second path is the shaded part). */
export const RIBBON_ICONS: Record<RibbonStyle, { d: string; opacity?: number }[]> = {
  notched: [
    { d: "M10 7H1l3.5 4.5L1 16h9ZM30 7h9l-3.5 4.5L39 16h-9Z", opacity: 0.55 },
    { d: "M7 4h26v9H7Z" },
  ],
  swallowtail: [{ d: "M2 5h36l-4.5 5 4.5 5H2l4.5-5Z" }],
  folded: [
    { d: "M9 7H1l3.5 4.5L1 16h8ZM31 7h8l-3.5 4.5L39 16h-8Z", opacity: 0.55 },
    { d: "M7 13l2 3v-3ZM33 13l-2 3v-3Z", opacity: 0.35 },
    { d: "M7 4h26v9H7Z" },
  ],
  flat: [{ d: "M3 5h34v10H3Z" }],
  tails: [
    { d: "M9 10h6v9l-3-2.5L9 19ZM25 10h6v9l-3-2.5-3 2.5Z", opacity: 0.55 },
    { d: "M4 3h32v8H4Z" },
  ],
};

/** Decoration kinds on a 40 × 20 grid. */
export const DECORATION_ICONS: Record<DecorationKind, { d: string; opacity?: number }[]> = {
  stars: [{ d: starAt(8, 13, 4) + starAt(20, 8, 4.6) + starAt(32, 13, 4) }],
  laurels: [{ d: leavesAt() }],
  dots: [{ d: dotAt(6, 14, 2.2) + dotAt(13, 9.5, 2.2) + dotAt(20, 7.5, 2.2) + dotAt(27, 9.5, 2.2) + dotAt(34, 14, 2.2) }],
};

function starAt(cx: number, cy: number, r: number): string {
  const pts = Array.from({ length: 10 }, (_, i) => {
    const a = ((i * 36 - 90) * Math.PI) / 180;
    const rad = i % 2 === 0 ? r : r * 0.42;
    return `${f(cx + rad * Math.cos(a))} ${f(cy + rad * Math.sin(a))}`;
  });
  return `M${pts.join(" L")}Z`;
}

function dotAt(cx: number, cy: number, r: number): string {
  return `M${f(cx - r)} ${f(cy)}a${r} ${r} 0 1 0 ${f(2 * r)} 0a${r} ${r} 0 1 0 ${f(-2 * r)} 0Z`;
}

function leavesAt(): string {
  return branch(20, 28, 21, 298, 350, 3, 6) + branch(20, 28, 21, 62, 10, 3, 6);
}
