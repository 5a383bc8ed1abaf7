#!/usr/bin/env node
// Checks crates/art/assets/glyphs/tabler.json: its shape, that every body uses
// only the allowed shapes and attributes, that SOURCES.md quotes its SHA-256,
// and that there are icons for the concepts badges are made of. Prints the
// most common tags. Node 20, no dependencies.
//
//   node scripts/check-glyphs.mjs

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "crates", "art", "assets", "glyphs");
const raw = readFileSync(join(DIR, "tabler.json"));
const data = JSON.parse(raw);
const errors = [];

const ELEMENT = /^<(path|circle|ellipse|line|polyline|polygon|rect)((?: [a-z-]+[0-9]?="[^"<>&]*")*)\/>/;
const ATTRS = new Set(
  "d cx cy r rx ry x y x1 y1 x2 y2 width height points transform fill stroke stroke-width stroke-linecap stroke-linejoin fill-rule clip-rule opacity".split(" "),
);

const counts = { outline: 0, filled: 0 };
const seen = new Set();
for (const icon of data.icons) {
  const id = `${icon.name} (${icon.style})`;
  if (!(icon.style in counts)) errors.push(`${id}: unknown style`);
  else counts[icon.style]++;
  if (seen.has(id)) errors.push(`${id}: duplicate`);
  seen.add(id);
  if (!Array.isArray(icon.tags) || icon.tags.some((t) => typeof t !== "string" || t !== t.toLowerCase()))
    errors.push(`${id}: tags are not lowercase strings`);
  if (new Set(icon.tags).size !== icon.tags.length) errors.push(`${id}: duplicate tags`);
  let rest = icon.body;
  if (!rest) errors.push(`${id}: empty body`);
  while (rest) {
    const m = ELEMENT.exec(rest);
    if (!m) {
      errors.push(`${id}: disallowed markup at ${JSON.stringify(rest.slice(0, 40))}`);
      break;
    }
    for (const a of m[2].matchAll(/ ([a-z0-9-]+)="([^"]*)"/g)) {
      if (!ATTRS.has(a[1])) errors.push(`${id}: attribute ${a[1]}`);
      if (/url\s*\(|javascript:/i.test(a[2])) errors.push(`${id}: value ${a[2]}`);
    }
    rest = rest.slice(m[0].length);
  }
}
const sorted = data.icons.every((icon, i, all) => {
  if (i === 0) return true;
  const prev = all[i - 1];
  return prev.name < icon.name || (prev.name === icon.name && prev.style === "outline" && icon.style === "filled");
});
if (!sorted) errors.push("icons are not sorted by name, then style");
const total = counts.outline + counts.filled;
if (total < 1000) errors.push(`only ${total} icons`);

const sha = createHash("sha256").update(raw).digest("hex");
const sources = readFileSync(join(DIR, "SOURCES.md"), "utf8");
if (!sources.includes(sha)) errors.push(`SOURCES.md does not quote tabler.json's SHA-256 ${sha}`);

console.log(`${data.source} ${data.version} (${data.license}): ${counts.outline} outline + ${counts.filled} filled = ${total}`);
console.log(`tabler.json: ${raw.length} bytes, sha256 ${sha}`);

const tagCount = new Map();
for (const icon of data.icons) for (const t of icon.tags) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
const top = [...tagCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 40);
console.log("\n40 most common tags:");
console.log(top.map(([t, n]) => `${t} ${n}`).join(", "));

// Concepts badges are made of; each needs an icon whose name is the concept,
// or else names that contain it.
const CONCEPTS = (
  "award trophy medal star certificate school book code heart leaf tree users handshake flag rocket " +
  "music palette camera ball-football bike first-aid shield bulb flask world microphone paw chef-hat tools hammer"
).split(" ");
const byName = new Map();
for (const icon of data.icons) byName.set(icon.name, [...(byName.get(icon.name) ?? []), icon.style]);
const names = [...byName.keys()];
const label = (n) => (byName.get(n).includes("filled") ? `${n} (+filled)` : n);
console.log("\nBadge concepts:");
for (const c of CONCEPTS) {
  const exact = byName.has(c);
  const near = names.filter((n) => n !== c && (n.startsWith(`${c}-`) || n.includes(`-${c}`)));
  if (!exact && near.length === 0) {
    const tagged = names.filter((n) => data.icons.some((i) => i.name === n && i.tags.includes(c)));
    if (tagged.length === 0) errors.push(`no icon for ${c}`);
    console.log(`  ${c}: no such name; tagged: ${tagged.slice(0, 8).map(label).join(", ") || "none"}`);
    continue;
  }
  const shown = near.slice(0, 6).map(label).join(", ");
  console.log(`  ${c}: ${exact ? label(c) : "(no exact name)"}${near.length ? `; also ${shown}${near.length > 6 ? ` … ${near.length} in all` : ""}` : ""}`);
}

if (errors.length) {
  console.error(`\ncheck-glyphs: ${errors.length} problem(s):`);
  for (const e of errors.slice(0, 50)) console.error(`  ${e}`);
  process.exit(1);
}
console.log("\ncheck-glyphs: ok");
