// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * A file the user saved.
 */
export type ExportedFile = { 
/**
 * Where it was saved, for display.
 */
path: string, 
/**
 * Its size in bytes.
 */
bytes: number, };
