// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * How a border ring is drawn.
 */
export type BorderStyle = "solid" | "dashed" | "dotted" | "double";
