// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BorderStyle } from "./BorderStyle";
import type { Paint } from "./Paint";
import type { ShapeKind } from "./ShapeKind";

/**
 * A ring along a shape's outline.
 */
export type BorderLayer = { 
/**
 * The outline followed.
 */
shape: ShapeKind, 
/**
 * The outline's width, in design units (the ring is centred on it).
 */
size: number, 
/**
 * The ring's thickness.
 */
width: number, 
/**
 * Solid, dashed ("stitching"), dotted or double.
 */
style: BorderStyle, 
/**
 * The ring's colour or gradient.
 */
paint: Paint, };
