// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * The side of a circle that arc text is centred on.
 */
export type ArcSide = "top" | "bottom";
