// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { FontInfo } from "./FontInfo";
import type { TemplateInfo } from "./TemplateInfo";

/**
 * Everything the Designer needs to offer choices: templates, fonts, limits.
 */
export type DesignCatalog = { 
/**
 * The bundled templates, in gallery order.
 */
templates: Array<TemplateInfo>, 
/**
 * The bundled font families.
 */
fonts: Array<FontInfo>, 
/**
 * The side of the square design canvas, in design units.
 */
canvas: number, 
/**
 * The smallest PNG size, in pixels.
 */
minSize: number, 
/**
 * The largest PNG size, in pixels.
 */
maxSize: number, 
/**
 * How many glyphs the library holds.
 */
glyphCount: number, };
