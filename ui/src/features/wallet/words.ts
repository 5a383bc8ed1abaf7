// What the Wallet screen says, in words. Pure functions, no Svelte.

import { formatCount } from "../../lib/format";
import type { BadgeVersion } from "../../lib/ipc/gen/BadgeVersion";
import type { FileFormat } from "../../lib/ipc/gen/FileFormat";
import type { ImportReport } from "../../lib/ipc/gen/ImportReport";
import type { RecipientFacts } from "../../lib/ipc/gen/RecipientFacts";
import type { RestoreReport } from "../../lib/ipc/gen/RestoreReport";
import type { WalletSortOrder } from "../../lib/ipc/gen/WalletSortOrder";
import type { WalletStatus } from "../../lib/ipc/gen/WalletStatus";
import type { ChipTone } from "../../lib/ui/Chip.svelte";
import type { IconName } from "../../lib/ui/icons";

export interface StatusWords {
  label: string;
  /** One sentence for a tooltip. */
  about: string;
  icon: IconName;
}

/** The statuses in the order the filters list them. */
export const STATUS_ORDER: readonly WalletStatus[] = ["valid", "unverified", "expired", "revoked", "invalid"];

const STATUS_WORDS: Record<WalletStatus, StatusWords> = {
  valid: { label: "Valid", about: "Every check passed when it was last verified.", icon: "check" },
  unverified: {
    label: "Unverified",
    about: "It couldn’t be checked offline: allow the network and verify it again.",
    icon: "shield-alert",
  },
  expired: { label: "Expired", about: "Its end date has passed, or it isn’t valid yet.", icon: "clock" },
  revoked: { label: "Revoked", about: "The issuer withdrew it.", icon: "ban" },
  invalid: { label: "Not valid", about: "A check failed: don’t rely on this badge.", icon: "close" },
};

export function statusWords(status: WalletStatus): StatusWords {
  return STATUS_WORDS[status];
}

export function isStatus(value: string): value is WalletStatus {
  return Object.prototype.hasOwnProperty.call(STATUS_WORDS, value);
}

export const SORT_OPTIONS: readonly { value: WalletSortOrder; label: string }[] = [
  { value: "newest", label: "Newest" },
  { value: "oldest", label: "Oldest" },
  { value: "name", label: "Name" },
  { value: "issuer", label: "Issuer" },
  { value: "added", label: "Recently added" },
];

export function versionChip(version: BadgeVersion): { label: string; tone: ChipTone } {
  switch (version) {
    case "ob3":
      return { label: "OB 3.0", tone: "ob3" };
    case "ob2":
      return { label: "OB 2.0", tone: "ob2" };
    case "ob1":
      return { label: "OB 1.x", tone: "ob1" };
    case "unknown":
      return { label: "Unknown version", tone: "none" };
  }
}

const FILE_WORDS: Record<FileFormat, string> = {
  png: "PNG image",
  svg: "SVG image",
  json: "JSON file",
  jwt: "JWT",
  url: "Hosted badge (URL)",
};

export function fileWords(kind: FileFormat): string {
  return FILE_WORDS[kind];
}

export function isImageFile(kind: FileFormat): boolean {
  return kind === "png" || kind === "svg";
}

const RECIPIENT_KINDS: Readonly<Record<string, string>> = {
  email: "E-mail address",
  emailAddress: "E-mail address",
  did: "DID",
  url: "Web address",
  telephone: "Telephone number",
  name: "Name",
};

/** How the badge names its recipient: "E-mail address (hashed)". */
export function recipientKind(recipient: RecipientFacts): string {
  const kind = RECIPIENT_KINDS[recipient.kind] ?? recipient.kind;
  return recipient.hashed ? `${kind} (hashed)` : kind;
}

/** The last part of a path, for a report line. */
export function baseName(source: string): string {
  return source.split(/[\\/]/).filter(Boolean).pop() ?? source;
}

/** "2 added · 1 already there · 1 not a badge", leaving out the zeros (but never saying nothing). */
export function reportTotals(report: ImportReport): string {
  const parts = [
    report.added > 0 ? `${report.added} added` : null,
    report.alreadyThere > 0 ? `${report.alreadyThere} already there` : null,
    report.notBadges > 0 ? formatCount(report.notBadges, "not a badge", "not badges") : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(" · ") : "Nothing to import";
}

/** The report dialog's title. */
export function reportTitle(report: ImportReport): string {
  if (report.items.length === 0) return "Nothing was imported";
  if (report.added === 0) return report.alreadyThere > 0 && report.notBadges === 0 ? "Already in your wallet" : "No badges added";
  return `${formatCount(report.added, "badge", "badges")} added`;
}

/** What restoring a backup did, in one sentence. */
export function restoreSummary(report: RestoreReport): string {
  const parts = [formatCount(report.added, "badge added", "badges added")];
  if (report.alreadyThere > 0) parts.push(`${report.alreadyThere} already there`);
  if (report.collections > 0) parts.push(formatCount(report.collections, "collection", "collections"));
  return `${parts.join(", ")}.`;
}

/** Whether a date as written in a badge has passed. */
export function isPast(date: string | null, now: Date = new Date()): boolean {
  if (date === null) return false;
  const at = Date.parse(date);
  return !Number.isNaN(at) && at <= now.getTime();
}
