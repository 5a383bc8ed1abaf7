// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * A rendered preview or export.
 */
export type RenderedDesign = { 
/**
 * The PNG as a `data:` URL.
 */
dataUrl: string, 
/**
 * Its side in pixels.
 */
size: number, 
/**
 * How long the render took, in milliseconds.
 */
millis: number, };
