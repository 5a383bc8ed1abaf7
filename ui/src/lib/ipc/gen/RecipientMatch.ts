// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * The answer to "is this badge mine?".
 */
export type RecipientMatch = { 
/**
 * True when the badge names this identity.
 */
matches: boolean, 
/**
 * One sentence saying so.
 */
message: string, };
