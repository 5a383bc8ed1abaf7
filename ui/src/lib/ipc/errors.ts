import type { ErrorCode } from "./gen/ErrorCode";
import type { IpcError } from "./gen/IpcError";

/** Every code, checked against the generated type so that none is missing. */
const CODES: Record<ErrorCode, true> = {
  "invalid-image": true,
  "not-a-badge": true,
  "no-badge": true,
  "invalid-credential": true,
  "too-large": true,
  io: true,
  cancelled: true,
  "invalid-request": true,
  "invalid-design": true,
  "not-found": true,
  store: true,
  "already-exists": true,
  "wrong-passphrase": true,
  locked: true,
  internal: true,
};

function isCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(CODES, value);
}

/** Whether `value` is an {@link IpcError} as the Rust commands reject with. */
export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { code?: unknown; message?: unknown };
  return isCode(v.code) && typeof v.message === "string";
}

/**
 * Turns whatever a call rejected with into an {@link IpcError}: the Rust
 * commands reject with one already; anything else (a bug, a missing command)
 * becomes `internal`. An error with a code this build doesn't know yet keeps
 * its message, so that people still read what went wrong.
 */
export function toIpcError(reason: unknown): IpcError {
  if (isIpcError(reason)) return reason;
  if (reason instanceof Error) return { code: "internal", message: reason.message };
  if (typeof reason === "object" && reason !== null) {
    const message = (reason as { message?: unknown }).message;
    if (typeof message === "string" && message.trim() !== "") return { code: "internal", message };
  }
  if (typeof reason === "string" && reason.trim() !== "") return { code: "internal", message: reason };
  return { code: "internal", message: "an unexpected error happened" };
}
