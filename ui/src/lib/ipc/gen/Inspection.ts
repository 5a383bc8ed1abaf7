// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { BadgeContent } from "./BadgeContent";
import type { FileFormat } from "./FileFormat";

/**
 * What a file is, and what is baked into it.
 */
export type Inspection = { 
/**
 * The file name (without folders), or a label such as `pasted text`.
 */
fileName: string, 
/**
 * What the file is.
 */
format: FileFormat, 
/**
 * The file's size in bytes.
 */
byteSize: number, 
/**
 * The image's width in pixels, when it is an image and the width is known.
 */
width: number | null, 
/**
 * The image's height in pixels, when it is an image and the height is known.
 */
height: number | null, 
/**
 * The badge found, or `null` for an image without one.
 */
badge: BadgeContent | null, 
/**
 * Things worth knowing that did not stop the reading, one sentence each.
 */
warnings: Array<string>, };
