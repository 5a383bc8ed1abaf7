// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * Offset, scale and rotation, applied about the canvas centre.
 */
export type Transform = { 
/**
 * Horizontal offset in design units (positive is right).
 */
x: number, 
/**
 * Vertical offset in design units (positive is down).
 */
y: number, 
/**
 * Scale factor.
 */
scale: number, 
/**
 * Rotation in degrees, clockwise.
 */
rotate: number, };
