// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.
import type { OpenedFile } from "./OpenedFile";

/**
 * A baked copy saved by the desktop app.
 */
export type BakeSaved = { 
/**
 * Where the baked image was written, for display.
 */
savedTo: string, 
/**
 * How the credential was placed, e.g. ``iTXt `openbadgecredential` ``.
 */
placedAs: string, 
/**
 * The baked image, opened in the Inspector.
 */
file: OpenedFile, };
