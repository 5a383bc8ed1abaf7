// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BorderLayer } from "./BorderLayer";
import type { DecorationLayer } from "./DecorationLayer";
import type { GlyphLayer } from "./GlyphLayer";
import type { ImageLayer } from "./ImageLayer";
import type { RibbonLayer } from "./RibbonLayer";
import type { Shadow } from "./Shadow";
import type { ShapeLayer } from "./ShapeLayer";
import type { TextLayer } from "./TextLayer";
import type { Transform } from "./Transform";

/**
 * One layer of a design: what it draws, and how.
 */
export type Layer = { 
/**
 * A name unique within the design, used by editors to refer to the layer.
 */
id: string, 
/**
 * What the layer list shows; empty means "use the layer type".
 */
label?: string, 
/**
 * A hidden layer is kept but not drawn.
 */
hidden?: boolean, 
/**
 * A locked layer is drawn but editors do not change it.
 */
locked?: boolean, 
/**
 * 0 (invisible) to 1 (opaque).
 */
opacity?: number, 
/**
 * Offset, scale and rotation about the canvas centre.
 */
transform?: Transform, 
/**
 * An optional drop shadow under the layer.
 */
shadow?: Shadow | null, } & ({ "type": "shape" } & ShapeLayer | { "type": "border" } & BorderLayer | { "type": "ribbon" } & RibbonLayer | { "type": "glyph" } & GlyphLayer | { "type": "image" } & ImageLayer | { "type": "text" } & TextLayer | { "type": "decoration" } & DecorationLayer);
