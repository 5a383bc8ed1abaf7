// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * A design saved in the app, as lists show it.
 */
export type DesignSummary = { 
/**
 * The saved design's id.
 */
id: string, 
/**
 * Its name.
 */
name: string, 
/**
 * When it was first saved (RFC 3339).
 */
createdAt: string, 
/**
 * When it was last saved (RFC 3339).
 */
updatedAt: string, 
/**
 * A small PNG preview as a `data:` URL, when one was saved.
 */
thumbnail: string | null, };
