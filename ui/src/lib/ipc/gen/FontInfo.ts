// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * A bundled font family.
 */
export type FontInfo = { 
/**
 * The family name designs use.
 */
family: string, 
/**
 * sans-serif, serif, condensed, rounded or display.
 */
category: string, 
/**
 * What it suits.
 */
description: string, 
/**
 * The weights it comes in.
 */
weights: Array<number>, };
