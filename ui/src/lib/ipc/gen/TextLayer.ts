// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { Font } from "./Font";
import type { Paint } from "./Paint";
import type { Stroke } from "./Stroke";
import type { TextPath } from "./TextPath";

/**
 * Text.
 */
export type TextLayer = { 
/**
 * The text itself (one line).
 */
text: string, 
/**
 * Font, weight, size and spacing.
 */
font: Font, 
/**
 * The text's colour or gradient.
 */
fill: Paint, 
/**
 * An optional outline around the letters.
 */
stroke?: Stroke | null, 
/**
 * Straight, or along an arc.
 */
path: TextPath, };
