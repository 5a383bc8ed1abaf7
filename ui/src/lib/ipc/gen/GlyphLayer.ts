// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { GlyphStyle } from "./GlyphStyle";
import type { Paint } from "./Paint";

/**
 * A glyph from the bundled library.
 */
export type GlyphLayer = { 
/**
 * The glyph's name in the library, e.g. `trophy`.
 */
glyph: string, 
/**
 * Outline or filled drawing, when the library has both.
 */
style: GlyphStyle, 
/**
 * The glyph's width, in design units.
 */
size: number, 
/**
 * The glyph's colour or gradient.
 */
paint: Paint, 
/**
 * Line width for outline glyphs, in the glyph's own 24-unit grid.
 */
strokeWidth: number, };
