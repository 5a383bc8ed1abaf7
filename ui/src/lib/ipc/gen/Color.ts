// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * A colour written `#rrggbb` or `#rrggbbaa` (also `#rgb`).
 */
export type Color = string;
