// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { Layer } from "./Layer";

/**
 * A badge design.
 */
export type BadgeDesign = { 
/**
 * The design format version (see [`CURRENT_VERSION`]).
 */
version: number, 
/**
 * The design's name, shown in galleries and lists.
 */
name: string, 
/**
 * An optional line about what the design is for.
 */
description?: string, 
/**
 * The layers, bottom to top.
 */
layers: Array<Layer>, };
