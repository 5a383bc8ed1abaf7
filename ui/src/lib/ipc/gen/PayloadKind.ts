// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * What the embedded text is, by its syntax.
 */
export type PayloadKind = "json" | "jws" | "url" | "text";
