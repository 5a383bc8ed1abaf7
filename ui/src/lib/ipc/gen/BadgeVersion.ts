// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * The Open Badges version the content most likely follows.
 */
export type BadgeVersion = "ob3" | "ob2" | "ob1" | "unknown";
