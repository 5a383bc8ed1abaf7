// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * A font choice.
 */
export type Font = { 
/**
 * A bundled family, e.g. `Montserrat` (see [`crate::fonts::families`]).
 */
family: string, 
/**
 * 400 (regular) or 700 (bold).
 */
weight: number, 
/**
 * The size in design units.
 */
size: number, 
/**
 * Extra space between letters, in design units.
 */
letterSpacing: number, };
