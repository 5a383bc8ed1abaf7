// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * How a page of badges is sorted.
 */
export type WalletSortOrder = "newest" | "oldest" | "name" | "issuer" | "added";
