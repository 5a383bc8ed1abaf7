// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { Font } from "./Font";
import type { Paint } from "./Paint";
import type { RibbonStyle } from "./RibbonStyle";
import type { Stroke } from "./Stroke";

/**
 * A ribbon banner.
 */
export type RibbonLayer = { 
/**
 * The ribbon's style.
 */
style: RibbonStyle, 
/**
 * The ribbon's width, in design units.
 */
width: number, 
/**
 * The band's height, in design units.
 */
height: number, 
/**
 * How far the band bends (0 = straight; positive bends the middle up).
 */
curve: number, 
/**
 * The band's colour or gradient; folds and tails are drawn darker.
 */
fill: Paint, 
/**
 * An optional outline.
 */
stroke?: Stroke | null, 
/**
 * The text on the band (may be empty).
 */
text: string, 
/**
 * The text's font.
 */
font: Font, 
/**
 * The text's colour.
 */
textFill: Paint, };
