// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { Color } from "./Color";

/**
 * One stop of a gradient.
 */
export type GradientStop = { 
/**
 * Where the stop sits, 0 to 1.
 */
offset: number, 
/**
 * The colour there.
 */
color: Color, };
