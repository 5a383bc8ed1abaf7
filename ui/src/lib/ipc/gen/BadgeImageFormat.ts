// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * The image the badge is baked into.
 */
export type BadgeImageFormat = "png" | "svg";
