// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * What happened to one file or text given to import.
 */
export type ImportResult = "added" | "already-there" | "not-a-badge";
