// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BadgeImageFormat } from "./BadgeImageFormat";
import type { ProofFormat } from "./ProofFormat";

/**
 * Options of an issuing run.
 */
export type IssueSettings = { 
/**
 * PNG or SVG.
 */
format: BadgeImageFormat, 
/**
 * Data Integrity or VC-JWT.
 */
proof: ProofFormat, 
/**
 * The PNG's width and height in pixels (64 to 4096; 512 by default).
 */
size: number, };
