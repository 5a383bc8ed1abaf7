// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { GlyphStyle } from "./GlyphStyle";

/**
 * A glyph from the library, with a preview.
 */
export type GlyphInfo = { 
/**
 * The name designs use.
 */
name: string, 
/**
 * Outline or filled.
 */
style: GlyphStyle, 
/**
 * The library's category.
 */
category: string, 
/**
 * Search words.
 */
tags: Array<string>, 
/**
 * A standalone SVG of the glyph in `currentColor`-free dark grey, as a `data:` URL.
 */
preview: string, };
