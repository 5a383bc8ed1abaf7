// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * Which part of an SVG badge element held the text.
 */
export type SvgSource = "verify-attribute" | "cdata" | "text" | "empty";
