// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * An image the user chose for an image layer, checked and ready to embed.
 */
export type ChosenImage = { 
/**
 * The file's name.
 */
fileName: string, 
/**
 * The `data:` URI to put in the image layer.
 */
dataUri: string, 
/**
 * Width in pixels.
 */
width: number, 
/**
 * Height in pixels.
 */
height: number, 
/**
 * What was changed (scaled down, scripts removed), when something was.
 */
notice: string | null, };
