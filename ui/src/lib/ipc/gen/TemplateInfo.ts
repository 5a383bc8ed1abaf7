// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BadgeDesign } from "./BadgeDesign";

/**
 * A bundled template.
 */
export type TemplateInfo = { 
/**
 * The template's id (its file name without `.badgedesign.json`).
 */
id: string, 
/**
 * Who it suits: `school`, `company`, `community` or `any`.
 */
audience: string, 
/**
 * The design.
 */
design: BadgeDesign, 
/**
 * A small PNG preview as a `data:` URL.
 */
thumbnail: string, };
