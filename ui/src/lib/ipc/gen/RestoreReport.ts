// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * What a wallet backup held, after restoring it.
 */
export type RestoreReport = { 
/**
 * Badges added.
 */
added: number, 
/**
 * Badges that were already in the wallet.
 */
alreadyThere: number, 
/**
 * Collections made (or merged into one of the same name).
 */
collections: number, };
