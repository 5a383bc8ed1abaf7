// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * The kind of file inspected.
 */
export type FileFormat = "png" | "svg" | "json" | "jwt" | "url";
