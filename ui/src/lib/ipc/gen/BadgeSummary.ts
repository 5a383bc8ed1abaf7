// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * A few facts for a heading. Every field is a best-effort reading.
 */
export type BadgeSummary = { 
/**
 * The badge or achievement name.
 */
name: string | null, 
/**
 * The issuer's name, or its id when no name is given.
 */
issuer: string | null, 
/**
 * When the badge was issued or became valid.
 */
issued: string | null, 
/**
 * When it stops being valid.
 */
expires: string | null, };
