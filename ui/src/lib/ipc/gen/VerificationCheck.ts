// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { CheckOutcome } from "./CheckOutcome";

/**
 * One line of the checklist.
 */
export type VerificationCheck = { 
/**
 * `parse`, `schema`, `proof`, `issuer-key`, `dates`, `status` or `recipient`.
 */
id: string, 
/**
 * The outcome.
 */
status: CheckOutcome, 
/**
 * One plain sentence.
 */
message: string, };
