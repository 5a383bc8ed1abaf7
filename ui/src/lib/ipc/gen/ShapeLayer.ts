// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { Paint } from "./Paint";
import type { ShapeKind } from "./ShapeKind";
import type { Stroke } from "./Stroke";

/**
 * A filled shape.
 */
export type ShapeLayer = { 
/**
 * Which shape.
 */
shape: ShapeKind, 
/**
 * The shape's outer width, in design units.
 */
size: number, 
/**
 * How the shape is filled.
 */
fill: Paint, 
/**
 * An optional outline.
 */
stroke?: Stroke | null, };
