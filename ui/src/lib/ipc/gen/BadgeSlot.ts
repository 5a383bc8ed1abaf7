// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * Where the badge sits in the image.
 */
export type BadgeSlot = "credential" | "assertion";
