// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { Inspection } from "./Inspection";

/**
 * A file opened in the desktop Inspector.
 */
export type OpenedFile = { 
/**
 * The handle by which the user interface refers to this file later.
 */
id: number, 
/**
 * What the file is and holds.
 */
inspection: Inspection, 
/**
 * A `data:` URL to show the image, when the file is an image.
 */
previewUrl: string | null, };
