// The issuing screens' rules, in plain functions: passphrases, dates as the
// core wants them, empty inputs, field errors, result types, a badge's status.

import type { AchievementInput } from "../../lib/ipc/gen/AchievementInput";
import type { IpcError } from "../../lib/ipc/gen/IpcError";
import type { IssuedBadge } from "../../lib/ipc/gen/IssuedBadge";
import type { IssuerInput } from "../../lib/ipc/gen/IssuerInput";
import type { IssuerProfile } from "../../lib/ipc/gen/IssuerProfile";

/** The shortest passphrase the core accepts. */
export const MIN_PASSPHRASE = 8;

/** What is wrong with a new passphrase and its confirmation, or null when both are fine. */
export function passphraseProblem(passphrase: string, confirm: string): { field: "passphrase" | "confirm"; message: string } | null {
  if ([...passphrase].length < MIN_PASSPHRASE) {
    return { field: "passphrase", message: `Use at least ${MIN_PASSPHRASE} characters.` };
  }
  if (passphrase !== confirm) return { field: "confirm", message: "The two passphrases are not the same." };
  return null;
}

export interface Strength {
  /** 0: too short, 1: weak, 2: fair, 3: strong. */
  level: 0 | 1 | 2 | 3;
  label: string;
}

/** A rough hint of how hard a passphrase is to guess: length counts most. */
export function passphraseStrength(passphrase: string): Strength {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE) {
    return { level: 0, label: length === 0 ? `At least ${MIN_PASSPHRASE} characters` : `Too short: ${MIN_PASSPHRASE - length} more` };
  }
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  const words = passphrase.trim().split(/\s+/).length;
  const repetitive = new Set(passphrase).size <= 3;
  let score = 0;
  if (length >= 12) score++;
  if (length >= 16 || words >= 4) score++;
  if (kinds >= 3) score++;
  if (repetitive) score = 0;
  if (score === 0) return { level: 1, label: "Weak: a few more words would help" };
  if (score === 1) return { level: 2, label: "Fair" };
  return { level: 3, label: "Strong" };
}

/** A `datetime-local` value (local time, "2026-03-01T09:30") as RFC 3339 in UTC ("2026-03-01T08:30:00Z"); null when empty or not a date. */
export function toRfc3339(local: string): string | null {
  if (local.trim() === "") return null;
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A date as a `datetime-local` value in local time, to the minute. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export { formatDay, formatWhen } from "../../lib/format";

/** `null` for text that is empty once trimmed. */
export function optional(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

export function emptyIssuerInput(): IssuerInput {
  return { name: "", url: null, email: null, description: null, image: null, imageDesignId: null, statusListUrl: null };
}

/** A profile as the form edits it (the logo stays as it is unless changed). */
export function issuerInputOf(profile: IssuerProfile): IssuerInput {
  return {
    name: profile.name,
    url: profile.url,
    email: profile.email,
    description: profile.description,
    image: profile.image,
    imageDesignId: null,
    statusListUrl: profile.statusListUrl,
  };
}

export function emptyAchievementInput(issuerId: string): AchievementInput {
  return {
    issuerId,
    name: "",
    description: "",
    criteriaNarrative: null,
    criteriaUrl: null,
    designId: null,
    tags: [],
    alignments: [],
    results: [],
  };
}

/**
 * The field an `invalid-request` names, and the rest of the message:
 * "url: `x` is not an https:// address" gives `url`. Null field otherwise.
 */
export function fieldError(error: IpcError): { field: string | null; message: string } {
  const match = /^([A-Za-z_][\w.[\]]*): (.+)$/s.exec(error.message);
  if (error.code !== "invalid-request" || !match?.[1] || !match[2]) return { field: null, message: error.message };
  return { field: match[1], message: match[2] };
}

/** The message with a capital letter and a full stop. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DID = /^did:[a-z0-9]+:\S+$/;

/** Whether a recipient is given as something the core can take: an e-mail address or a DID. */
export function recipientProblem(identity: string): string | null {
  const value = identity.trim();
  if (value === "") return "Give the recipient’s e-mail address or DID.";
  if (!EMAIL.test(value) && !DID.test(value)) return "This is neither an e-mail address nor a DID (did:…).";
  return null;
}

/** Whether a URL typed in a form looks like a web address (https only when `secure`). */
export function urlProblem(value: string | null, secure: boolean): string | null {
  if (value === null || value.trim() === "") return null;
  const ok = secure ? /^https:\/\/\S+\.\S+$/.test(value.trim()) : /^https?:\/\/\S+\.\S+$/.test(value.trim());
  if (ok) return null;
  return secure ? "Give a full address starting with https://" : "Give a full address starting with https:// or http://";
}

/** The OB 3.0 result types, with words for people. */
export const RESULT_TYPES: readonly { value: string; label: string }[] = [
  { value: "Status", label: "Status (completed, passed…)" },
  { value: "LetterGrade", label: "Letter grade" },
  { value: "Percent", label: "Percent" },
  { value: "RawScore", label: "Points (raw score)" },
  { value: "ScaledScore", label: "Scaled score" },
  { value: "GradePointAverage", label: "Grade point average" },
  { value: "PerformanceLevel", label: "Performance level" },
  { value: "PredictedScore", label: "Predicted score" },
  { value: "RubricCriterion", label: "Rubric criterion" },
  { value: "RubricCriterionLevel", label: "Rubric criterion level" },
  { value: "RubricScore", label: "Rubric score" },
  { value: "Result", label: "Other result (text)" },
];

export type IssuedStatus = "active" | "revoked" | "expired";

/** Where an issued badge stands now: revoked wins over expired. */
export function issuedStatus(badge: IssuedBadge, now: Date = new Date()): IssuedStatus {
  if (badge.revokedAt !== null) return "revoked";
  if (badge.validUntil !== null) {
    const until = Date.parse(badge.validUntil);
    if (!Number.isNaN(until) && until <= now.getTime()) return "expired";
  }
  return "active";
}

export { addTags } from "../../lib/tags";

/** "did:key:z6MkhaXg…2doK", keeping both ends. */
export function shortDid(did: string): string {
  if (did.length <= 32) return did;
  return `${did.slice(0, 18)}…${did.slice(-6)}`;
}
