// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { ShapeKind } from "./ShapeKind";

/**
 * The user's image, clipped to a shape.
 */
export type ImageLayer = { 
/**
 * A `data:image/png;base64,…`, `data:image/jpeg;base64,…` or
 * `data:image/svg+xml;base64,…` URI, as made by
 * [`crate::prepare_image`].
 */
data: string, 
/**
 * The shape the image is clipped to.
 */
clip: ShapeKind, 
/**
 * The clip shape's width, in design units.
 */
size: number, };
