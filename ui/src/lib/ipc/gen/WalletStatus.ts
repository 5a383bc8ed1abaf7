// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * Where a badge stands after its last verification.
 */
export type WalletStatus = "valid" | "invalid" | "expired" | "revoked" | "unverified";
