// The Designer's side of the in-memory fake backend: a few templates built in
// code, the font list, a small glyph library, a partial check of the limits the
// core enforces (enough to show how errors look) and placeholder "renders".
// The real drawing is done in Rust; nothing here tries to imitate it.

import type { BadgeDesign } from "./gen/BadgeDesign";
import type { DesignCatalog } from "./gen/DesignCatalog";
import type { FontInfo } from "./gen/FontInfo";
import type { GlyphInfo } from "./gen/GlyphInfo";
import type { GlyphStyle } from "./gen/GlyphStyle";
import type { Layer } from "./gen/Layer";
import type { Paint } from "./gen/Paint";
import type { TemplateInfo } from "./gen/TemplateInfo";

const encoder = new TextEncoder();

function base64(text: string): string {
  let binary = "";
  for (const b of encoder.encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64(svg)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A short stable hash of any JSON value (FNV-1a over its JSON text). */
export function hashOf(value: unknown): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(value) ?? "";
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

// ---------------------------------------------------------------- fonts

export const FAKE_FONTS: FontInfo[] = [
  ["Inter", "sans-serif", "Clean, highly legible sans for companies, tech skills and small print"],
  ["Montserrat", "sans-serif", "Geometric sans with wide capitals for bold, modern badge titles"],
  ["Oswald", "condensed", "Condensed gothic that fits long titles; sports teams and banners"],
  ["Merriweather", "serif", "Sturdy, readable serif for schools, courses and academic credentials"],
  ["Playfair Display", "serif", "Elegant high-contrast serif for certificates and awards"],
  ["Nunito", "rounded", "Friendly rounded sans for youth groups, clubs and volunteering"],
  ["Lato", "sans-serif", "Warm, neutral humanist sans for organisations and everyday badges"],
  ["Cinzel", "display", "Classical Roman capitals (caps only) for honours and ceremonial badges"],
  ["Fredoka", "rounded", "Playful, chunky rounded letters for children, games and fun achievements"],
  ["Raleway", "sans-serif", "Stylish sans with elegant capitals for arts, events and headings"],
].map(([family, category, description]) => ({
  family: family ?? "",
  category: category ?? "",
  description: description ?? "",
  weights: [400, 700],
}));

// ---------------------------------------------------------------- glyphs

// name, styles, category, tags, and a 24-unit drawing.
const GLYPH_SOURCES: [string, GlyphStyle[], string, string[], string][] = [
  ["award", ["outline", "filled"], "Badges", ["prize", "medal", "winner"], "M12 3a6 6 0 1 1 0 12 6 6 0 0 1 0-12zM9 14l-2 7 5-3 5 3-2-7"],
  ["certificate", ["outline"], "Badges", ["diploma", "course"], "M4 4h16v11H4zM8 8h8M8 11h5M15 15l-1 6 3-2 3 2-1-6"],
  ["medal", ["outline"], "Badges", ["prize", "sport"], "M12 10a5 5 0 1 1 0 10 5 5 0 0 1 0-10zM8 3l4 7 4-7"],
  ["star", ["outline", "filled"], "Shapes", ["favourite", "rating", "best"], "M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9z"],
  ["trophy", ["outline", "filled"], "Badges", ["cup", "winner", "champion"], "M7 4h10v5a5 5 0 0 1-10 0zM7 6H4v2a3 3 0 0 0 3 3M17 6h3v2a3 3 0 0 1-3 3M12 14v4M8 21h8"],
  ["school", ["outline", "filled"], "Education", ["graduation", "learning"], "M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5"],
  ["book", ["outline", "filled"], "Education", ["reading", "library"], "M4 5c3-1 6-1 8 1 2-2 5-2 8-1v14c-3-1-6-1-8 1-2-2-5-2-8-1z"],
  ["flask", ["outline", "filled"], "Science", ["chemistry", "lab"], "M9 3h6M10 3v6L5 19c-.5 1 .2 2 1.3 2h11.4c1.1 0 1.8-1 1.3-2L14 9V3"],
  ["robot", ["outline"], "Technology", ["ai", "machine", "robotics"], "M6 8h12v10H6zM12 4v4M9 12h.01M15 12h.01M9 15h6"],
  ["rocket", ["outline"], "Technology", ["launch", "space", "start"], "M12 3c4 3 5 8 3 12H9C7 11 8 6 12 3zM9 15l-3 4h4M15 15l3 4h-4"],
  ["heart", ["outline", "filled"], "Health", ["love", "care", "volunteer"], "M12 20C5 15 3 12 3 8.5A4.5 4.5 0 0 1 12 6a4.5 4.5 0 0 1 9 2.5C21 12 19 15 12 20z"],
  ["leaf", ["outline", "filled"], "Nature", ["plant", "green", "eco"], "M5 19C5 10 10 5 20 4c0 10-5 15-14 15zM5 19l8-8"],
  ["users", ["outline"], "People", ["team", "group", "club"], "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3 3-5 6-5s6 2 6 5M16 5a3 3 0 0 1 0 6M18 15c2 .5 3 2.5 3 5"],
  ["briefcase", ["outline", "filled"], "Business", ["work", "job", "career"], "M4 8h16v11H4zM9 8V5h6v3M4 13h16"],
  ["code", ["outline"], "Development", ["programming", "developer"], "M8 8l-4 4 4 4M16 8l4 4-4 4M14 5l-4 14"],
  ["music", ["outline"], "Media", ["song", "band", "choir"], "M9 18V6l10-2v12M9 18a2 2 0 1 1-4 0 2 2 0 0 1 4 0zM19 16a2 2 0 1 1-4 0 2 2 0 0 1 4 0z"],
  ["palette", ["outline", "filled"], "Design", ["art", "paint", "colour"], "M12 3a9 9 0 1 0 0 18c1 0 1.5-1 1-2-.7-1.3 0-2.5 1.5-2.5H17a4 4 0 0 0 4-4C21 7 17 3 12 3z"],
  ["ball-football", ["outline"], "Sport", ["soccer", "team", "game"], "M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM12 8l3.5 2.5-1.3 4h-4.4l-1.3-4z"],
  ["bulb", ["outline", "filled"], "Objects", ["idea", "light", "creative"], "M9 17h6M10 21h4M12 3a6 6 0 0 1 3.5 10.9c-.3.3-.5.7-.5 1.1v2H9v-2c0-.4-.2-.8-.5-1.1A6 6 0 0 1 12 3z"],
  ["shield-check", ["outline", "filled"], "Badges", ["safety", "verified", "security"], "M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM9 12l2 2 4-4"],
];

const GLYPHS: GlyphInfo[] = GLYPH_SOURCES.flatMap(([name, styles, category, tags, d]) =>
  styles.map((style) => {
    const paint =
      style === "filled"
        ? 'fill="#1f2937"'
        : 'fill="none" stroke="#1f2937" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';
    return {
      name,
      style,
      category,
      tags,
      preview: svgDataUrl(
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" ${paint}><path d="${d}"/></svg>`,
      ),
    };
  }),
);

/** Glyphs whose name, tags or category start with or contain each word; badge-like ones first for an empty query. */
export function searchFakeGlyphs(query: string, style: GlyphStyle | null, limit: number): GlyphInfo[] {
  const words = query
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const scored: [number, GlyphInfo][] = [];
  for (const g of GLYPHS) {
    if (style !== null && g.style !== style) continue;
    let score = 0;
    let ok = true;
    for (const w of words) {
      if (g.name === w) score += 100;
      else if (g.name.startsWith(w)) score += 60;
      else if (g.name.includes(w)) score += 30;
      else if (g.tags.some((t) => t.startsWith(w))) score += 10;
      else if (g.category.toLowerCase().startsWith(w)) score += 5;
      else ok = false;
    }
    if (!ok) continue;
    if (words.length === 0 && g.category === "Badges") score = 1;
    scored.push([score, g]);
  }
  scored.sort((a, b) => b[0] - a[0] || a[1].name.localeCompare(b[1].name));
  return scored.slice(0, Math.max(0, limit)).map(([, g]) => g);
}

export const FAKE_GLYPH_COUNT = GLYPHS.length;

// ---------------------------------------------------------------- templates

const solid = (color: string): Paint => ({ type: "solid", color });

function fakeTemplate(id: string, audience: string, design: BadgeDesign, colors: [string, string]): TemplateInfo {
  const thumbnail = svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160">
<circle cx="80" cy="80" r="72" fill="${colors[0]}"/><circle cx="80" cy="80" r="52" fill="${colors[1]}"/>
<text x="80" y="86" font-family="sans-serif" font-size="14" font-weight="700" text-anchor="middle" fill="#fff">${escapeXml(design.name)}</text>
</svg>`);
  return { id, audience, design, thumbnail };
}

/** Three templates, one per audience, shaped like the bundled ones. */
export function fakeTemplates(): TemplateInfo[] {
  return [
    fakeTemplate(
      "school-star",
      "school",
      {
        version: 1,
        name: "Star Pupil",
        description: "A bright rosette for classroom achievements",
        layers: [
          {
            id: "seal",
            type: "shape",
            shape: "scallopedSeal",
            size: 500,
            fill: {
              type: "radial",
              stops: [
                { offset: 0, color: "#ffd54f" },
                { offset: 1, color: "#f9a825" },
              ],
            },
            shadow: { dx: 0, dy: 6, blur: 12, color: "#00000055" },
          },
          {
            id: "disc",
            type: "shape",
            shape: "circle",
            size: 380,
            fill: {
              type: "linear",
              angle: 0,
              stops: [
                { offset: 0, color: "#1e88e5" },
                { offset: 1, color: "#0d47a1" },
              ],
            },
          },
          { id: "ring", type: "border", shape: "circle", size: 350, width: 6, style: "dashed", paint: solid("#ffffffcc") },
          {
            id: "title",
            type: "text",
            text: "STAR PUPIL",
            font: { family: "Montserrat", weight: 700, size: 34, letterSpacing: 3 },
            fill: solid("#ffffff"),
            path: { mode: "arc", radius: 140, side: "top" },
          },
          {
            id: "icon",
            type: "glyph",
            glyph: "star",
            style: "filled",
            size: 150,
            paint: solid("#ffd54f"),
            strokeWidth: 2,
            transform: { x: 0, y: 5, scale: 1, rotate: 0 },
          },
          {
            id: "banner",
            type: "ribbon",
            style: "swallowtail",
            width: 420,
            height: 70,
            curve: 12,
            fill: solid("#e53935"),
            text: "Well done!",
            font: { family: "Fredoka", weight: 700, size: 34, letterSpacing: 0 },
            textFill: solid("#ffffff"),
            transform: { x: 0, y: 150, scale: 1, rotate: 0 },
          },
        ],
      },
      ["#f9a825", "#1565c0"],
    ),
    fakeTemplate(
      "company-skill",
      "company",
      {
        version: 1,
        name: "Skill Certified",
        description: "A calm hexagon for professional skills",
        layers: [
          { id: "base", type: "shape", shape: "hexagon", size: 470, fill: solid("#263238") },
          { id: "edge", type: "border", shape: "hexagon", size: 440, width: 8, style: "solid", paint: solid("#b0bec5") },
          {
            id: "title",
            type: "text",
            text: "CERTIFIED",
            font: { family: "Inter", weight: 700, size: 40, letterSpacing: 4 },
            fill: solid("#eceff1"),
            path: { mode: "straight" },
            transform: { x: 0, y: 120, scale: 1, rotate: 0 },
          },
          { id: "icon", type: "glyph", glyph: "certificate", style: "outline", size: 170, paint: solid("#80cbc4"), strokeWidth: 1.5 },
        ],
      },
      ["#263238", "#37474f"],
    ),
    fakeTemplate(
      "community-helper",
      "community",
      {
        version: 1,
        name: "Helping Hand",
        description: "A warm heart for volunteers",
        layers: [
          { id: "base", type: "shape", shape: "circle", size: 480, fill: solid("#2e7d32") },
          {
            id: "leaves",
            type: "decoration",
            kind: "laurels",
            count: 7,
            radius: 200,
            itemSize: 26,
            startAngle: -150,
            endAngle: 150,
            paint: solid("#a5d6a7"),
          },
          { id: "icon", type: "glyph", glyph: "heart", style: "filled", size: 160, paint: solid("#ffffff"), strokeWidth: 2 },
          {
            id: "title",
            type: "text",
            text: "VOLUNTEER",
            font: { family: "Nunito", weight: 700, size: 36, letterSpacing: 2 },
            fill: solid("#ffffff"),
            path: { mode: "arc", radius: 150, side: "bottom" },
          },
        ],
      },
      ["#2e7d32", "#43a047"],
    ),
  ];
}

export function fakeCatalog(): DesignCatalog {
  return {
    templates: fakeTemplates(),
    fonts: FAKE_FONTS,
    canvas: 512,
    minSize: 64,
    maxSize: 4096,
    glyphCount: FAKE_GLYPH_COUNT,
  };
}

// ---------------------------------------------------------------- checks

class FieldError extends Error {}

function fail(path: string, message: string): never {
  throw new FieldError(`${path}: ${message}`);
}

function range(path: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    fail(path, `must be between ${min} and ${max} (is ${value})`);
  }
}

function color(path: string, value: string): void {
  if (!/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(value)) {
    fail(path, `"${value}" is not a colour (write #rrggbb or #rrggbbaa)`);
  }
}

function paint(path: string, p: Paint): void {
  if (p.type === "solid") return color(`${path}.color`, p.color);
  if (p.type === "linear") range(`${path}.angle`, p.angle, -360, 360);
  if (p.stops.length < 2 || p.stops.length > 16) {
    fail(`${path}.stops`, `a gradient needs 2 to 16 stops (has ${p.stops.length})`);
  }
  p.stops.forEach((s, i) => {
    range(`${path}.stops[${i}].offset`, s.offset, 0, 1);
    color(`${path}.stops[${i}].color`, s.color);
  });
}

function text(path: string, value: string, mayBeEmpty: boolean): void {
  const n = [...value].length;
  if (n === 0 && !mayBeEmpty) fail(path, "is empty");
  if (n > 200) fail(path, `has ${n} characters; text may have up to 200`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) fail(path, "holds a control character (text is one line)");
}

function font(path: string, f: { family: string; weight: number; size: number; letterSpacing: number }): void {
  if (!FAKE_FONTS.some((x) => x.family === f.family)) fail(`${path}.family`, `"${f.family}" is not a bundled font`);
  if (f.weight !== 400 && f.weight !== 700) fail(`${path}.weight`, `${f.family} comes in weights 400 and 700 (is ${f.weight})`);
  range(`${path}.size`, f.size, 4, 512);
  range(`${path}.letterSpacing`, f.letterSpacing, -32, 128);
}

function layer(at: string, l: Layer): void {
  if (l.id.trim() === "" || l.id.length > 64) fail(`${at}.id`, "must be 1 to 64 characters");
  range(`${at}.opacity`, l.opacity ?? 1, 0, 1);
  const t = l.transform ?? { x: 0, y: 0, scale: 1, rotate: 0 };
  range(`${at}.transform.x`, t.x, -2048, 2048);
  range(`${at}.transform.y`, t.y, -2048, 2048);
  range(`${at}.transform.scale`, t.scale, 0.05, 20);
  range(`${at}.transform.rotate`, t.rotate, -3600, 3600);
  if (l.shadow) {
    range(`${at}.shadow.dx`, l.shadow.dx, -256, 256);
    range(`${at}.shadow.dy`, l.shadow.dy, -256, 256);
    range(`${at}.shadow.blur`, l.shadow.blur, 0, 128);
    color(`${at}.shadow.color`, l.shadow.color);
  }
  switch (l.type) {
    case "shape":
      range(`${at}.size`, l.size, 1, 2048);
      paint(`${at}.fill`, l.fill);
      if (l.stroke) range(`${at}.stroke.width`, l.stroke.width, 0, 128);
      break;
    case "border":
      range(`${at}.size`, l.size, 1, 2048);
      range(`${at}.width`, l.width, 0.5, 256);
      paint(`${at}.paint`, l.paint);
      break;
    case "ribbon":
      range(`${at}.width`, l.width, 1, 2048);
      range(`${at}.height`, l.height, 4, 512);
      range(`${at}.curve`, l.curve, -256, 256);
      paint(`${at}.fill`, l.fill);
      text(`${at}.text`, l.text, true);
      font(`${at}.font`, l.font);
      paint(`${at}.textFill`, l.textFill);
      break;
    case "glyph":
      if (!GLYPHS.some((g) => g.name === l.glyph && g.style === l.style)) {
        fail(`${at}.glyph`, `there is no glyph named "${l.glyph}"${l.style === "filled" ? " in the filled style" : ""}`);
      }
      range(`${at}.size`, l.size, 1, 2048);
      paint(`${at}.paint`, l.paint);
      range(`${at}.strokeWidth`, l.strokeWidth, 0.25, 6);
      break;
    case "image":
      range(`${at}.size`, l.size, 1, 2048);
      if (!/^data:image\/(?:png|jpeg|svg\+xml);base64,/.test(l.data)) fail(`${at}.data`, "is not a PNG, JPEG or SVG data URI");
      break;
    case "text":
      text(`${at}.text`, l.text, false);
      font(`${at}.font`, l.font);
      paint(`${at}.fill`, l.fill);
      if (l.path.mode === "arc") range(`${at}.path.radius`, l.path.radius, 8, 1024);
      break;
    case "decoration":
      if (!Number.isInteger(l.count) || l.count < 1 || l.count > 120) fail(`${at}.count`, `must be 1 to 120 (is ${l.count})`);
      range(`${at}.radius`, l.radius, 0, 1024);
      range(`${at}.itemSize`, l.itemSize, 1, 256);
      range(`${at}.startAngle`, l.startAngle, -720, 720);
      range(`${at}.endAngle`, l.endAngle, -720, 720);
      paint(`${at}.paint`, l.paint);
      break;
  }
}

/**
 * Checks a design against the limits the core enforces, as far as the fake
 * knows them. Returns the core's kind of message (`layers[2].font.size: must
 * be between 4 and 512 (is 1000)`), or null when the design passes.
 */
export function checkFakeDesign(design: BadgeDesign): string | null {
  try {
    if (design.version !== 1) fail("version", `must be 1 (is ${design.version})`);
    if (design.name.trim() === "") fail("name", "is empty");
    if ([...design.name].length > 120) fail("name", "is longer than 120 characters");
    if (design.layers.length > 64) fail("layers", `has ${design.layers.length} layers; a design may have up to 64`);
    const ids = new Set<string>();
    design.layers.forEach((l, i) => {
      layer(`layers[${i}]`, l);
      if (ids.has(l.id)) fail(`layers[${i}].id`, `"${l.id}" is used by an earlier layer`);
      ids.add(l.id);
    });
    return null;
  } catch (error) {
    if (error instanceof FieldError) return error.message;
    throw error;
  }
}

// ---------------------------------------------------------------- placeholder renders

/**
 * A stand-in for a rendered PNG: a small SVG naming the design, with a hash of
 * its content so that two different designs never look the same to a test.
 */
export function placeholderRender(design: BadgeDesign, size: number, draft: boolean): string {
  const visible = design.layers.filter((l) => !l.hidden).length;
  // Nothing to draw: transparent, as the core renders it.
  if (visible === 0) {
    return svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="${size}" height="${size}"/>`);
  }
  return svgDataUrl(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="${size}" height="${size}" data-hash="${hashOf(design)}"${draft ? ' data-draft="true"' : ""}>
<circle cx="256" cy="256" r="230" fill="#dfe3e8" stroke="#9aa3af" stroke-width="4" stroke-dasharray="14 10"/>
<text x="256" y="250" font-family="sans-serif" font-size="34" font-weight="700" text-anchor="middle" fill="#374151">${escapeXml(design.name)}</text>
<text x="256" y="292" font-family="sans-serif" font-size="20" text-anchor="middle" fill="#6b7280">${visible} visible layer${visible === 1 ? "" : "s"} · preview</text>
</svg>`);
}

/** A 1 × 1 PNG, as a chosen image. */
export const TINY_PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M/wHwAEBgIApD5fRAAAAABJRU5ErkJggg==";
