// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { Color } from "./Color";

/**
 * A drop shadow.
 */
export type Shadow = { 
/**
 * Horizontal offset in design units.
 */
dx: number, 
/**
 * Vertical offset in design units.
 */
dy: number, 
/**
 * Blur radius in design units.
 */
blur: number, 
/**
 * The shadow's colour (its alpha sets how dark it is).
 */
color: Color, };
