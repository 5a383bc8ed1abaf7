// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { DecorationKind } from "./DecorationKind";
import type { Paint } from "./Paint";

/**
 * Decorations arranged along an arc.
 */
export type DecorationLayer = { 
/**
 * Stars, laurel leaves or dots.
 */
kind: DecorationKind, 
/**
 * How many items (laurels: leaves on each side).
 */
count: number, 
/**
 * The arc's radius.
 */
radius: number, 
/**
 * Each item's size.
 */
itemSize: number, 
/**
 * Where the arc starts, in degrees clockwise from the top.
 */
startAngle: number, 
/**
 * Where the arc ends, in degrees clockwise from the top.
 */
endAngle: number, 
/**
 * The items' colour or gradient.
 */
paint: Paint, };
