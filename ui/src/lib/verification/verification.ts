// What the verification panel says, in words. Pure functions, no Svelte.
// Shared by the Inspector and the issuing screens.

import type { CheckOutcome } from "../ipc/gen/CheckOutcome";
import type { IpcError } from "../ipc/gen/IpcError";
import type { Verification } from "../ipc/gen/Verification";

/** Where the checks of one badge are. */
export type VerifyState =
  | { phase: "checking"; online: boolean; previous: Verification | null }
  | { phase: "done"; report: Verification }
  | { phase: "failed"; online: boolean; error: IpcError };

const CHECK_LABELS: Readonly<Record<string, string>> = {
  parse: "Readable",
  schema: "Complete",
  proof: "Signature",
  "issuer-key": "Issuer’s key",
  dates: "Dates",
  status: "Revocation",
  recipient: "Recipient",
};

/** The name of a check for people: "Signature" for `proof`. */
export function checkLabel(id: string): string {
  const known = CHECK_LABELS[id];
  if (known) return known;
  const words = id.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const OUTCOME_LABELS: Record<CheckOutcome, string> = {
  pass: "Passed",
  fail: "Failed",
  warn: "Warning",
  skip: "Not checked",
};

/** The outcome of a check in words, so that colour is never the only cue. */
export function outcomeLabel(outcome: CheckOutcome): string {
  return OUTCOME_LABELS[outcome];
}

/** `valid`: verified; `invalid`: a check failed; `offline`/`partial`: nothing failed, but not everything was checked. */
export type VerdictTone = "valid" | "invalid" | "offline" | "partial";

export interface Verdict {
  tone: VerdictTone;
  title: string;
  detail: string;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Signature", "Signature and Dates", "Readable, Signature and Dates". */
function listOf(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/** The headline of a report. */
export function verdictOf(report: Verification): Verdict {
  const failed = report.checks.filter((c) => c.status === "fail");
  const skipped = report.checks.filter((c) => c.status === "skip").length;
  const warned = report.checks.filter((c) => c.status === "warn").length;
  if (!report.valid || failed.length > 0) {
    const labels = [...new Set(failed.map((c) => checkLabel(c.id)))];
    const what =
      labels.length === 0
        ? "a check failed"
        : `the ${listOf(labels)} ${labels.length === 1 ? "check" : "checks"} failed`;
    return { tone: "invalid", title: "Not valid", detail: `Don’t rely on this badge: ${what}.` };
  }
  if (report.needsNetwork) {
    return {
      tone: "offline",
      title: "Checked offline — some checks need the network",
      detail: `Nothing is wrong so far, but ${count(skipped, "check needs", "checks need")} the issuer’s website.`,
    };
  }
  if (skipped > 0) {
    return {
      tone: "partial",
      title: "Partly checked",
      detail: `Nothing failed, but ${count(skipped, "check", "checks")} could not be done.`,
    };
  }
  const all = report.checks.length === 1 ? "The check" : `All ${report.checks.length} checks`;
  const where = report.online ? " online" : "";
  const notes = warned > 0 ? `, with ${count(warned, "warning", "warnings")}` : "";
  return { tone: "valid", title: "Verified", detail: `${all} passed${where}${notes}.` };
}

/**
 * The issuer's website as a host name, when the issuer is named by a web
 * address or a `did:web`: "example.com". Null otherwise.
 */
export function issuerHost(report: Verification): string | null {
  const id = report.issuerId?.trim() ?? "";
  if (/^https?:\/\//i.test(id)) {
    try {
      return new URL(id).host || null;
    } catch {
      return null;
    }
  }
  const web = /^did:web:([^:#?/]+)/.exec(id);
  return web?.[1] ? decodeURIComponent(web[1]) : null;
}

export interface VerdictMark {
  outcome: CheckOutcome;
  label: string;
}

/** The small mark on a file in the list: its verdict as a shape and a word. */
export function verdictMark(report: Verification): VerdictMark {
  switch (verdictOf(report).tone) {
    case "valid":
      return { outcome: "pass", label: "Verified" };
    case "invalid":
      return { outcome: "fail", label: "Not valid" };
    case "offline":
      return { outcome: "skip", label: "Checked offline" };
    case "partial":
      return { outcome: "warn", label: "Partly checked" };
  }
}
