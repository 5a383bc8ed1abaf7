// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { Color } from "./Color";
import type { GradientStop } from "./GradientStop";

/**
 * How an area or line is coloured.
 */
export type Paint = { "type": "solid", 
/**
 * The colour.
 */
color: Color, } | { "type": "linear", 
/**
 * Direction in degrees: 0 runs top to bottom, 90 left to right.
 */
angle: number, 
/**
 * Two to sixteen colour stops.
 */
stops: Array<GradientStop>, } | { "type": "radial", 
/**
 * Two to sixteen colour stops.
 */
stops: Array<GradientStop>, };
