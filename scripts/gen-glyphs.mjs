#!/usr/bin/env node
// Builds crates/art/assets/glyphs/tabler.json (plus LICENSE and SOURCES.md)
// from an extracted @tabler/icons package:
//
//   npm pack @tabler/icons@3.51.0 && tar xzf tabler-icons-3.51.0.tgz
//   node scripts/gen-glyphs.mjs package/
//
// Node 20, no dependencies. The output is deterministic: icons sorted by name,
// then outline before filled. Each body is the inner markup of the icon's
// <svg>, whitespace-minified, without tabler's invisible 24x24 bounding-box
// path and without attributes equal to the style's root defaults (listed under
// "styles" in the output). Numbers and geometry are kept exactly as shipped.
//
// The script fails loudly on anything a badge renderer should not be handed:
// an element other than the basic shapes, any href, any on* handler, any
// attribute outside the geometric and paint ones, a url() paint, or text.

import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "crates", "art", "assets", "glyphs");

const ELEMENTS = new Set(["path", "circle", "ellipse", "line", "polyline", "polygon", "rect"]);
const GEOMETRY = ["d", "cx", "cy", "r", "rx", "ry", "x", "y", "x1", "y1", "x2", "y2", "width", "height", "points", "transform"];
const PAINT = ["fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "fill-rule", "clip-rule", "opacity"];
const ATTRIBUTES = new Set([...GEOMETRY, ...PAINT]);

// The root <svg> attributes of each style; children repeat them needlessly.
const STYLES = {
  outline: {
    fill: "none",
    stroke: "currentColor",
    "stroke-width": "2",
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
  },
  filled: { fill: "currentColor" },
};
const ROOT_FIXED = { xmlns: "http://www.w3.org/2000/svg", width: "24", height: "24", viewBox: "0 0 24 24" };

const problems = [];
function problem(file, msg) {
  problems.push(`${file}: ${msg}`);
}

const collapse = (s) => s.replace(/\s+/g, " ").trim();

// A small tokenizer for the subset of XML that icon files use. Anything it
// does not understand is an error rather than something to skip.
function parseSvg(file, text) {
  const nodes = [];
  let root = null;
  let depth = 0;
  let i = 0;
  const tagRe = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=>\/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  const attrRe = /\s+([^\s=>\/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    if (chunk.trim() !== "") problem(file, `text content ${JSON.stringify(chunk.trim().slice(0, 40))}`);
    if (lt < 0) break;
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt);
      if (end < 0) {
        problem(file, "unterminated comment");
        break;
      }
      i = end + 3;
      continue;
    }
    if (text.startsWith("<?xml", lt) && depth === 0 && !root) {
      const end = text.indexOf("?>", lt);
      i = end < 0 ? text.length : end + 2;
      continue;
    }
    tagRe.lastIndex = lt;
    const m = tagRe.exec(text);
    if (!m) {
      problem(file, `cannot parse markup at ${JSON.stringify(text.slice(lt, lt + 40))}`);
      break;
    }
    i = tagRe.lastIndex;
    const [, closing, name, attrText, selfClosing] = m;
    const attrs = [];
    for (const a of attrText.matchAll(attrRe)) attrs.push([a[1], a[2] ?? a[3]]);
    if (closing) {
      depth--;
      if (depth === 0 && name === "svg") root.closed = true;
      else if (name !== "svg") problem(file, `unexpected closing tag </${name}>`);
      continue;
    }
    if (depth === 0) {
      if (name !== "svg" || root) problem(file, `unexpected top-level <${name}>`);
      root = { attrs, closed: false };
      depth = 1;
      continue;
    }
    if (depth > 1) problem(file, `nested element <${name}>`);
    nodes.push({ name, attrs });
    if (!selfClosing) depth++;
  }
  if (!root || !root.closed) problem(file, "no complete <svg> element");
  return { root, nodes };
}

function checkRoot(file, style, root) {
  const want = { ...ROOT_FIXED, ...STYLES[style] };
  const seen = new Set();
  for (const [k, v] of root.attrs) {
    seen.add(k);
    if (k === "class") continue;
    if (!(k in want)) problem(file, `unexpected root attribute ${k}="${v}"`);
    else if (collapse(v) !== want[k]) problem(file, `root ${k}="${v}", expected "${want[k]}"`);
  }
  for (const k of Object.keys(want)) if (!seen.has(k)) problem(file, `root lacks ${k}`);
}

function isBoundingBox(node) {
  if (node.name !== "path" || node.attrs.length !== 3) return false;
  const a = Object.fromEntries(node.attrs.map(([k, v]) => [k, collapse(v)]));
  return a.stroke === "none" && a.fill === "none" && a.d === "M0 0h24v24H0z";
}

function body(file, style, nodes) {
  const defaults = STYLES[style];
  const out = [];
  let dropped = 0;
  for (const node of nodes) {
    if (!ELEMENTS.has(node.name)) {
      problem(file, `element <${node.name}> is not allowed`);
      continue;
    }
    if (isBoundingBox(node)) {
      dropped++;
      continue;
    }
    let el = `<${node.name}`;
    for (const [k, raw] of node.attrs) {
      const v = collapse(raw);
      if (/href$/i.test(k)) problem(file, `<${node.name}> has ${k}`);
      else if (/^on/i.test(k)) problem(file, `<${node.name}> has event handler ${k}`);
      else if (!ATTRIBUTES.has(k)) problem(file, `<${node.name}> has attribute ${k}="${v}"`);
      if (/url\s*\(|javascript:|[<>&]/i.test(v)) problem(file, `<${node.name}> ${k} has value ${JSON.stringify(v)}`);
      else if ((k === "fill" || k === "stroke") && !/^(none|currentColor|#[0-9a-fA-F]{3,8})$/.test(v))
        problem(file, `<${node.name}> ${k} has value ${JSON.stringify(v)}`);
      if (defaults[k] === v) continue;
      el += ` ${k}="${v}"`;
    }
    out.push(el + "/>");
  }
  if (dropped > 1) problem(file, `${dropped} bounding-box paths`);
  if (out.length === 0) problem(file, "no visible shapes");
  return out.join("");
}

function tagsOf(file, meta) {
  const tags = [];
  const add = (t) => {
    const s = collapse(String(t)).toLowerCase();
    if (s && !tags.includes(s)) tags.push(s);
  };
  for (const t of meta.tags ?? []) {
    if (t === null || t === undefined) continue; // a few metadata entries have empty (null) tags
    if (typeof t !== "string" && typeof t !== "number") problem(file, `tag ${JSON.stringify(t)}`);
    else add(t);
  }
  if (meta.category) add(meta.category);
  return tags;
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function main() {
  const pkgDir = process.argv[2];
  if (!pkgDir || !existsSync(join(pkgDir, "package.json"))) {
    console.error("usage: node scripts/gen-glyphs.mjs <extracted @tabler/icons package folder>");
    process.exit(2);
  }
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  if (pkg.name !== "@tabler/icons") throw new Error(`${pkgDir} holds ${pkg.name}, not @tabler/icons`);
  const metadata = JSON.parse(readFileSync(join(pkgDir, "icons.json"), "utf8"));

  const icons = [];
  const counts = { outline: 0, filled: 0 };
  for (const style of ["outline", "filled"]) {
    const dir = join(pkgDir, "icons", style);
    const files = readdirSync(dir).filter((f) => f.endsWith(".svg")).sort(cmp);
    for (const f of files) {
      const name = f.slice(0, -4);
      const file = `icons/${style}/${f}`;
      const meta = metadata[name];
      if (!meta) problem(file, "no metadata entry in icons.json");
      else if (!meta.styles?.[style]) problem(file, `icons.json does not list the ${style} style`);
      const { root, nodes } = parseSvg(file, readFileSync(join(dir, f), "utf8"));
      if (root) checkRoot(file, style, root);
      icons.push({
        name,
        style,
        category: meta?.category ?? "",
        tags: meta ? tagsOf(file, meta) : [],
        body: body(file, style, nodes),
      });
      counts[style]++;
    }
  }
  for (const [name, meta] of Object.entries(metadata)) {
    for (const style of Object.keys(meta.styles ?? {})) {
      if (!existsSync(join(pkgDir, "icons", style, `${name}.svg`)))
        problem(`icons.json`, `${name} (${style}) has no SVG file`);
    }
  }
  if (problems.length) {
    console.error(`gen-glyphs: ${problems.length} problem(s) found; nothing written:`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }

  const order = { outline: 0, filled: 1 };
  icons.sort((a, b) => cmp(a.name, b.name) || order[a.style] - order[b.style]);

  // One icon per line: small, and readable in a diff.
  const head = {
    source: pkg.name,
    version: pkg.version,
    license: pkg.license,
    viewBox: 24,
    styles: STYLES,
  };
  let json = "{\n";
  for (const [k, v] of Object.entries(head)) json += `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`;
  json += '  "icons": [\n';
  json += icons.map((icon) => `    ${JSON.stringify(icon)}`).join(",\n");
  json += "\n  ]\n}\n";
  JSON.parse(json);

  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, "tabler.json"), json);
  const license = readFileSync(join(pkgDir, "LICENSE"));
  writeFileSync(join(OUT, "LICENSE"), license);

  const bytes = Buffer.byteLength(json);
  const sha = createHash("sha256").update(json).digest("hex");
  const total = counts.outline + counts.filled;
  const sources = `# Badge glyphs: sources

\`tabler.json\` holds every icon of **${pkg.name} ${pkg.version}** (Tabler Icons,
upstream repository tabler/tabler-icons), licence **${pkg.license}**: the
package's own licence text is in \`LICENSE\` beside this file.

| | count |
| --- | ---: |
| outline icons | ${counts.outline} |
| filled icons | ${counts.filled} |
| total entries | ${total} |

- \`tabler.json\`: ${bytes.toLocaleString("en-US")} bytes, SHA-256 \`${sha}\`
- Each entry: \`name\`, \`style\` (\`outline\` or \`filled\`; an icon drawn in
  both styles has two entries with the same name), \`category\`, \`tags\` (from
  the package's icons.json, lowercased and deduplicated, plus the category) and
  \`body\`: the inner markup of the 24×24 SVG.
- To draw an icon, wrap its body in
  \`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" …>\` with the
  root attributes of its style from \`styles\`: outline icons are strokes
  (\`fill="none" stroke="currentColor" stroke-width="2"\`, round caps and
  joins), filled icons are \`fill="currentColor"\`.
- Bodies are whitespace-minified only: the geometry and its numbers are as
  shipped. Tabler's invisible bounding-box path (\`M0 0h24v24H0z\`) is left
  out, and so are child attributes equal to the root defaults of the style.
- Only \`path\`, \`circle\`, \`ellipse\`, \`line\`, \`polyline\`, \`polygon\`
  and \`rect\` may appear, with geometric and paint attributes only; the
  generator refuses anything else (scripts, styles, \`use\`, images, any
  href, event handlers, \`url()\` paints).

## Regenerate

\`\`\`
npm pack @tabler/icons@${pkg.version}
tar xzf tabler-icons-${pkg.version}.tgz
node scripts/gen-glyphs.mjs package/
node scripts/check-glyphs.mjs
\`\`\`
`;
  writeFileSync(join(OUT, "SOURCES.md"), sources);
  console.log(
    `${counts.outline} outline + ${counts.filled} filled = ${total} icons; tabler.json ${bytes} bytes, sha256 ${sha}`,
  );
}

main();
