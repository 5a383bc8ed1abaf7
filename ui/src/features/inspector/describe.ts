// What the Inspector says about a file, in words. Pure functions, no Svelte.

import type { ChipTone } from "../../lib/ui/Chip.svelte";
import type { IconName } from "../../lib/ui/icons";
import type { BadgeContent } from "../../lib/ipc/gen/BadgeContent";
import type { ErrorCode } from "../../lib/ipc/gen/ErrorCode";
import type { FileFormat } from "../../lib/ipc/gen/FileFormat";
import type { Inspection } from "../../lib/ipc/gen/Inspection";
import type { PayloadKind } from "../../lib/ipc/gen/PayloadKind";
import type { Entry } from "./inspector.svelte";

export interface ChipInfo {
  label: string;
  tone: ChipTone;
}

/** The small label in the file list: the version, "No badge", or "Error". */
export function chipFor(entry: Entry): ChipInfo {
  if (entry.status === "failed") return { label: "Error", tone: "error" };
  const badge = entry.file.inspection.badge;
  if (!badge) return { label: "No badge", tone: "none" };
  switch (badge.version) {
    case "ob3":
      return { label: "OB 3.0", tone: "ob3" };
    case "ob2":
      return { label: "OB 2.0", tone: "ob2" };
    case "ob1":
      return { label: "OB 1.x", tone: "ob1" };
    case "unknown":
      // A bare URL names a hosted assertion whose version only its host knows.
      return badge.kind === "url" ? { label: "Hosted", tone: "none" } : { label: "Unknown", tone: "none" };
  }
}

export function entryName(entry: Entry): string {
  return entry.status === "failed" ? entry.name : entry.file.inspection.fileName;
}

/** The heading for an opened file: the badge's name, else the file name. */
export function titleOf(inspection: Inspection): string {
  return inspection.badge?.summary.name ?? inspection.fileName;
}

const FORMAT_NAMES: Record<FileFormat, string> = {
  png: "PNG",
  svg: "SVG",
  json: "JSON",
  jwt: "JWT",
  url: "URL",
};

/** "PNG image, 512 × 512 px", "JSON file". */
export function formatLabel(inspection: Inspection): string {
  const name = FORMAT_NAMES[inspection.format];
  const image = inspection.format === "png" || inspection.format === "svg";
  if (!image) return inspection.format === "url" ? "URL (text)" : `${name} file`;
  const { width, height } = inspection;
  return width !== null && height !== null ? `${name} image, ${width} × ${height} px` : `${name} image`;
}

export function shortFormat(inspection: Inspection): string {
  const name = FORMAT_NAMES[inspection.format];
  const { width, height } = inspection;
  return width !== null && height !== null ? `${name} · ${width} × ${height}` : name;
}

export function isImage(inspection: Inspection): boolean {
  return inspection.format === "png" || inspection.format === "svg";
}

/** An icon for a file without a picture. */
export function formatIcon(inspection: Inspection): IconName {
  switch (inspection.format) {
    case "png":
    case "svg":
      return "image";
    case "json":
      return "json";
    case "jwt":
      return "signed";
    case "url":
      return "link";
  }
}

const KIND_LABELS: Record<PayloadKind, string> = {
  json: "JSON",
  jws: "JWS (signed JWT)",
  url: "URL",
  text: "Text",
};

export function kindLabel(kind: PayloadKind): string {
  return KIND_LABELS[kind];
}

const SVG_SOURCES = {
  "verify-attribute": "verify attribute",
  cdata: "CDATA",
  text: "text content",
  empty: "empty element",
} as const;

/**
 * Where the badge sits in the file, with `code` parts in backticks, e.g.
 * "iTXt chunk `openbadgecredential` (chunk 1), not compressed", or null when the
 * credential is a file of its own.
 */
export function whereBaked(badge: BadgeContent): string | null {
  if (badge.chunkType) {
    const keyword = badge.keyword ? ` \`${badge.keyword}\`` : "";
    const index = badge.chunkIndex !== null ? ` (chunk ${badge.chunkIndex})` : "";
    return `${badge.chunkType} chunk${keyword}${index}, ${badge.compressed ? "compressed" : "not compressed"}`;
  }
  if (badge.element) {
    const source = badge.svgSource ? `, ${SVG_SOURCES[badge.svgSource]}` : "";
    return `\`<${badge.element}>\` element${source}`;
  }
  return null;
}

export { sentence } from "../../lib/format";

const ERROR_TITLES: Record<ErrorCode, string> = {
  "invalid-image": "This image is damaged",
  "not-a-badge": "Not a badge or a credential",
  "no-badge": "No badge in this image",
  "invalid-credential": "This credential can’t be read",
  "too-large": "This file is too large",
  io: "The file couldn’t be read",
  cancelled: "Cancelled",
  "invalid-request": "That request can’t be carried out",
  "invalid-design": "This design can’t be drawn",
  "not-found": "It is no longer there",
  store: "The app’s database couldn’t be used",
  "already-exists": "It already exists",
  "wrong-passphrase": "That passphrase isn’t right",
  locked: "The issuer’s key is locked",
  internal: "Something went wrong",
};

const ERROR_HINTS: Record<ErrorCode, string> = {
  "invalid-image": "The file may be incomplete or corrupted. Try downloading or exporting it again.",
  "not-a-badge": "Badgesmith reads PNG and SVG images, JSON credentials, JWTs and badge URLs.",
  "no-badge": "The image is fine, but no Open Badge is baked into it.",
  "invalid-credential": "Ask the issuer for a fresh copy of the credential.",
  "too-large": "Badge images and credentials are usually far smaller. Check that this is the right file.",
  io: "Check that the file still exists and that you are allowed to read it.",
  cancelled: "Nothing was changed.",
  "invalid-request": "Nothing was changed. If it keeps happening, report it with the message above.",
  "invalid-design": "The message above names the layer and the value to change.",
  "not-found": "It may have been deleted in the meantime.",
  store: "Nothing was changed. Check that the disk is not full, then try again.",
  "already-exists": "Choose another name.",
  "wrong-passphrase": "Check the keyboard layout and Caps Lock, then type it again.",
  locked: "Unlock the issuer with its passphrase, then try again.",
  internal: "Please try again. If it keeps happening, report it with the message above.",
};

export function errorTitle(code: ErrorCode): string {
  return ERROR_TITLES[code];
}

export function errorHint(code: ErrorCode): string {
  return ERROR_HINTS[code];
}


/** Whether a string is a long `data:` URI worth abbreviating. */
export function isLongDataUri(value: string): boolean {
  return value.startsWith("data:") && value.length > 96;
}

/** "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA…" */
export function abbreviateDataUri(value: string): string {
  const comma = value.indexOf(",");
  const head = comma >= 0 && comma < 80 ? comma + 1 : 40;
  return `${value.slice(0, head + 24)}…`;
}
