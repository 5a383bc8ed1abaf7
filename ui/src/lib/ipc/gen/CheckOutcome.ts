// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * The outcome of one check.
 */
export type CheckOutcome = "pass" | "fail" | "warn" | "skip";
