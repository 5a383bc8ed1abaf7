// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { Color } from "./Color";

/**
 * An outline.
 */
export type Stroke = { 
/**
 * The line's colour.
 */
color: Color, 
/**
 * The line's width in design units.
 */
width: number, };
