// Generated from crates/app/src/dto.rs by `UPDATE_IPC_TYPES=1 cargo test -p badgesmith-app`. Do not edit.

/**
 * How far an import has come, sent as the `wallet-import-progress` event.
 */
export type WalletImportProgress = { 
/**
 * Files handled so far.
 */
done: number, 
/**
 * Files in all.
 */
total: number, };
